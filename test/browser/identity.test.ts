import type { Browser, BrowserContext, Page } from 'playwright-core'

import { EventsServer, launchChromium, PageServer, startEventsServer, startPageServer } from '../../sandbox/storefront/browserHarness'
import { customDataWrites, orderForms } from '../../sandbox/storefront/orderForms'
import { SANDBOX_USER_COOKIE } from '../../sandbox/storefront/routes'
import { fixtureAd, openFixture, VIEWPORT, watchErrors } from './fixturePage'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** Identity survives reloads and is the one the order carries (orderForm customData). */
describe('identity and the orderForm bridge in Chromium', () => {
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
    customDataWrites.length = 0
    context = await browser.newContext({ viewport: VIEWPORT })
    errors = watchErrors(context)
    page = await context.newPage()
  })
  afterEach(async () => {
    await context.close()
    expect(errors).toEqual([])
  })

  const cookie = async (name: string) => (await context.cookies()).find((c) => c.name === name)?.value
  const orderFormId = async () => /^__ofid_(.+)$/.exec((await cookie('checkout.vtex.com')) || '')?.[1]
  const ourCustomData = async () => orderForms.get((await orderFormId())!)?.customData?.customApps.find((app) => app.id === 'ads-events')?.fields
  const loadStore = async (query = '') => {
    await openFixture(page, pages.origin, { tracked: true, pixel: true, ads: [fixtureAd(events.baseUrl, 'id-ad', 0)] }, query)
  }
  const settle = async (writes: number) => {
    await events.waitFor(() => customDataWrites.length >= writes && events.count('impression') > 0)
    await page.waitForTimeout(300)
  }

  it('keeps one session_id across reloads, equal in the cookie, the beacons and the orderForm customData', async () => {
    await loadStore()
    await settle(1)
    const sessionId = await cookie('ads_events_sid')
    expect(sessionId).toMatch(UUID_V4)
    expect(await ourCustomData()).toEqual({ session_id: sessionId })
    expect(events.received[0].body).toEqual({ session_id: sessionId })

    for (let i = 0; i < 3; i++) await page.reload()
    await page.waitForTimeout(500)
    expect(await cookie('ads_events_sid')).toBe(sessionId)
    expect(events.received.filter((e) => e.kind === 'impression').map((e) => e.body.session_id)).toEqual(Array(4).fill(sessionId))
    // Same orderForm, same values: no second write (no request storm on reloads).
    expect(customDataWrites).toHaveLength(1)
  })

  it("uses VTEX's VtexRCMacIdv7 visitor cookie as the session_id when present", async () => {
    const { hostname } = new URL(pages.origin)
    await context.addCookies([{ name: 'VtexRCMacIdv7', value: 'a1b2c3d4-0000-4000-8000-vtexvisitor', domain: hostname, path: '/' }])
    await loadStore()
    await settle(1)
    expect(await ourCustomData()).toEqual({ session_id: 'a1b2c3d4-0000-4000-8000-vtexvisitor' })
    expect(events.received[0].body.session_id).toBe('a1b2c3d4-0000-4000-8000-vtexvisitor')
  })

  it('adds user_id after login (one more write) and sends it on events', async () => {
    await loadStore()
    await settle(1)
    const { hostname } = new URL(pages.origin)
    await context.addCookies([{ name: SANDBOX_USER_COOKIE, value: 'profile-42', domain: hostname, path: '/' }])
    events.reset()
    await page.reload()
    await settle(2)
    const sessionId = await cookie('ads_events_sid')
    expect(await ourCustomData()).toEqual({ session_id: sessionId, user_id: 'profile-42' })
    expect(customDataWrites).toHaveLength(2)
    expect(events.received[0].body).toEqual({ session_id: sessionId, user_id: 'profile-42' })
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
