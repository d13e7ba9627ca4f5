import { shippedGzipBytes, TRACKER_ENTRY } from './gzipBundle'
import { median, readVitals, RECORD_VITALS, startDemoStore, VIEWPORTS } from './pages/demoStore'

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

export interface ClsFigure {
  /** The worst viewport's CLS with ads minus without ads (median of the runs). */
  value: number
  /** Median CLS per viewport with and without ads. */
  medians: Record<string, { withAds: number; withoutAds: number }>
  runs: number
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000

/**
 * cls_sponsored_blocks: the layout shift the sponsored blocks cause on the demo home (banner,
 * shelves, brand; the rest of the page is the same either way). Each run loads the home in a fresh
 * browser context with ads, and again with every Get ads request failing (no ads), on desktop and
 * on a 390 px phone, and reads CLS as web-vitals defines it 2.5 s after navigation (well past the
 * client's 1 s ad deadline and the product data). The figure is the worst viewport's difference.
 */
export const clsSponsoredBlocks = async (runs = 3): Promise<ClsFigure> => {
  const store = await startDemoStore()
  try {
    const medians: ClsFigure['medians'] = {}
    for (const [name, { viewport, path }] of Object.entries(VIEWPORTS)) {
      const measure = async (ads: boolean) => {
        store.withAds(ads)
        const values: number[] = []
        for (let run = 0; run < runs; run++) {
          const context = await store.browser.newContext({ viewport })
          const page = await context.newPage()
          await page.addInitScript(RECORD_VITALS)
          await page.goto(store.origin + path)
          await page.waitForTimeout(2500)
          values.push((await readVitals(page)).cls)
          await context.close()
        }
        return round4(median(values))
      }
      medians[name] = { withAds: await measure(true), withoutAds: await measure(false) }
    }
    store.withAds(true)
    const value = round4(Math.max(...Object.values(medians).map((m) => m.withAds - m.withoutAds)))
    return { value, medians, runs }
  } finally {
    await store.stop()
  }
}
