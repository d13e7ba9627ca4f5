import path from 'path'
import { gzipSync } from 'zlib'
import { build } from 'esbuild'
import type { Browser } from 'playwright-core'

import { launchChromium, startEventsServer, startPageServer } from '../sandbox/storefront/browserHarness'
import type { FixtureAd, FixtureConfig } from '../sandbox/storefront/pages/fixture'

/**
 * Storefront figures for `npm run bench` (bench/run.ts calls these). Each function starts
 * and stops everything it uses.
 */
const ROOT = path.resolve(__dirname, '..')

/**
 * tracker_gzip_bytes: what the app ships to the browser for identity + tracking (the two
 * blocks `pixel.ads-events` and `ad-tracker` with everything they import), minified, gzip
 * level 9. React and vtex.* are provided by the store runtime, so they are external.
 */
export const trackerGzipBytes = async (): Promise<number> => {
  const result = await build({
    stdin: {
      contents: "export { default as AdTracker } from './react/AdTracker'\nexport { default as PixelIdentity } from './react/PixelIdentity'\n",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    target: 'es2019',
    platform: 'browser',
    external: ['react', 'react-dom', 'vtex.*'],
    logLevel: 'silent',
  })
  return gzipSync(Buffer.from(result.outputFiles[0].contents), { level: 9 }).length
}

const adsAt = (eventsBaseUrl: string, count: number): FixtureAd[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `ad${i}`,
    top: i * 210,
    height: 200,
    impression_url: `${eventsBaseUrl}/v1/beacon/impression/ad${i}`,
    view_url: `${eventsBaseUrl}/v1/beacon/view/ad${i}`,
    click_url: `${eventsBaseUrl}/v1/beacon/click/ad${i}`,
  }))

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/**
 * main_thread_ms_1000_ads: main-thread time that tracking adds to mounting 1,000 ads.
 * Method: the fixture page times the ReactDOM.render call (render + commit) and, between
 * two marker components rendered before and after the ads, the passive effects (they run in
 * tree order): useAdEvents' hooks, observe() on the shared IntersectionObserver, the click
 * listeners, dedup and queueing of 1,000 impressions. The paint gap before passive effects
 * is left out: it depends on the frame schedule, not on this code.
 * Figure = median(tracked) − median(same 1,000 ads without AdTracker), `runs` fresh loads
 * each, React production build. The session API answers after 1 s, as a slow one would, so
 * the impressions wait in the identity queue during the mount, as on a first page view.
 *
 * Not included, by design: dispatching the 1,000 beacons after the identity resolves. In this
 * VM's Chromium each costs 1-2 ms of main thread (Blob creation plus the request hand-off to
 * the browser process; measured about 1.5 ms per JSON-Blob sendBeacon, 0.3 ms per Blob),
 * which any VTEX Ads-compliant tracker pays (one request per event URL); the tracker sends
 * them in ≤ 8 ms slices (react/tracking/adEvents.ts) so they never form a long task.
 * CDP Performance.getMetrics was tried first: ScriptDuration does not see that hand-off
 * and its run-to-run noise on 2 cores (±60 ms) is larger than the figure itself.
 */
export const mainThreadMs1000Ads = async (runs = 7): Promise<number> => {
  const [browser, events, pages] = await Promise.all([launchChromium(), startEventsServer(), startPageServer({ production: true })])
  pages.sessionDelayMs = 1000
  try {
    const ads = adsAt(events.baseUrl, 1000)
    const mountMs = async (tracked: boolean) => {
      const context = await browser.newContext({ viewport: { width: 1000, height: 800 } })
      try {
        const page = await context.newPage()
        const config: FixtureConfig = { tracked, pixel: false, ads }
        await page.addInitScript((c) => {
          ;(window as unknown as { __FIXTURE__: unknown }).__FIXTURE__ = c
        }, config)
        await page.goto(`${pages.origin}/fixture`, { waitUntil: 'load' })
        await page.waitForFunction(() => window.__mountMs !== undefined)
        return await page.evaluate(() => window.__mountMs as number)
      } finally {
        await context.close()
      }
    }
    await mountMs(true) // warm-up: HTTP and code caches
    const tracked: number[] = []
    const baseline: number[] = []
    for (let i = 0; i < runs; i++) {
      baseline.push(await mountMs(false))
      tracked.push(await mountMs(true))
    }
    return Math.max(0, Math.round((median(tracked) - median(baseline)) * 10) / 10)
  } finally {
    await Promise.all([browser.close(), events.close(), pages.close()])
  }
}

/**
 * beacon_delivery_rate: click beacons received by the fake events API / clicks made, over
 * `trials` page loads where the click navigates away at once (half of them before the
 * session API answered, so the click leaves from the identity queue on pagehide).
 */
export const beaconDeliveryRate = async (trials: number): Promise<number> => {
  let browser: Browser | undefined
  const [events, pages] = await Promise.all([startEventsServer(), startPageServer({ production: true })])
  try {
    browser = await launchChromium()
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } })
    const page = await context.newPage()
    const config: FixtureConfig = { tracked: true, pixel: false, ads: adsAt(events.baseUrl, 1).map((ad) => ({ ...ad, href: '/next' })) }
    await page.addInitScript((c) => {
      ;(window as unknown as { __FIXTURE__: unknown }).__FIXTURE__ = c
    }, config)
    for (let trial = 0; trial < trials; trial++) {
      const beforeIdentity = trial % 2 === 1
      pages.sessionDelayMs = beforeIdentity ? 5000 : 0
      await page.goto(`${pages.origin}/fixture?trial=${trial}`, { waitUntil: beforeIdentity ? 'domcontentloaded' : 'load' })
      if (!beforeIdentity) await page.evaluate(() => window.__identity!())
      await Promise.all([page.waitForURL(`${pages.origin}/next`), page.click('#ad0')])
    }
    await events.waitFor(() => events.count('click') >= trials, 10000).catch(() => undefined)
    return trials === 0 ? 1 : events.count('click') / trials
  } finally {
    await Promise.all([browser?.close(), events.close(), pages.close()])
  }
}
