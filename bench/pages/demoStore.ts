import type { Browser, Page } from 'playwright-core'

import { close } from '../../sandbox/lib/servers'
import { startPageServer } from '../../sandbox/pageServer'
import { startSandbox, type Sandbox } from '../../sandbox/sandbox'
import { launchChromium } from '../../sandbox/storefront/browserHarness'

/**
 * The sandbox's demo store for the storefront figures: the real blocks (React production build),
 * the real Service answering sponsoredAds, the Get ads stand-in, the events stand-in counting.
 */
export interface DemoStore {
  sandbox: Sandbox
  origin: string
  browser: Browser
  /** Every Get ads request fails (503) until `withAds(true)`: the same page, without ads. */
  withAds(on: boolean): void
  stop(): Promise<void>
}

export const startDemoStore = async (): Promise<DemoStore> => {
  const sandbox = await startSandbox()
  const server = await startPageServer(sandbox, 0, { production: true })
  const browser = await launchChromium()
  return {
    sandbox,
    origin: server.origin,
    browser,
    withAds: (on) => {
      sandbox.state.injectedFailures.delete('getAds')
      if (!on) sandbox.state.injectFailures('getAds', Array(10_000).fill(503))
    },
    stop: async () => {
      await browser.close()
      await close(server.server)
      await sandbox.stop()
    },
  }
}

/** Desktop, and the 390 px wide phone the issue measured (the demo store takes the device from ?mobile=1, as VTEX from the user agent). */
export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 }, path: '/' },
  mobile: { viewport: { width: 390, height: 844 }, path: '/?mobile=1' },
} as const

/**
 * Installed before any page script: records layout shifts, long tasks, and the main-thread time of
 * every sendBeacon / keepalive fetch call with when it ran. Plain JavaScript text: a function would
 * be serialized with the bundler's helpers, which the page does not have.
 */
interface Recorded {
  shifts: Array<{ at: number; value: number }>
  longTasks: Array<{ start: number; duration: number }>
  beacons: Array<{ start: number; duration: number }>
}

export const RECORD_VITALS = `(() => {
  const vitals = (window.__vitals = { shifts: [], longTasks: [], beacons: [] })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) vitals.shifts.push({ at: entry.startTime, value: entry.value })
  }).observe({ type: 'layout-shift', buffered: true })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) vitals.longTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
  const timed = (call) => function (...args) {
    const start = performance.now()
    try { return call.apply(this, args) } finally { vitals.beacons.push({ start, duration: performance.now() - start }) }
  }
  navigator.sendBeacon = timed(navigator.sendBeacon.bind(navigator))
  const fetchPlain = window.fetch.bind(window)
  const fetchTimed = timed(fetchPlain)
  window.fetch = (input, init) => (init && init.keepalive ? fetchTimed(input, init) : fetchPlain(input, init))
})()`

export interface PageVitals {
  cls: number
  beaconMs: number
  beacons: number
  /** Long tasks (> 50 ms) during which a beacon was sent, and the longest of them, ms. */
  beaconLongTasks: number
  longestBeaconTaskMs: number
  longestTaskMs: number
}

export const readVitals = (page: Page): Promise<PageVitals> =>
  page.evaluate(() => {
    const { shifts, longTasks, beacons } = (window as unknown as { __vitals: Recorded }).__vitals
    // web-vitals' session windows: shifts less than 1 s apart, a window at most 5 s; CLS is the largest.
    let cls = 0
    let windowValue = 0
    let windowStart = -Infinity
    let last = -Infinity
    for (const shift of shifts) {
      if (shift.at - last >= 1000 || shift.at - windowStart >= 5000) {
        windowStart = shift.at
        windowValue = 0
      }
      windowValue += shift.value
      last = shift.at
      cls = Math.max(cls, windowValue)
    }
    const withBeacon = longTasks.filter((task) => beacons.some((beacon) => beacon.start >= task.start && beacon.start < task.start + task.duration))
    return {
      cls,
      beaconMs: beacons.reduce((sum, beacon) => sum + beacon.duration, 0),
      beacons: beacons.length,
      beaconLongTasks: withBeacon.length,
      longestBeaconTaskMs: Math.max(0, ...withBeacon.map((task) => task.duration)),
      longestTaskMs: Math.max(0, ...longTasks.map((task) => task.duration)),
    }
  })

export { median } from '../pool'
