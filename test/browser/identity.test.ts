import type { Browser, BrowserContext, Page } from 'playwright-core'

import { startSandbox, type Sandbox } from '../../sandbox/sandbox'
import { EventsServer, launchChromium, PageServer, startEventsServer, startPageServer } from '../../sandbox/storefront/browserHarness'
import { customDataRemovals, customDataWrites, orderForms } from '../../sandbox/storefront/orderForms'
import { SANDBOX_USER_COOKIE } from '../../sandbox/storefront/routes'
import { fixtureAd, openFixture, VIEWPORT, watchErrors } from './fixturePage'

/** A new session id: 32 hex digits, letters and digits only (the Ads API's rule for session_id and user_id). */
const NEW_ID = /^[0-9a-f]{32}$/

jest.setTimeout(60_000)

/**
 * Identity survives reloads and is the one the order carries (orderForm customData). The pixel
 * reads the store's setting from the app's public config, through the real Service.
 */
describe('identity and the orderForm bridge in Chromium', () => {
  let sandbox: Sandbox
  let browser: Browser
  let events: EventsServer
  let pages: PageServer
  let context: BrowserContext
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    sandbox = await startSandbox()
    ;[browser, events, pages] = await Promise.all([launchChromium(), startEventsServer(), startPageServer({ graphql: sandbox.service!.graphql })])
  })
  afterAll(async () => {
    await Promise.all([browser?.close(), events?.close(), pages?.close()])
    await sandbox?.stop()
  })
  // The identity's checkout and session calls keep VTEX's published contracts.
  afterAll(() => expect(pages.contractViolations).toEqual([]))
  beforeEach(async () => {
    events.reset()
    customDataWrites.length = 0
    customDataRemovals.length = 0
    pages.sessionDelayMs = 0
    context = await browser.newContext({ viewport: VIEWPORT })
    errors = watchErrors(context)
    page = await context.newPage()
  })
  afterEach(async () => {
    await context.close()
    expect(errors).toEqual([])
  })

  const { hostname } = new URL('http://127.0.0.1')
  const cookie = async (name: string) => (await context.cookies()).find((c) => c.name === name)?.value
  const setCookie = (name: string, value: string) => context.addCookies([{ name, value, domain: hostname, path: '/' }])
  const orderFormId = async () => /^__ofid_(.+)$/.exec((await cookie('checkout.vtex.com')) || '')?.[1]
  const ourCustomData = async () => orderForms.get((await orderFormId())!)?.customData?.customApps.find((app) => app.id === 'ads-events')?.fields
  const loadStore = async (query = '') => {
    await openFixture(page, pages.origin, { tracked: true, pixel: true, ads: [fixtureAd(events.baseUrl, 'id-ad', 0, { href: '#same-page' })] }, query)
  }
  const settle = async (writes: number) => {
    await events.waitFor(() => customDataWrites.length >= writes && events.count('impression') > 0, 10_000)
    await page.waitForTimeout(300)
  }

  it('keeps one session_id across reloads, equal in the cookie, the beacons and the orderForm customData', async () => {
    await loadStore()
    await settle(1)
    const sessionId = await cookie('ads_events_sid')
    expect(sessionId).toMatch(NEW_ID)
    expect(await ourCustomData()).toEqual({ session_id: sessionId })
    expect(events.received[0].body).toEqual({ session_id: sessionId })

    for (let i = 0; i < 3; i++) await page.reload()
    await page.waitForTimeout(500)
    expect(await cookie('ads_events_sid')).toBe(sessionId)
    expect(events.received.filter((e) => e.kind === 'impression').map((e) => e.body.session_id)).toEqual(Array(4).fill(sessionId))
    // Same orderForm, same values: no second write (no request storm on reloads).
    expect(customDataWrites).toHaveLength(1)
  })

  it("adopts VTEX's VtexRCMacIdv7 visitor cookie when present on the landing page", async () => {
    await setCookie('VtexRCMacIdv7', 'a9174f07-19c7-476a-97fe-300d89cc9430')
    await loadStore()
    await settle(1)
    // Its hex digits: the ads format, the same in the orderForm and the events.
    expect(await ourCustomData()).toEqual({ session_id: 'a9174f0719c7476a97fe300d89cc9430' })
    expect(events.received[0].body.session_id).toBe('a9174f0719c7476a97fe300d89cc9430')
  })

  it('a VtexRCMacIdv7 that appears after the landing page: the click, the customData and the order keep the landing id', async () => {
    await loadStore()
    await settle(1)
    const landing = await cookie('ads_events_sid')
    await page.click('#id-ad')
    await events.waitFor(() => events.count('click') === 1)
    await setCookie('VtexRCMacIdv7', 'late-vtex-visitor-id')
    await page.reload()
    await page.click('#id-ad')
    await events.waitFor(() => events.count('click') === 2)
    await page.waitForTimeout(300)
    expect(events.received.map((e) => e.body.session_id)).toEqual(Array(events.received.length).fill(landing))
    expect(await ourCustomData()).toEqual({ session_id: landing })
    expect(customDataWrites).toHaveLength(1)
  })

  it("login adds user_id (one more write) to events; logout removes it from the orderForm (the Checkout API's field DELETE)", async () => {
    await loadStore()
    await settle(1)
    const sessionId = await cookie('ads_events_sid')
    await setCookie(SANDBOX_USER_COOKIE, 'profile-42')
    events.reset()
    await page.reload()
    await settle(2)
    expect(await ourCustomData()).toEqual({ session_id: sessionId, user_id: 'profile42' })
    expect(events.received[0].body).toEqual({ session_id: sessionId, user_id: 'profile42' })

    await context.clearCookies({ name: SANDBOX_USER_COOKIE })
    events.reset()
    await page.reload()
    await events.waitFor(() => customDataRemovals.length === 1 && events.count('impression') === 1, 10_000)
    expect(customDataRemovals.map((removal) => removal.field)).toEqual(['user_id'])
    expect(await ourCustomData()).toEqual({ session_id: sessionId })
    expect(events.received[0].body).toEqual({ session_id: sessionId })
    expect(await cookie('ads_events_uid')).toBeUndefined()
  })

  it('a slow session API: clicks and impressions of a shopper logged in on an earlier page still carry user_id', async () => {
    await setCookie(SANDBOX_USER_COOKIE, 'profile-7')
    await loadStore()
    await settle(1)
    events.reset()
    pages.sessionDelayMs = 8000
    await page.reload({ waitUntil: 'domcontentloaded' })
    await page.click('#id-ad')
    await events.waitFor(() => events.count('click') === 1 && events.count('impression') === 1, 10_000)
    expect(events.received.map((e) => e.kind)).toEqual(expect.arrayContaining(['impression', 'click']))
    expect(events.received.every((e) => e.body.user_id === 'profile7')).toBe(true)
  })

  it('captures irclickid and oppref from the landing URL and keeps them on later pages', async () => {
    await loadStore('?irclickid=Qk0yXyT5cxy&oppref=opp.123')
    await settle(1)
    expect(await ourCustomData()).toMatchObject({ impact_click_id: 'Qk0yXyT5cxy', oppref: 'opp.123' })
    await page.goto(`${pages.origin}/fixture?page=2`)
    await page.waitForTimeout(300)
    expect(await cookie('ads_events_irclickid')).toBe('Qk0yXyT5cxy')
    expect(await cookie('ads_events_oppref')).toBe('opp.123')
    expect(customDataWrites).toHaveLength(1)
  })

  it('never writes an invalid click id', async () => {
    await loadStore('?irclickid=%3Cscript%3E')
    await settle(1)
    expect(Object.keys((await ourCustomData()) || {})).toEqual(['session_id'])
  })
})
