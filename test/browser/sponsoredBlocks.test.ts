/**
 * The four sponsored blocks on the sandbox's demo page, in Chromium: ads through the real path
 * (page → sponsoredAds on the real Service → Get ads stand-in), beacons counted by the events
 * stand-in. The page clock is paused, so the 1 s view rule is exact.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { close } from '../../sandbox/lib/servers'
import { startPageServer } from '../../sandbox/pageServer'
import { startSandbox, type Sandbox } from '../../sandbox/sandbox'
import { launchChromium } from '../../sandbox/storefront/browserHarness'

jest.setTimeout(90_000)

let sandbox: Sandbox
let server: Awaited<ReturnType<typeof startPageServer>>
let browser: Browser
let context: BrowserContext
let page: Page
let errors: string[]

beforeAll(async () => {
  sandbox = await startSandbox()
  server = await startPageServer(sandbox)
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  if (server) await close(server.server)
  await sandbox?.stop()
})

const count = (kind: string, adId: string) => sandbox.vtexAds.beacons.filter((beacon) => beacon.kind === kind && beacon.adId === adId).length
const waitFor = async (probe: () => boolean, what: string, ms = 10_000) => {
  const deadline = Date.now() + ms
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; beacons: ${sandbox.vtexAds.beacons.map((b) => `${b.kind}:${b.adId}`).join(' ')}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
/** Nothing more arrives in a short real-time wait (a beacon the browser queued has time to land). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 400))

beforeEach(async () => {
  sandbox.vtexAds.beacons.length = 0
  sandbox.getAds.delayMs = 0
  context = await browser.newContext({ viewport: { width: 1000, height: 800 } })
  errors = []
  context.on('weberror', (error) => errors.push(error.error().message))
  page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  const start = Date.now()
  await page.clock.install({ time: start })
  await page.clock.pauseAt(start + 60_000)
})
afterEach(async () => {
  await context.close()
  expect(errors).toEqual([])
})

/**
 * React 16.9 (what render-runtime serves) runs passive effects and async updates from
 * requestAnimationFrame, which the paused page clock holds: lets frames run, 16 ms of page time
 * at a time, until `locator` is on the page.
 */
const rendered = async (locator: ReturnType<Page['locator']>) => {
  for (let frame = 0; frame < 300; frame++) {
    if ((await locator.count()) > 0) return
    await page.clock.runFor(16)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  await locator.first().waitFor({ timeout: 1 })
}

/** Scrolls `selector` to the top of the viewport (whole of it in view when it fits). */
const scrollTo = (selector: string) => page.locator(selector).first().evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY))

/**
 * Events are recorded at once and sent from an idle callback, which the paused clock fires within
 * 50 ms (Playwright's requestIdleCallback), once the identity is known (a real-time fetch): lets
 * both happen until `probe` holds, moving the page clock 50 ms at a time, at most 250 ms.
 */
const sendRecorded = async (probe: () => boolean, what: string) => {
  for (let step = 0; step < 5 && !probe(); step++) {
    await settle()
    await page.clock.runFor(50)
  }
  await waitFor(probe, what)
}

/**
 * The view rule on ads shown together: out of view first (their clock resets), then in view:
 * nothing at 950 ms, each view at 1 s (sent within the next 50 ms). Intersection changes are
 * delivered with the next rendering update, so each scroll gets a short real-time wait.
 */
const expectViewAtOneSecond = async (selector: string, adIds: string[]) => {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  await settle()
  expect(adIds.map((adId) => count('view', adId))).toEqual(adIds.map(() => 0))
  await scrollTo(selector)
  await settle()
  await page.clock.runFor(900)
  await page.clock.runFor(50)
  await settle()
  expect(adIds.map((adId) => count('view', adId))).toEqual(adIds.map(() => 0))
  await page.clock.runFor(50)
  await page.clock.runFor(50)
  await waitFor(() => adIds.every((adId) => count('view', adId) === 1), `the views of ${adIds.join(', ')}`)
}

it('sponsored-products-shelf: the products via the theme summary, impression on render, view at 1 s, click', async () => {
  await page.goto(`${server.origin}/`)
  const shelf = page.locator('#shelf section[aria-label="Sponsored products (Sponsored)"]')
  await rendered(shelf)
  expect(await shelf.locator('.card a').allTextContents()).toEqual(['Trail running shoes', 'Lightweight rain jacket', 'Insulated water bottle', 'Merino wool socks'])
  expect(await shelf.locator('.adsevents-ads-events-0-x-sponsoredLabel').allTextContents()).toEqual(['Sponsored', 'Sponsored', 'Sponsored', 'Sponsored'])
  await sendRecorded(() => ['sp-2001', 'sp-2003', 'sp-2002', 'sp-2004'].every((adId) => count('impression', adId) >= 1), 'shelf impressions')

  await expectViewAtOneSecond('#shelf', ['sp-2001', 'sp-2003', 'sp-2002', 'sp-2004'])
  expect(count('impression', 'sp-2002')).toBe(1)
  await Promise.all([page.waitForURL(/product=2002/), shelf.getByRole('link', { name: 'Insulated water bottle' }).click()])
  await waitFor(() => count('click', 'sp-2002') === 1, 'the click of sp-2002')
})

it('sponsored-banner: box reserved before the image loads, impression, view at 1 s, keyboard click', async () => {
  let releaseImage: () => void = () => undefined
  const imageHeld = new Promise<void>((resolve) => (releaseImage = resolve))
  await page.route('**/_sandbox/media/banner-desktop.svg', async (route) => {
    await imageHeld
    await route.continue()
  })
  await page.goto(`${server.origin}/`)
  const banner = page.locator('#banner a.adsevents-ads-events-0-x-sponsoredBanner')
  await rendered(banner)
  // The page's column is narrower than 970 px: the box keeps 970 × 250 while the image is still loading.
  const before = await banner.boundingBox()
  expect(before?.width).toBeGreaterThan(900)
  expect(before?.height).toBeCloseTo(((before?.width ?? 0) * 250) / 970, 0)
  const shelfTop = await page.locator('#shelf').evaluate((element) => element.getBoundingClientRect().top)
  releaseImage()
  await page.waitForFunction(() => (document.querySelector('#banner img') as HTMLImageElement | null)?.complete === true)
  expect((await banner.boundingBox())?.height).toBe(before?.height)
  expect(await page.locator('#shelf').evaluate((element) => element.getBoundingClientRect().top)).toBe(shelfTop)
  expect(await banner.locator('img').getAttribute('alt')).toBe('Summer outdoor sale (Sponsored)')
  await sendRecorded(() => count('impression', 'banner-summer') === 1, 'the banner impression')

  await expectViewAtOneSecond('#banner', ['banner-summer'])
  await banner.focus()
  await Promise.all([page.waitForURL(/campaign=summer/), page.keyboard.press('Enter')])
  await waitFor(() => count('click', 'banner-summer') === 1, 'the banner click')
})

it('sponsored-brand: the creative and each of its products, each with its own event URLs', async () => {
  await page.goto(`${server.origin}/`)
  const brand = page.locator('#brand section.adsevents-ads-events-0-x-sponsoredBrand')
  await rendered(brand)
  expect(await brand.getAttribute('aria-label')).toBe('TrailCo: gear for every trail (Sponsored)')
  expect(await brand.locator('.card a').allTextContents()).toEqual(['Trail running shoes', 'Lightweight rain jacket'])
  await sendRecorded(() => ['brand-trailco', 'brand-trailco-2001', 'brand-trailco-2003'].every((adId) => count('impression', adId) === 1), 'brand impressions')

  await expectViewAtOneSecond('#brand', ['brand-trailco', 'brand-trailco-2001', 'brand-trailco-2003'])
  await Promise.all([page.waitForURL(/product=2003/), brand.getByRole('link', { name: 'Lightweight rain jacket' }).click()])
  await waitFor(() => count('click', 'brand-trailco-2003') === 1, 'the brand product click')
  expect(count('click', 'brand-trailco')).toBe(0)
})

it("sponsored-search-badges: exactly the sponsored SKUs are marked, VTEX search's own ad tracked, no second copy", async () => {
  await page.goto(`${server.origin}/?q=outdoor`)
  const results = page.locator('#search-results')
  await rendered(results.locator('[data-ads-events-sponsored="ads-events"]'))
  const marks = await results.locator('section.card').evaluateAll((cards) =>
    cards.map((card) => `${card.getAttribute('data-product-sku')}:${card.querySelector('[data-ads-events-sponsored]')?.getAttribute('data-ads-events-sponsored') ?? 'organic'}:${card.querySelectorAll('.adsevents-ads-events-0-x-sponsoredLabel').length}`)
  )
  // VTEX's sponsored copy of 2004 first, then the organic results: our ads are 2001 and 2003 ("outdoor").
  expect(marks).toEqual(['2004:vtex-search:1', '2001:ads-events:1', '2002:organic:0', '2003:ads-events:1', '2004:organic:0'])
  // Same layout for every card: one wrapper each, sponsored or not.
  expect(await results.locator('section.card > .adsevents-ads-events-0-x-searchBadge').count()).toBe(5)

  await sendRecorded(() => count('impression', 'vtex-search-2004') === 1 && count('impression', 'sp-2001') >= 1 && count('impression', 'sp-2003') >= 1, 'badge impressions')
  await expectViewAtOneSecond('#search-results', ['vtex-search-2004'])
  await Promise.all([page.waitForURL(/product=2004/), results.getByRole('link', { name: 'Merino wool socks' }).first().click()])
  await waitFor(() => count('click', 'vtex-search-2004') === 1, 'the click on the VTEX search ad')
})

it('Get ads slower than the budget: the service answers no ads within 600 ms, the page renders none and works', async () => {
  sandbox.getAds.delayMs = 2_000
  const query = 'query($input: SponsoredAdsInput!){ sponsoredAds(input: $input) { placements { name ads { adId } } } }'
  const started = Date.now()
  const answer = await sandbox.service!.graphql(query, { input: { sessionId: 's-1', channel: 'site', context: 'home', placements: [{ position: 'x', quantity: 1, types: ['product'] }] } })
  expect(Date.now() - started).toBeLessThan(800)
  expect(answer.body).toEqual({ data: { sponsoredAds: { placements: [{ name: 'site_home_x_product', ads: [] }] } } })

  await page.clock.resume()
  await settle()
  sandbox.vtexAds.beacons.length = 0
  await page.goto(`${server.origin}/`)
  await page.getByText(/Scroll: ads below the fold/).waitFor()
  await page.waitForTimeout(2_500)
  expect(await page.locator('[class^="adsevents-ads-events-0-x-sponsored"]').count()).toBe(0)
  expect(await page.locator('main').evaluate((element) => [...element.children].map((child) => `${child.id}:${child.children.length}`))).toEqual(['banner:0', 'shelf:0', 'brand:0', ':0', 'footer-shelf:0'])
  expect(sandbox.vtexAds.beacons).toEqual([])
  await page.getByRole('button', { name: /log in/i }).waitFor()
})
