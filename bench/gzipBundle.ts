import path from 'path'
import { gzipSync } from 'zlib'
import { build, type Plugin } from 'esbuild'

const ROOT = path.resolve(__dirname, '..')

/** What the store runtime provides to every block: never part of what the app ships. */
const RUNTIME_PROVIDED = ['react', 'react-dom', 'vtex.*', 'react-apollo', 'react-intl']

/** The identity + tracking code every page gets: the two app-wide blocks and all they import. */
export const TRACKER_ENTRY = "export { default as AdTracker } from './react/AdTracker'\nexport { default as PixelIdentity } from './react/PixelIdentity'\n"

/**
 * Code behind a dynamic `import()` is a chunk of its own that the page fetches only when the
 * import runs (the debug overlay: react/debug/). The react builder 3.x bundles with webpack, which
 * splits there (vtex-apps/store-drawer lazy-loads its Swipable with React.lazy, render-runtime
 * its blocks inspector), so it is not part of what every page gets: kept out, as the import call.
 */
const dynamicImportsApart: Plugin = {
  name: 'dynamic-imports-apart',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined))
  },
}

/** Bytes shipped for an entry (ESM source relative to the project root): esbuild, minified, gzip level 9; dynamic imports apart. */
export async function shippedGzipBytes(contents: string): Promise<number> {
  const result = await build({
    plugins: [dynamicImportsApart],
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    target: 'es2019',
    platform: 'browser',
    external: RUNTIME_PROVIDED,
    loader: { '.gql': 'text' },
    logLevel: 'silent',
  })
  return gzipSync(Buffer.from(result.outputFiles[0].contents), { level: 9 }).length
}
