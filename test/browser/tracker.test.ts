import type { Browser, BrowserContext, Page } from 'playwright-core'

import { EventsServer, launchChromium, PageServer, startEventsServer, startPageServer } from '../../sandbox/storefront/browserHarness'
import { fixtureAd, intersectionRatio, openFixture, VIEWPORT, watchErrors } from './fixturePage'

/** Impression and view rules in real Chromium, with the page clock paused so time is exact. */
describe('ad tracker in Chromium', () => {
  let browser: Browser
  let events: EventsServer
  let pages: PageServer
  let context: BrowserContext
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    ;[browser, events, pages] = await Promise.all([launchChromium(), startEventsServer(), startPageServer()])
  })
  afterAll(async () => {
    await Promise.all([browser?.close(), events?.close(), pages?.close()])
  })
  beforeEach(async () => {
    events.reset()
    context = await browser.newContext({ viewport: VIEWPORT })
    errors = watchErrors(context)
    page = await context.newPage()
    // Installed clocks run in real time until paused; pausing a minute ahead (before any page
    // exists, so no timer fires in the jump) leaves time to the test: runFor moves it.
    const start = Date.now()
    await page.clock.install({ time: start })
    await page.clock.pauseAt(start + 60000)
  })
  afterEach(async () => {
    await context.close()
    expect(errors).toEqual([])
    expect(events.refused).toEqual([])
  })

  /**
   * Impressions and views are recorded at once but sent from an idle callback, which the paused
   * clock fires at most 50 ms later (Playwright's requestIdleCallback). Runs the clock those
   * 50 ms once the identity is known, so whatever was recorded has been sent.
   */
  const sendRecorded = async () => {
    await page.evaluate(() => window.__identity!())
    await page.clock.runFor(50)
  }

  /**
   * From the start of a continuous visible stretch at the threshold: no view yet at 950 ms,
   * exactly the view of `adId` at 1,000 ms (the paused clock makes the boundary exact).
   */
  const expectViewAtOneSecond = async (adId: string) => {
    await page.clock.runFor(900)
    await sendRecorded() // 950 ms
    await page.waitForTimeout(300)
    expect(events.count('view')).toBe(0)
    await page.clock.runFor(50)
    await sendRecorded()
    await events.waitFor(() => events.count('view', adId) === 1)
  }

  it('sends one impression per ad on mount; re-renders never re-fire it', async () => {
    const ads = [fixtureAd(events.baseUrl, 'i1', 0), fixtureAd(events.baseUrl, 'i2', 300), fixtureAd(events.baseUrl, 'i3', 5000)]
    await openFixture(page, pages.origin, { tracked: true, pixel: false, ads, pageHeight: 6000 })
    await sendRecorded()
    await events.waitFor(() => events.count('impression') === 3)
    for (let i = 0; i < 5; i++) await page.evaluate(() => window.__rerender!())
    expect(await page.locator('#i1').getAttribute('data-generation')).toBe('5')
    await sendRecorded()
    await page.waitForTimeout(300)
    expect(events.received.filter((e) => e.kind === 'impression').map((e) => e.adId).sort()).toEqual(['i1', 'i2', 'i3'])
    expect(events.received.every((e) => e.contentType === 'application/json' && typeof e.body.session_id === 'string')).toBe(true)
  })

  it('sends the view after exactly 1 s at 50 %, never at 49 %, not at 0.9 s', async () => {
    // Viewport 800 px, ads 200 px high: top 700 → 100 px (50 %) visible, top 702 → 98 px (49 %).
    const ads = [fixtureAd(events.baseUrl, 'at50', 700), fixtureAd(events.baseUrl, 'at49', 702)]
    await openFixture(page, pages.origin, { tracked: true, pixel: false, ads })
    expect(await intersectionRatio(page, '#at50')).toBe(0.5)
    expect(await intersectionRatio(page, '#at49')).toBeCloseTo(0.49, 5)
    await expectViewAtOneSecond('at50')
    await page.clock.runFor(10000)
    await sendRecorded()
    await page.waitForTimeout(300)
    expect(events.received.filter((e) => e.kind === 'view').map((e) => e.adId)).toEqual(['at50'])
  })

  it('resets the view clock when the ad leaves the viewport before 1 s', async () => {
    await openFixture(page, pages.origin, { tracked: true, pixel: false, ads: [fixtureAd(events.baseUrl, 'scroll', 100)], pageHeight: 4000 })
    expect(await intersectionRatio(page, '#scroll')).toBe(1)
    await page.clock.runFor(800)
    await page.evaluate(() => window.scrollTo(0, 1500))
    expect(await intersectionRatio(page, '#scroll')).toBe(0)
    await page.clock.runFor(800)
    await page.evaluate(() => window.scrollTo(0, 0))
    expect(await intersectionRatio(page, '#scroll')).toBe(1)
    await expectViewAtOneSecond('scroll')
  })

  // Headless Chromium keeps every page "visible": minimizing the window (Browser.setWindowBounds),
  // another tab in front and Page.setWebLifecycleState frozen/active all leave visibilityState
  // alone and fire no visibilitychange (checked on Chromium 156). So the test does what the
  // browser does on a tab switch, from inside the page: visibilityState reads 'hidden' and
  // visibilitychange is dispatched. Intersection, timers and beacons stay the real ones.
  const setTabVisibility = (state: 'visible' | 'hidden') =>
    page.evaluate((s) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s })
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => s === 'hidden' })
      document.dispatchEvent(new Event('visibilitychange'))
    }, state)

  it('resets the view clock when the tab is hidden before 1 s, and counts only visible time after', async () => {
    await openFixture(page, pages.origin, { tracked: true, pixel: false, ads: [fixtureAd(events.baseUrl, 'tab', 0)] })
    expect(await intersectionRatio(page, '#tab')).toBe(1)
    await page.clock.runFor(800)
    await setTabVisibility('hidden')
    await page.clock.runFor(5000)
    await setTabVisibility('visible')
    await expectViewAtOneSecond('tab')
  })

  it('views a large ad (over 242,500 px²) at 30 %: 300 × 2,000 px never reaches 50 % of an 800 px viewport', async () => {
    await openFixture(page, pages.origin, { tracked: true, pixel: false, ads: [fixtureAd(events.baseUrl, 'tall', 0, { height: 2000 })], pageHeight: 3000 })
    expect(await intersectionRatio(page, '#tall')).toBeCloseTo(0.4, 5)
    await expectViewAtOneSecond('tall')
  })

  it('A → B (no ads) → A in the SPA: A sends its impressions on both visits; re-renders never re-fire', async () => {
    const ads = [fixtureAd(events.baseUrl, 'nav1', 0), fixtureAd(events.baseUrl, 'nav2', 300)]
    await openFixture(page, pages.origin, { tracked: true, pixel: false, ads })
    await sendRecorded()
    await events.waitFor(() => events.count('impression') === 2)
    await page.evaluate(() => window.__navigate!('/b', { ads: false }))
    await page.evaluate(() => window.__navigate!('/fixture', { ads: true }))
    await sendRecorded()
    await events.waitFor(() => events.count('impression') === 4)
    for (let i = 0; i < 3; i++) await page.evaluate(() => window.__rerender!())
    await sendRecorded()
    await page.waitForTimeout(300)
    expect(events.received.filter((e) => e.kind === 'impression').map((e) => e.adId)).toEqual(['nav1', 'nav2', 'nav1', 'nav2'])
  })

  it('without pixel messages: an ad recorded on another URL, and back/forward, start new page views', async () => {
    await openFixture(page, pages.origin, { tracked: true, pixel: false, ads: [fixtureAd(events.baseUrl, 'hist', 0)] })
    await sendRecorded()
    await events.waitFor(() => events.count('impression') === 1)
    // To /b (history.pushState, no message), where the same ad shows again.
    await page.evaluate(() => window.__navigate!('/b', { ads: false, announce: false }))
    await page.evaluate(() => window.__showAds!(true))
    await sendRecorded()
    await events.waitFor(() => events.count('impression', 'hist') === 2)
    // Back to the first page (popstate), which renders its ad again.
    await page.evaluate(() => window.__showAds!(false))
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          addEventListener('popstate', () => resolve(), { once: true })
          history.back()
        }),
    )
    await page.evaluate(() => window.__showAds!(true))
    await sendRecorded()
    await events.waitFor(() => events.count('impression', 'hist') === 3)
    await page.evaluate(() => window.__rerender!())
    await sendRecorded()
    await page.waitForTimeout(300)
    expect(events.count('impression')).toBe(3)
  })

  it('needs 2 s for a video ad', async () => {
    await openFixture(page, pages.origin, { tracked: true, pixel: false, ads: [fixtureAd(events.baseUrl, 'video', 0, { type: 'video' })] })
    expect(await intersectionRatio(page, '#video')).toBe(1)
    await page.clock.runFor(1900)
    await sendRecorded() // 1,950 ms
    await page.waitForTimeout(300)
    expect(events.count('view')).toBe(0)
    await page.clock.runFor(50)
    await sendRecorded()
    await events.waitFor(() => events.count('view', 'video') === 1)
  })

  it('one click beacon per ad and page view, whatever way the shopper opens or acts on it', async () => {
    const ads = [fixtureAd(events.baseUrl, 'clk', 0, { href: '#same-page', controls: true }), fixtureAd(events.baseUrl, 'other', 300, { href: '#same-page', controls: true })]
    await openFixture(page, pages.origin, { tracked: true, pixel: false, ads })
    await sendRecorded() // the identity is known: clicks leave at once
    const clickCount = async () => {
      await page.waitForTimeout(300)
      return events.count('click', 'clk')
    }
    // Add to cart (the button stops the event), twice, then the card's label (two click events).
    await page.click('#clk-cart')
    expect(await clickCount()).toBe(1)
    await page.click('#clk-cart')
    await page.click('#clk-compare')
    await page.click('#clk')
    await page.click('#clk', { modifiers: ['Control'] })
    await page.click('#clk', { button: 'middle' })
    await page.focus('#clk')
    await page.keyboard.press('Enter')
    expect(await clickCount()).toBe(1)
    // Another ad on the page counts on its own; a new page view counts again.
    await page.click('#other', { button: 'middle' })
    await page.evaluate(() => window.__navigate!('/fixture?page=2', { ads: true }))
    await page.click('#clk-compare')
    await page.waitForTimeout(300)
    expect(['clk', 'other'].map((adId) => events.count('click', adId))).toEqual([2, 1])
  })

  it('opening an ad in a new tab with the middle button (auxclick) sends its click; the right button does not', async () => {
    await openFixture(page, pages.origin, { tracked: true, pixel: false, ads: [fixtureAd(events.baseUrl, 'mid', 0, { href: '#same-page' }), fixtureAd(events.baseUrl, 'right', 300, { href: '#same-page' })] })
    await sendRecorded()
    await page.click('#right', { button: 'right' })
    await page.click('#mid', { button: 'middle' })
    await events.waitFor(() => events.count('click', 'mid') === 1)
    await page.waitForTimeout(200)
    expect(events.count('click', 'right')).toBe(0)
  })

  it('a click before the identity is known waits for it, and still leaves once', async () => {
    await openFixture(page, pages.origin, { tracked: true, pixel: false, ads: [fixtureAd(events.baseUrl, 'early', 0, { href: '#same-page' })] })
    await page.click('#early')
    await page.click('#early')
    await sendRecorded()
    await events.waitFor(() => events.count('click', 'early') === 1)
    await page.waitForTimeout(200)
    expect(events.count('click', 'early')).toBe(1)
  })
})
