import path from 'path'
import { gzipSync } from 'zlib'
import { build } from 'esbuild'

/**
 * What each sponsored block costs the pages that use it, as the VTEX react builder ships them:
 * one chunk per root-level component, loaded only where the theme places the block. They are not
 * part of tracker_gzip_bytes (identity + tracking, shipped on every page through the pixel); the
 * tracking code they import is that same shared code, so a block's own cost is its bundle minus
 * the tracker's. Minified, gzip level 9; React, vtex.*, react-apollo and react-intl are provided
 * by the store runtime (external). The .gql documents count as their text (the builder ships a
 * parsed document of similar size).
 */
const ROOT = path.resolve(__dirname, '..')
export const SPONSORED_BLOCKS = ['SponsoredProductsShelf', 'SponsoredBanner', 'SponsoredBrand', 'SponsoredSearchBadges'] as const

const gzipBytes = async (contents: string): Promise<number> => {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    target: 'es2019',
    platform: 'browser',
    external: ['react', 'react-dom', 'vtex.*', 'react-apollo', 'react-intl'],
    loader: { '.gql': 'text' },
    logLevel: 'silent',
  })
  return gzipSync(Buffer.from(result.outputFiles[0].contents), { level: 9 }).length
}

/** Gzip bytes each block adds over the shared tracker (and all four together). */
export const sponsoredBlocksGzipBytes = async (): Promise<Record<string, number>> => {
  const tracker = "export { default as AdTracker } from './react/AdTracker'\nexport { default as PixelIdentity } from './react/PixelIdentity'\n"
  const base = await gzipBytes(tracker)
  const figures: Record<string, number> = {}
  for (const block of SPONSORED_BLOCKS) figures[block] = (await gzipBytes(`${tracker}export { default as ${block} } from './react/${block}'\n`)) - base
  figures.all = (await gzipBytes(tracker + SPONSORED_BLOCKS.map((block) => `export { default as ${block} } from './react/${block}'\n`).join(''))) - base
  return figures
}
