/**
 * The sponsored blocks on the sandbox's demo store, in Chromium: ads through the real path (one
 * sponsoredAds query per page → the real Service → Get ads stand-in), beacons counted by the
 * events stand-in. The page clock is paused, so the 1 s view rule is exact.
 */
import { readFileSync } from 'fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { close } from '../../sandbox/lib/servers'
import { startPageServer } from '../../sandbox/pageServer'
import { loadSandboxSettings, startSandbox, type Sandbox } from '../../sandbox/sandbox'
import { launchChromium } from '../../sandbox/storefront/browserHarness'

jest.setTimeout(90_000)

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const LABEL = '.adsevents-ads-events-0-x-sponsoredLabel'
/** The sponsored products: items of the shelves and the brand, and the search cards our badge marks. */
const SPONSORED_ITEMS = ':is(.adsevents-ads-events-0-x-sponsoredItem, section.card:has([data-ads-events-sponsored]))'

let sandbox: Sandbox
let server: Awaited<ReturnType<typeof startPageServer>>
let browser: Browser
let context: BrowserContext
let page: Page
let errors: string[]

beforeAll(async () => {
  // A multi-site publisher: its outlet site is sales channel 3 (the home on channel 1 is "My Store").
  sandbox = await startSandbox({ settings: { ...loadSandboxSettings(), brandMappings: [{ salesChannel: '3', brand: 'My Store Outlet' }] } })
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

const newPage = async (options: { viewport?: { width: number; height: number }; pausedClock?: boolean } = {}) => {
  context = await browser.newContext({ viewport: options.viewport || { width: 1000, height: 800 } })
  page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  if (options.pausedClock !== false) {
    const start = Date.now()
    await page.clock.install({ time: start })
    await page.clock.pauseAt(start + 60_000)
  }
}

beforeEach(() => {
  sandbox.vtexAds.beacons.length = 0
  sandbox.getAds.requests.length = 0
  sandbox.getAds.delayMs = 0
  errors = []
})
afterEach(async () => {
  await context?.close()
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

/** Events are recorded at once and sent from idle callbacks (the paused clock fires them within 50 ms) once the identity is known. */
const sendRecorded = async (probe: () => boolean, what: string) => {
  for (let step = 0; step < 5 && !probe(); step++) {
    await settle()
    await page.clock.runFor(50)
  }
  await waitFor(probe, what)
}

/**
 * The view rule on ads shown together: out of view first (their clock resets), then in view:
 * nothing at 950 ms, each view at 1 s (sent within the next 50 ms).
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

const HOME_ADS = ['banner-summer', 'brand-trailco', 'brand-trailco-2001', 'brand-trailco-2003', 'sp-2002', 'sp-2004', 'sp-2009', 'sp-2006', 'sp-2012', 'sp-2010', 'sp-2007', 'sp-2011']

it('the home asks Get ads once for all its blocks, and shows no product twice', async () => {
  await newPage()
  await page.goto(`${server.origin}/`)
  await rendered(page.locator('#footer-shelf li'))
  await sendRecorded(() => HOME_ADS.every((adId) => count('impression', adId) === 1), 'every home impression')
  expect(sandbox.getAds.requests).toHaveLength(1)
  const [request] = sandbox.getAds.requests
  expect(Object.keys(request.placements)).toEqual(['site_home_middle_banner', 'site_home_top_sponsored_brand', 'site_home_top-shelf_product', 'site_home_search-results_product', 'site_home_bottom-shelf_product'])
  expect(request.dedup_ads).toBe(true)
  // What the storefront fills honestly: ids in letters and digits, the browser's user agent, the site's brand (the settings' one: no mapping).
  expect(request.session_id).toMatch(/^[0-9a-f]{32}$/)
  expect(request.userAgent).toBe(await page.evaluate(() => navigator.userAgent))
  expect(request.brand).toBe('My Store')
  expect(request).not.toHaveProperty('tags')
  const sponsoredSkus = await page.locator(`${SPONSORED_ITEMS} a[data-sku]`).evaluateAll((links) => links.map((link) => link.getAttribute('data-sku')))
  expect(new Set(sponsoredSkus).size).toBe(sponsoredSkus.length)
  expect(sponsoredSkus).toHaveLength(10)
  // The events carry the very ids Get ads got.
  expect(new Set(sandbox.vtexAds.beacons.map((beacon) => beacon.sessionId))).toEqual(new Set([request.session_id]))
  await settle()
  expect(sandbox.vtexAds.beacons.filter((beacon) => beacon.kind === 'impression')).toHaveLength(HOME_ADS.length)
})

it('sponsored-products-shelf: the products via the theme summary, impression on render, view at 1 s, one click', async () => {
  await newPage()
  await page.goto(`${server.origin}/`)
  const shelf = page.locator('#shelf section[aria-label="Sponsored products"]')
  await rendered(shelf.locator('li'))
  expect(await shelf.locator('.card a').allTextContents()).toEqual(['Insulated water bottle', 'Merino wool socks', 'Waterproof hiking boots', 'Camping headlamp'])
  expect(await shelf.locator(LABEL).allTextContents()).toEqual(['Sponsored', 'Sponsored', 'Sponsored', 'Sponsored'])
  const shelfAds = ['sp-2002', 'sp-2004', 'sp-2009', 'sp-2006']
  await sendRecorded(() => shelfAds.every((adId) => count('impression', adId) === 1), 'shelf impressions')

  await expectViewAtOneSecond('#shelf', shelfAds)
  await shelf.getByRole('button', { name: 'Add to cart' }).first().click()
  await Promise.all([page.waitForURL(/product=2002/), shelf.getByRole('link', { name: 'Insulated water bottle' }).click()])
  await waitFor(() => count('click', 'sp-2002') === 1, 'the click of sp-2002')
  await settle()
  expect(count('click', 'sp-2002')).toBe(1)
})

it('sponsored-banner: box reserved before the ad and its image, visible label, keyboard click', async () => {
  await newPage()
  sandbox.getAds.delayMs = 300
  let releaseImage: () => void = () => undefined
  const imageHeld = new Promise<void>((resolve) => (releaseImage = resolve))
  await page.route('**/_sandbox/media/banner-desktop.svg', async (route) => {
    await imageHeld
    await route.continue()
  })
  await page.goto(`${server.origin}/`)
  const box = page.locator('#banner .adsevents-ads-events-0-x-sponsoredBanner')
  const reserved = await box.boundingBox()
  // The page's column is narrower than 970 px: the box keeps 970 × 250 from the first render.
  expect(reserved?.width).toBeGreaterThan(900)
  expect(reserved?.height).toBeCloseTo(((reserved?.width ?? 0) * 250) / 970, 0)
  const shelfTop = await page.locator('#shelf').evaluate((element) => element.getBoundingClientRect().top)
  const link = box.locator('a')
  await rendered(link)
  expect(await box.boundingBox()).toEqual(reserved)
  releaseImage()
  await page.waitForFunction(() => (document.querySelector('#banner img') as HTMLImageElement | null)?.complete === true)
  expect(await box.boundingBox()).toEqual(reserved)
  expect(await page.locator('#shelf').evaluate((element) => element.getBoundingClientRect().top)).toBe(shelfTop)
  // The label is inside the creative's box and on top of it: what the shopper sees at its place is the label.
  const label = await link.locator(LABEL).boundingBox()
  expect(label!.x >= reserved!.x && label!.y >= reserved!.y && label!.x + label!.width <= reserved!.x + reserved!.width && label!.y + label!.height <= reserved!.y + reserved!.height).toBe(true)
  expect(await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.textContent, [label!.x + 5, label!.y + 5])).toBe('Sponsored')
  expect(await link.locator('img').getAttribute('alt')).toBe('Summer outdoor sale')
  await sendRecorded(() => count('impression', 'banner-summer') === 1, 'the banner impression')

  await expectViewAtOneSecond('#banner', ['banner-summer'])
  await link.focus()
  await Promise.all([page.waitForURL(/campaign=summer/), page.keyboard.press('Enter')])
  await waitFor(() => count('click', 'banner-summer') === 1, 'the banner click')
})

it('sponsored-brand: the creative and each of its products, each with its own event URLs', async () => {
  await newPage()
  await page.goto(`${server.origin}/`)
  const brand = page.locator('#brand section.adsevents-ads-events-0-x-sponsoredBrand')
  await rendered(brand.locator('li'))
  expect(await brand.getAttribute('aria-label')).toBe('TrailCo: gear for every trail')
  expect(await brand.locator('.card a').allTextContents()).toEqual(['Trail running shoes', 'Lightweight rain jacket'])
  const creative = brand.locator('[role="img"]')
  expect(await creative.getAttribute('aria-label')).toBe('Sponsored TrailCo: gear for every trail')
  expect(await creative.locator(LABEL).isVisible()).toBe(true)
  await sendRecorded(() => ['brand-trailco', 'brand-trailco-2001', 'brand-trailco-2003'].every((adId) => count('impression', adId) === 1), 'brand impressions')

  await expectViewAtOneSecond('#brand', ['brand-trailco', 'brand-trailco-2001', 'brand-trailco-2003'])
  await Promise.all([page.waitForURL(/product=2003/), brand.getByRole('link', { name: 'Lightweight rain jacket' }).click()])
  await waitFor(() => count('click', 'brand-trailco-2003') === 1, 'the brand product click')
  expect(count('click', 'brand-trailco')).toBe(0)
})

it("sponsored-search-badges: exactly the sponsored SKUs marked, VTEX search's own ad tracked, no second copy", async () => {
  await newPage()
  await page.goto(`${server.origin}/?q=outdoor`)
  const results = page.locator('#search-results')
  await rendered(results.locator('[data-ads-events-sponsored="ads-events"]'))
  const marks = await results.locator('section.card').evaluateAll((cards) =>
    cards.map((card) => `${card.getAttribute('data-product-sku')}:${card.querySelector('[data-ads-events-sponsored]')?.getAttribute('data-ads-events-sponsored') ?? 'organic'}:${card.querySelectorAll('.adsevents-ads-events-0-x-sponsoredLabel').length}`)
  )
  // VTEX's sponsored copy of 2004 first, then the organic results: our ads are 2001 and 2003 ("outdoor").
  expect(marks.slice(0, 5)).toEqual(['2004:vtex-search:1', '2001:ads-events:1', '2002:organic:0', '2003:ads-events:1', '2004:organic:0'])
  expect(marks.filter((mark) => !mark.endsWith(':0'))).toHaveLength(3)

  await sendRecorded(() => count('impression', 'vtex-search-2004') === 1 && count('impression', 'sp-2001') === 1 && count('impression', 'sp-2003') === 1, 'badge impressions')
  await expectViewAtOneSecond('#search-results', ['vtex-search-2004'])
  await Promise.all([page.waitForURL(/product=2004/), results.getByRole('link', { name: 'Merino wool socks' }).first().click()])
  await waitFor(() => count('click', 'vtex-search-2004') === 1, 'the click on the VTEX search ad')
})

it("sponsored-search-badges leave the theme's card layout exactly as it is (desktop and phone)", async () => {
  for (const viewport of [{ width: 1000, height: 800 }, { width: 390, height: 844 }]) {
    await newPage({ viewport, pausedClock: false })
    const layout = async (path: string) => {
      await page.goto(`${server.origin}${path}`)
      await page.locator('#search-results section.card').first().waitFor()
      await page.waitForTimeout(1500)
      // Every box inside every card, but our label (it takes no space: checked below).
      return page.locator('#search-results section.card').evaluateAll((cards, label) =>
        cards.map((card) => [card, ...Array.from(card.querySelectorAll('*'))].filter((node) => !node.matches(`${label}, ${label} *, .adsevents-ads-events-0-x-searchBadge`)).map((node) => JSON.stringify(node.getBoundingClientRect())))
      , LABEL)
    }
    const without = await layout('/?q=outdoor&nobadges=1')
    const withBadges = await layout('/?q=outdoor')
    expect(await page.locator(`#search-results ${LABEL}`).count()).toBe(3)
    expect(withBadges).toEqual(without)
    await context.close()
  }
})

it('Get ads slower than the budget: no ads; the reserved space stays while in view and is given back off-screen, with no layout shift', async () => {
  sandbox.getAds.delayMs = 2_000
  const query = 'query($input: SponsoredAdsInput!){ sponsoredAds(input: $input) { placements { name ads { adId } } } }'
  const started = Date.now()
  const answer = await sandbox.service!.graphql(query, { input: { sessionId: 's-1', channel: 'site', context: 'home', placements: [{ position: 'x', quantity: 1, types: ['product'] }] } })
  expect(Date.now() - started).toBeLessThan(800)
  expect(answer.body).toEqual({ data: { sponsoredAds: { placements: [{ name: 'site_home_x_product', ads: [] }] } } })

  await newPage({ pausedClock: false })
  await page.addInitScript(() => {
    const w = window as unknown as { __shifts: number }
    w.__shifts = 0
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => (w.__shifts += (entry as PerformanceEntry & { value: number }).value))).observe({ type: 'layout-shift', buffered: true })
  })
  await page.goto(`${server.origin}/`)
  await page.getByText(/Ads below the fold/).waitFor()
  const bannerBox = await page.locator('#banner > *').boundingBox()
  const brandBox = await page.locator('#brand > *').boundingBox()
  await page.waitForTimeout(2_500)
  // In view at the top: still reserved; the banner shows the theme's fallback (the house banner) in its box, the brand stays empty. Below the fold: given back.
  expect(await page.locator('#banner > *').boundingBox()).toEqual(bannerBox)
  expect(await page.locator('#banner img').getAttribute('alt')).toBe('Free shipping on orders over $ 99')
  expect(await page.locator('#brand > *').boundingBox()).toEqual(brandBox)
  expect(await page.locator('#brand li').count()).toBe(0)
  expect(await page.locator('#footer-shelf > *').count()).toBe(0)
  // Scrolled away, the empty brand's space goes too (the banner keeps its fallback), and what the shopper sees does not move.
  await page.locator('.spacer').scrollIntoViewIfNeeded()
  const spacerTop = await page.locator('.spacer').evaluate((element) => element.getBoundingClientRect().top)
  await page.waitForTimeout(500)
  expect(await page.locator('#brand > *').count()).toBe(0)
  expect(await page.locator('#banner > *').boundingBox()).toMatchObject({ width: bannerBox!.width, height: bannerBox!.height })
  // Scroll positions are whole pixels: the anchoring leaves at most a fraction of one.
  expect(Math.abs((await page.locator('.spacer').evaluate((element) => element.getBoundingClientRect().top)) - spacerTop)).toBeLessThan(1)
  expect(await page.evaluate(() => (window as unknown as { __shifts: number }).__shifts)).toBeLessThan(0.001)
  expect(sandbox.vtexAds.beacons).toEqual([])
})

it('a logged-in shopper: Get ads gets the user id, in letters and digits', async () => {
  await newPage({ pausedClock: false })
  await context.addCookies([{ name: 'sandbox_user', value: 'demo-shopper-1', domain: '127.0.0.1', path: '/' }])
  await page.goto(`${server.origin}/`)
  await waitFor(() => sandbox.getAds.requests.length === 1, 'the ad query')
  expect(sandbox.getAds.requests[0].user_id).toBe('demoshopper1')
})

it("a multi-site publisher: Get ads gets the brand of the shopper's sales channel (the segment the gateway forwards), as conversions do", async () => {
  await newPage({ pausedClock: false })
  await page.goto(`${server.origin}/?sc=3`)
  await waitFor(() => sandbox.getAds.requests.length === 1, 'the outlet ad query')
  expect(sandbox.getAds.requests[0].brand).toBe('My Store Outlet')
  // The segment cookie stays: the next page is the outlet's too.
  await page.goto(`${server.origin}/?q=outdoor`)
  await waitFor(() => sandbox.getAds.requests.length === 2, 'the second ad query')
  expect(sandbox.getAds.requests[1].brand).toBe('My Store Outlet')
  await page.goto(`${server.origin}/?sc=1`)
  await waitFor(() => sandbox.getAds.requests.length === 3, 'the main site ad query')
  expect(sandbox.getAds.requests[2].brand).toBe('My Store')
})

describe('blocks switched off in the Site Editor (active: false)', () => {
  it('every block off: nothing rendered, no Get ads request reaches VTEX Ads', async () => {
    await newPage({ pausedClock: false })
    await page.goto(`${server.origin}/?off=banner,brand,shelf,badges,footer`)
    await page.locator('#all-products section.card').first().waitFor()
    await page.waitForTimeout(1_500)
    // This page's own requests: one the previous test's page had in flight may still land here.
    const sessionId = (await context.cookies()).find((cookie) => cookie.name === 'ads_events_sid')?.value
    expect(sessionId).toMatch(/^[0-9a-f]{32}$/)
    expect(sandbox.getAds.requests.filter((request) => request.session_id === sessionId)).toEqual([])
    for (const slot of ['#banner', '#brand', '#shelf', '#footer-shelf']) expect([slot, await page.locator(`${slot} > *`).count()]).toEqual([slot, 0])
    expect(await page.locator(LABEL).count()).toBe(0)
    expect(sandbox.vtexAds.beacons).toEqual([])
  })

  it('one block off: the page still asks once, without its placement', async () => {
    await newPage({ pausedClock: false })
    await page.goto(`${server.origin}/?off=banner`)
    await page.locator('#shelf li').first().waitFor()
    await page.waitForTimeout(500)
    expect(sandbox.getAds.requests).toHaveLength(1)
    expect(Object.keys(sandbox.getAds.requests[0].placements)).toEqual(['site_home_top_sponsored_brand', 'site_home_top-shelf_product', 'site_home_search-results_product', 'site_home_bottom-shelf_product'])
    expect(await page.locator('#banner > *').count()).toBe(0)
  })
})

describe('fallback content when no ad comes (sponsored-fallback)', () => {
  /** CLS as web-vitals counts it (layout shifts without recent input), recorded from the first paint. */
  const recordShifts = () =>
    page.addInitScript(() => {
      const w = window as unknown as { __cls: number }
      w.__cls = 0
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => !(entry as PerformanceEntry & { hadRecentInput: boolean }).hadRecentInput && (w.__cls += (entry as PerformanceEntry & { value: number }).value))).observe({ type: 'layout-shift', buffered: true })
    })

  it.each([
    ['desktop', { width: 1000, height: 800 }, '/?product=2001', 970 / 250],
    ['390 px phone', { width: 390, height: 844 }, '/?product=2001&mobile=1', 320 / 100],
  ])("a product page (no banner campaign runs there), %s: the house banner in the banner's reserved box, CLS 0", async (_, viewport, path, ratio) => {
    await newPage({ viewport, pausedClock: false })
    await recordShifts()
    await page.goto(`${server.origin}${path}`)
    const box = page.locator('#banner .adsevents-ads-events-0-x-sponsoredBanner')
    const reserved = await box.boundingBox()
    expect(reserved!.width / reserved!.height).toBeCloseTo(ratio, 1)
    await page.locator('#banner img[alt="Free shipping on orders over $ 99"]').waitFor()
    await page.waitForFunction(() => (document.querySelector('#banner img') as HTMLImageElement | null)?.complete === true)
    await page.locator('#shelf li').first().waitFor()
    await page.waitForTimeout(1_000)
    expect(await box.boundingBox()).toEqual(reserved)
    // The house banner fills the box exactly: nothing of it outside, nothing of the box left empty.
    expect(await page.locator('#banner .adsevents-ads-events-0-x-sponsoredFallback').boundingBox()).toEqual(reserved)
    // It is the store's own content: no label, nothing tracked, not named sponsored.
    expect(await box.locator(LABEL).count()).toBe(0)
    expect(await box.locator('a').getAttribute('aria-labelledby')).toBeNull()
    expect(sandbox.getAds.requests[0].placements).toHaveProperty(`${path.includes('mobile') ? 'msite' : 'site'}_product_page_top_banner`)
    expect(sandbox.vtexAds.beacons.filter((beacon) => beacon.adId === 'banner-summer')).toEqual([])
    expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBe(0)
  })

  it.each([
    ['desktop', { width: 1000, height: 800 }, '/'],
    ['390 px phone', { width: 390, height: 844 }, '/?mobile=1'],
  ])('the home when VTEX Ads answers nothing, %s: the house banner, the other blocks empty in view, CLS 0', async (_, viewport, path) => {
    sandbox.state.injectFailures('getAds', Array(5).fill(503))
    try {
      await newPage({ viewport, pausedClock: false })
      await recordShifts()
      await page.goto(`${server.origin}${path}`)
      await page.locator('#banner img[alt="Free shipping on orders over $ 99"]').waitFor()
      await page.waitForTimeout(2_000)
      expect(await page.locator(LABEL).count()).toBe(0)
      expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBe(0)
    } finally {
      sandbox.state.injectedFailures.delete('getAds')
    }
  })
})

describe('disclosure and accessibility', () => {
  const axe = async () => {
    await page.addScriptTag({ content: AXE })
    return page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run(document)
      return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
    })
  }

  /**
   * Every link and button of every sponsored item (shelf and brand products, search cards our badge
   * marks, the banner's and brand's creatives), marked in the page; then their role, accessible
   * name and description as Chromium's accessibility tree computes them (what a screen reader gets).
   */
  const sponsoredControls = async () => {
    const marked = await page.evaluate((items) => {
      const controls = new Set<Element>()
      for (const item of Array.from(document.querySelectorAll(items))) item.querySelectorAll('a[href], button').forEach((control) => controls.add(control))
      document.querySelectorAll('.adsevents-ads-events-0-x-sponsoredBanner a[href], .adsevents-ads-events-0-x-sponsoredBrandCreative a[href]').forEach((control) => controls.add(control))
      Array.from(controls).forEach((control, index) => control.setAttribute('data-sponsored-control', String(index)))
      return controls.size
    }, SPONSORED_ITEMS)
    const cdp = await context.newCDPSession(page)
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1 })) as { root: { nodeId: number } }
    const { nodeIds } = (await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-sponsored-control]' })) as { nodeIds: number[] }
    const read = async (nodeId: number) => {
      const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false })) as { nodes: Array<{ role?: { value: string }; name?: { value: string }; description?: { value: string } }> }
      const [node] = nodes
      return { role: node.role?.value, name: node.name?.value || '', description: node.description?.value || '' }
    }
    const controls = await Promise.all(nodeIds.map(read))
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ ignored: boolean; role?: { value: string }; name?: { value: string } }> }
    const groupsSayingSponsored = nodes.filter((node) => !node.ignored && ['group', 'article', 'listitem'].includes(node.role?.value || '') && /sponsored/i.test(node.name?.value || ''))
    expect(controls).toHaveLength(marked)
    return { controls, groupsSayingSponsored }
  }
  const timesSponsored = (control: { name: string; description: string }) => (`${control.name} ${control.description}`.match(/sponsored/gi) || []).length

  it.each([
    ['home, desktop', '/', { width: 1000, height: 800 }, 20],
    ['home, phone', '/?mobile=1', { width: 390, height: 844 }, 20],
    ['search', '/?q=outdoor', { width: 1000, height: 800 }, 6],
  ])('%s: axe finds nothing; in the accessibility tree every sponsored link and button says "Sponsored" once, and no group around them says it', async (_, path, viewport, atLeast) => {
    await newPage({ viewport, pausedClock: false })
    await page.goto(`${server.origin}${path}`)
    await page.locator(LABEL).first().waitFor()
    await page.waitForTimeout(1500)
    expect(await axe()).toEqual([])
    const { controls, groupsSayingSponsored } = await sponsoredControls()
    expect(controls.length).toBeGreaterThanOrEqual(atLeast)
    expect(controls.filter((control) => timesSponsored(control) !== 1)).toEqual([])
    // Links in their name (what a screen reader's list of links reads), buttons in their description.
    expect(controls.filter((control) => control.role === 'link' && !/sponsored/i.test(control.name))).toEqual([])
    expect(controls.filter((control) => control.role === 'button' && (!/sponsored/i.test(control.description) || /sponsored/i.test(control.name)))).toEqual([])
    // The theme shows the label in capitals (text-transform), and the tree names it as rendered.
    expect(controls.map((control) => control.name.toLowerCase())).toContain('sponsored trail running shoes')
    expect(groupsSayingSponsored).toEqual([])
  })

  it('every sponsored link and button is reachable with the keyboard', async () => {
    await newPage({ pausedClock: false })
    await page.goto(`${server.origin}/`)
    await page.locator('#footer-shelf li').first().waitFor()
    await page.waitForTimeout(500)
    const { controls } = await sponsoredControls()
    const reached = new Set<string>()
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab')
      const marked = await page.evaluate(() => document.activeElement?.getAttribute('data-sponsored-control'))
      if (marked) reached.add(marked)
    }
    expect(reached.size).toBe(controls.length)
  })
})
