import path from 'path'
import type { Browser } from 'playwright-core'

import { clickAwayTrials, launchChromium, startEventsServer, startPageServer } from '../sandbox/storefront/browserHarness'
import { bundleBrowserEntry } from '../sandbox/storefront/build'
import { shippedGzipBytes, TRACKER_ENTRY } from './gzipBundle'
import type { FixtureAd, FixtureConfig } from '../sandbox/storefront/pages/fixture'
import { median, readVitals, RECORD_VITALS, startDemoStore, VIEWPORTS, type PageVitals } from './pages/demoStore'

/**
 * Storefront figures for `npm run bench` (bench/run.ts calls these). Each function starts
 * and stops everything it uses.
 */
const MOUNT_ADS_ENTRY = path.join(__dirname, 'pages', 'mountAds.tsx')

/**
 * tracker_gzip_bytes: what the app ships to the browser for identity + tracking (the two
 * blocks `pixel.ads-events` and `ad-tracker` with everything they import), minified, gzip
 * level 9. React and vtex.* are provided by the store runtime, so they are external.
 */
export const trackerGzipBytes = (): Promise<number> => shippedGzipBytes(TRACKER_ENTRY)

const adsAt = (eventsBaseUrl: string, count: number): FixtureAd[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `ad${i}`,
    top: i * 210,
    height: 200,
    impression_url: `${eventsBaseUrl}/v1/beacon/impression/ad${i}`,
    view_url: `${eventsBaseUrl}/v1/beacon/view/ad${i}`,
    click_url: `${eventsBaseUrl}/v1/beacon/click/ad${i}`,
  }))

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (sorted.length - 1) * q
  return sorted[Math.floor(at)] + (sorted[Math.ceil(at)] - sorted[Math.floor(at)]) * (at - Math.floor(at))
}
const round1 = (value: number) => Math.round(value * 10) / 10

export interface MainThreadFigure {
  /** median(tracked) − median(untracked) over the measured rounds, ms: the figure with its target. */
  ms: number
  /** Interquartile range of the per-round differences (tracked − untracked of the same round), ms. */
  spread: [number, number]
  runs: number
}

/**
 * main_thread_ms_1000_ads: main-thread (scripting) time that tracking adds to mounting 1,000 ads.
 * In one Chromium page (React production build, code warmed by 5 rounds), 1,000 ads are mounted
 * with AdTracker and without it, alternately, `runs` times; each mount is one synchronous
 * ReactDOM.render (render, commit and the ref callbacks where the tracker records the impression
 * and registers the ad with the shared IntersectionObserver). The figure is the difference of
 * the medians, the spread the IQR of the per-round differences. Timing a warm, synchronous call
 * many times inside one page keeps the machine's noise (page loads, other processes) out, which
 * page-load traces on a shared 2-core machine could not. No pixel configures the identity on this
 * page, so the impressions wait in the identity queue and no beacon is sent inside the measurement.
 */
export const mainThreadMs1000Ads = async (runs = 25): Promise<MainThreadFigure> => {
  const browser = await launchChromium()
  try {
    const script = await bundleBrowserEntry(MOUNT_ADS_ENTRY, { production: true })
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } })
    await page.route('http://bench.localhost/**', (route) => {
      const url = new URL(route.request().url())
      if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><div id="root"></div><script src="/mount.js"></script>' })
      if (url.pathname === '/mount.js') return route.fulfill({ contentType: 'text/javascript', body: script })
      // Anything else is not part of the page.
      return route.fulfill({ status: 404, body: '' })
    })
    await page.goto('http://bench.localhost/')
    await page.evaluate(() => window.__mountAds(1000, 5))
    const { tracked, untracked } = await page.evaluate((rounds) => window.__mountAds(1000, rounds), runs)
    const differences = tracked.map((ms, round) => ms - untracked[round])
    return {
      ms: Math.max(0, round1(quantile(tracked, 0.5) - quantile(untracked, 0.5))),
      spread: [round1(quantile(differences, 0.25)), round1(quantile(differences, 0.75))],
      runs,
    }
  } finally {
    await browser.close()
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
    await clickAwayTrials(page, pages, '#ad0', trials)
    await events.waitFor(() => events.count('click') >= trials, 10000).catch(() => undefined)
    return trials === 0 ? 1 : events.count('click') / trials
  } finally {
    await Promise.all([browser?.close(), events.close(), pages.close()])
  }
}

export interface BeaconMainThreadFigure {
  /** Median over the runs of the main-thread time inside sendBeacon / keepalive fetch per home load, ms. */
  ms: number
  beaconsPerLoad: number
  /** Long tasks (> 50 ms) that sent a beacon, over all runs, and the longest of them. */
  longTasksWithBeacons: number
  longestTaskWithBeaconMs: number
  runs: number
}

/**
 * beacon_main_thread_ms: what sending the ad events costs the main thread on the demo home, with
 * the CPU 4× slower (Chromium's CPU throttling, as Lighthouse's mobile profile). Each run loads the
 * home in a fresh context and stays 3 s (impressions, then the views of the ads in view); every
 * sendBeacon / keepalive fetch call is timed in the page, and long tasks that contain one are
 * counted: the app must cause none.
 */
export const beaconMainThreadMs = async (runs = 5): Promise<BeaconMainThreadFigure> => {
  const store = await startDemoStore()
  try {
    const loads: PageVitals[] = []
    for (let run = 0; run < runs; run++) {
      const context = await store.browser.newContext({ viewport: VIEWPORTS.desktop.viewport })
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
      await page.addInitScript(RECORD_VITALS)
      await page.goto(store.origin + VIEWPORTS.desktop.path)
      await page.waitForTimeout(3000)
      loads.push(await readVitals(page))
      await context.close()
    }
    return {
      ms: round1(median(loads.map((load) => load.beaconMs))),
      beaconsPerLoad: median(loads.map((load) => load.beacons)),
      longTasksWithBeacons: loads.reduce((sum, load) => sum + load.beaconLongTasks, 0),
      longestTaskWithBeaconMs: round1(Math.max(...loads.map((load) => load.longestBeaconTaskMs))),
      runs,
    }
  } finally {
    await store.stop()
  }
}
