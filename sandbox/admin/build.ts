import path from 'path'
import { build, type Plugin } from 'esbuild'

const ROOT = path.resolve(__dirname, '../..')

/**
 * The admin page for the sandbox: the real react/ admin components bundled with React, the npm
 * build of VTEX Styleguide in place of the `vtex.styleguide` app the Admin provides, and the
 * sandbox's react-apollo and react-intl. Styleguide ships CSS modules and a webpack-style import
 * of react-datepicker's CSS, both bundled into one stylesheet.
 */
export const ADMIN_ENTRY = path.join(__dirname, 'page.tsx')

export interface AdminBundle {
  js: string
  css: string
}

/** `@import url('~pkg/file.css')` is webpack's way to name a package: resolve it from node_modules. */
const webpackTildeImports: Plugin = {
  name: 'webpack-tilde-imports',
  setup(builder) {
    builder.onResolve({ filter: /^~/ }, (args) => ({ path: require.resolve(args.path.slice(1), { paths: [args.resolveDir] }) }))
  },
}

let cached: Promise<AdminBundle> | undefined

export function buildAdminBundle(): Promise<AdminBundle> {
  cached ??= build({
    entryPoints: [ADMIN_ENTRY],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    outdir: path.join(ROOT, '.sandbox', 'admin'),
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    minify: true,
    alias: {
      'vtex.styleguide': '@vtex/styleguide',
      'react-apollo': path.join(__dirname, 'shims/reactApollo.tsx'),
      'react-intl': path.join(__dirname, 'shims/reactIntl.tsx'),
    },
    plugins: [webpackTildeImports],
    loader: { '.gql': 'text', '.js': 'jsx', '.css': 'local-css', '.global.css': 'css' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  }).then((result) => ({
    js: result.outputFiles!.find((file) => file.path.endsWith('.js'))!.text,
    css: result.outputFiles!.find((file) => file.path.endsWith('.css'))?.text ?? '',
  }))
  cached.catch(() => (cached = undefined))
  return cached
}
