import { execFileSync } from 'child_process'
import { existsSync, mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'
import { gzipSync } from 'zlib'
import { build } from 'esbuild'
import type { Browser } from 'playwright-core'

import { launchChromium, startEventsServer, startPageServer } from '../sandbox/storefront/browserHarness'
import { FIXTURE_ENTRY, VTEX_SHIMS } from '../sandbox/storefront/build'
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

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (sorted.length - 1) * q
  return sorted[Math.floor(at)] + (sorted[Math.ceil(at)] - sorted[Math.floor(at)]) * (at - Math.floor(at))
}
const round1 = (value: number) => Math.round(value * 10) / 10

/**
 * The fixture page with its react/ imports taken from another git revision (the A of an A/B):
 * `git archive` of that revision's react/ into a temp dir, the same fixture and shims, React
 * from this checkout. Nothing in the work tree changes.
 */
const buildFixtureAt = async (ref: string): Promise<string> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ads-events-ab-'))
  try {
    execFileSync('sh', ['-c', `git archive ${JSON.stringify(ref)} react | tar -x -C ${JSON.stringify(dir)}`], { cwd: ROOT })
    const result = await build({
      entryPoints: [FIXTURE_ENTRY],
      absWorkingDir: ROOT,
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2019',
      platform: 'browser',
      minify: true,
      alias: VTEX_SHIMS,
      nodePaths: [path.join(ROOT, 'node_modules')],
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
      plugins: [
        {
          name: 'react-at-ref',
          setup: (b) =>
            b.onResolve({ filter: /^(\.\.\/)+react\// }, (args) => {
              const target = path.resolve(args.resolveDir, args.path)
              if (!target.startsWith(path.join(ROOT, 'react') + path.sep)) return undefined
              const base = path.join(dir, path.relative(ROOT, target))
              const file = ['.tsx', '.ts', '/index.ts'].map((ext) => base + ext).find((candidate) => existsSync(candidate))
              return file ? { path: file } : undefined
            }),
        },
      ],
    })
    return result.outputFiles[0].text
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Main-thread CPU time of one page load, ms: the sum of the renderer main thread's top-level
 * tasks' thread time (`tdur` of RunTask trace events). Thread time, not wall time: on a
 * shared 2-core VM another process preempting the renderer adds tens of ms of wall time to a
 * load (the fixture's own performance.now() span varied 75-460 ms for the same page) but no
 * thread time, which varied by a few percent.
 */
const mainThreadCpuMs = (trace: Buffer): number => {
  const events = (JSON.parse(trace.toString()) as { traceEvents: Array<{ name: string; ph: string; pid: number; tid: number; tdur?: number; args?: { name?: string } }> }).traceEvents
  const totals = new Map<string, number>()
  for (const event of events) {
    if (event.ph === 'X' && event.name === 'RunTask') totals.set(`${event.pid}:${event.tid}`, (totals.get(`${event.pid}:${event.tid}`) || 0) + (event.tdur || 0))
  }
  const mains = events.filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => totals.get(`${event.pid}:${event.tid}`) || 0)
  return Math.max(0, ...mains) / 1000
}

export interface MainThreadFigure {
  /** median(tracked) − median(untracked), ms: the figure with its target. */
  ms: number
  /** Interquartile range of the tracked runs minus the untracked median, ms. */
  spread: [number, number]
  runs: number
  /** The same for the tracker at `baseRef`, measured in the same rounds (A/B). */
  base?: { ref: string; ms: number; spread: [number, number] }
}

/**
 * main_thread_ms_1000_ads: main-thread CPU time that tracking adds to a page of 1,000 ads.
 * One fresh page load per sample (React production build, minified), traced from navigation
 * until 200 ms after the fixture's mount finished (render, commit, passive effects and the
 * shared IntersectionObserver's first callback, with 1,000 entries, all inside), summing the
 * renderer main thread's task thread time (see mainThreadCpuMs). Figure = median(tracked) −
 * median(the same 1,000 ads without AdTracker). The session API answers after 5 s, so the
 * impressions wait in the identity queue, as on a first page view, and the trace ends before
 * they are sent.
 *
 * Each round loads every variant once (untracked, tracked, and the tracker at `baseRef` when
 * given, built from that git revision's react/) in a rotating order; the spread is the
 * interquartile range of tracked − median(untracked). The A/B of two trackers in the same
 * rounds is what says whether a change helped.
 *
 * Not included, by design: dispatching the 1,000 beacons after the identity resolves (1-2 ms
 * each in Chromium: Blob plus the hand-off to the network process; any VTEX Ads-compliant
 * tracker pays one request per event URL). The tracker sends them from idle callbacks in
 * ≤ 8 ms slices (react/tracking/adEvents.ts), never inside a long task.
 * Tried before: the fixture's performance.now() span of the mount (wall time: on this VM its
 * noise was larger than the figure) and CDP Performance.getMetrics' ScriptDuration (whole
 * load, wall time, as noisy).
 */
export const mainThreadMs1000Ads = async (runs = 9, baseRef = process.env.BENCH_BASE_REF): Promise<MainThreadFigure> => {
  const [browser, events, pages] = await Promise.all([launchChromium(), startEventsServer(), startPageServer({ production: true })])
  pages.sessionDelayMs = 5000
  try {
    const baseBundle = baseRef ? await buildFixtureAt(baseRef) : undefined
    const ads = adsAt(events.baseUrl, 1000)
    const mountMs = async (tracked: boolean, bundle?: string) => {
      const context = await browser.newContext({ viewport: { width: 1000, height: 800 } })
      try {
        const page = await context.newPage()
        if (bundle) await page.route('**/assets/fixture.js', (route) => route.fulfill({ body: bundle, contentType: 'text/javascript' }))
        const config: FixtureConfig = { tracked, pixel: false, ads }
        await page.addInitScript((c) => {
          ;(window as unknown as { __FIXTURE__: unknown }).__FIXTURE__ = c
        }, config)
        await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] })
        await page.goto(`${pages.origin}/fixture`, { waitUntil: 'load' })
        await page.waitForFunction(() => window.__mountMs !== undefined)
        await page.waitForTimeout(200)
        return mainThreadCpuMs(await browser.stopTracing())
      } finally {
        await context.close()
      }
    }
    const variants: Array<{ name: string; run: () => Promise<number> }> = [
      { name: 'untracked', run: () => mountMs(false) },
      { name: 'tracked', run: () => mountMs(true) },
      ...(baseBundle ? [{ name: 'base', run: () => mountMs(true, baseBundle) }] : []),
    ]
    for (const variant of variants) await variant.run() // warm-up: HTTP and code caches
    const times: Record<string, number[]> = Object.fromEntries(variants.map((variant) => [variant.name, []]))
    for (let round = 0; round < runs; round++) {
      for (let i = 0; i < variants.length; i++) {
        const variant = variants[(round + i) % variants.length]
        times[variant.name].push(await variant.run())
      }
    }
    const untracked = quantile(times.untracked, 0.5)
    const figure = (values: number[]) => ({
      ms: Math.max(0, round1(quantile(values, 0.5) - untracked)),
      spread: [round1(quantile(values, 0.25) - untracked), round1(quantile(values, 0.75) - untracked)] as [number, number],
    })
    return { ...figure(times.tracked), runs, ...(baseRef ? { base: { ref: baseRef, ...figure(times.base) } } : {}) }
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
