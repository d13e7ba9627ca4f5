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

/** What every browser bundle of the sandbox shares: React from node_modules, the vtex.* shims, in memory. */
const browserBuild = (options: BundleOptions) =>
  ({
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    target: 'es2019',
    platform: 'browser',
    minify: options.production === true,
    alias: VTEX_SHIMS,
    // The VTEX react builder compiles .gql imports; here the query text is what the shim sends.
    loader: { '.gql': 'text' },
    define: { 'process.env.NODE_ENV': JSON.stringify(options.production ? 'production' : 'development') },
    logLevel: 'silent',
  }) as const

/** Bundles a browser entry with React from node_modules and the vtex.* shims; returns the script text. */
export const bundleBrowserEntry = async (entry: string, options: BundleOptions = {}): Promise<string> => {
  const result = await build({ ...browserBuild(options), entryPoints: [entry], format: 'iife' })
  return result.outputFiles[0].text
}

export const DEMO_ENTRY = path.join(__dirname, 'pages/demo.tsx')
export const FIXTURE_ENTRY = path.join(__dirname, 'pages/fixture.tsx')
/** The debug overlay: a chunk of its own, fetched only by a page in debug mode (react/debug/debugMode.ts). */
export const DEBUG_OVERLAY_ENTRY = path.join(ROOT, 'react/debug/DebugOverlay.tsx')
export const DEBUG_OVERLAY_FILE = 'debug-overlay.js'

/**
 * The demo store's scripts, split the way the VTEX react builder splits an app (webpack: a dynamic
 * `import()` is a chunk of its own, loaded when the import runs): `storefront.js` (an ES module),
 * the debug overlay's chunk and the chunks they share, by file name. The page loads
 * `storefront.js`; the browser fetches a chunk only when something imports it.
 */
export const buildStorefrontFiles = async (options: BundleOptions = {}): Promise<Map<string, string>> => {
  const result = await build({
    ...browserBuild(options),
    entryPoints: { storefront: DEMO_ENTRY, [DEBUG_OVERLAY_FILE.replace(/\.js$/, '')]: DEBUG_OVERLAY_ENTRY },
    splitting: true,
    outdir: path.join(ROOT, 'assets'),
    chunkNames: 'chunk-[hash]',
    format: 'esm',
  })
  return new Map(result.outputFiles.map((file) => [path.basename(file.path), file.text]))
}
