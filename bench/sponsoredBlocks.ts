import { shippedGzipBytes, TRACKER_ENTRY } from './gzipBundle'

/**
 * What each sponsored block costs the pages that use it, as the VTEX react builder ships them:
 * one chunk per root-level component, loaded only where the theme places the block. They are not
 * part of tracker_gzip_bytes (identity + tracking, shipped on every page through the pixel); the
 * tracking code they import is that same shared code, so a block's own cost is its bundle minus
 * the tracker's. Minified, gzip level 9; React, vtex.*, react-apollo and react-intl are provided
 * by the store runtime (external). The .gql documents count as their text (the builder ships a
 * parsed document of similar size).
 */
export const SPONSORED_BLOCKS = ['SponsoredProductsShelf', 'SponsoredBanner', 'SponsoredBrand', 'SponsoredSearchBadges'] as const


/** Gzip bytes each block adds over the shared tracker (and all four together). */
export const sponsoredBlocksGzipBytes = async (): Promise<Record<string, number>> => {
  const tracker = TRACKER_ENTRY
  const base = await shippedGzipBytes(tracker)
  const figures: Record<string, number> = {}
  for (const block of SPONSORED_BLOCKS) figures[block] = (await shippedGzipBytes(`${tracker}export { default as ${block} } from './react/${block}'\n`)) - base
  figures.all = (await shippedGzipBytes(tracker + SPONSORED_BLOCKS.map((block) => `export { default as ${block} } from './react/${block}'\n`).join(''))) - base
  return figures
}
