import path from 'path'
import { build } from 'esbuild'

import { REAL_MODULES } from './shims/realShapes'

const ROOT = path.resolve(__dirname, '../..')

/**
 * vtex.* modules exist only inside the VTEX runtime: local bundles use the sandbox stand-ins, each
 * the one realShapes.ts records for its module (with the real files it follows).
 */
export const VTEX_SHIMS: Record<string, string> = {
  ...Object.fromEntries(REAL_MODULES.map((module) => [module.specifier, path.join(ROOT, module.shim)])),
  // Provided to blocks by the Store Framework runtime, like vtex.*: not bundled by the app.
  'react-apollo': path.join(__dirname, 'shims/reactApollo.tsx'),
  'react-intl': path.join(__dirname, 'shims/reactIntl.tsx'),
}

export interface BundleOptions {
  /** React's production build and minified output (bench); tests keep React's development warnings. */
  production?: boolean
}

/** Bundles a browser entry with React from node_modules and the vtex.* shims; returns the script text. */
export const bundleBrowserEntry = async (entry: string, options: BundleOptions = {}): Promise<string> => {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    minify: options.production === true,
    alias: VTEX_SHIMS,
    // The VTEX react builder compiles .gql imports; here the query text is what the shim sends.
    loader: { '.gql': 'text' },
    define: { 'process.env.NODE_ENV': JSON.stringify(options.production ? 'production' : 'development') },
    logLevel: 'silent',
  })
  return result.outputFiles[0].text
}

export const DEMO_ENTRY = path.join(__dirname, 'pages/demo.tsx')
export const FIXTURE_ENTRY = path.join(__dirname, 'pages/fixture.tsx')

/** The demo store page script (the real react blocks, vtex.* shimmed). */
export const buildStorefrontBundle = (options: BundleOptions = {}): Promise<string> => bundleBrowserEntry(DEMO_ENTRY, options)
