import type { Browser, Page } from 'playwright-core'

import { EventsServer, launchChromium, PageServer, startEventsServer, startPageServer } from '../../sandbox/storefront/browserHarness'
import { openFixture, VIEWPORT } from './fixturePage'

/**
 * What a cross-origin JSON-Blob beacon does in this Chromium (the finding written next to
 * react/tracking/transport.ts). Page on http://127.0.0.1:A, events on http://localhost:B.
 */
describe('cross-origin beacon with an application/json Blob', () => {
  let browser: Browser
  let events: EventsServer
  let pages: PageServer
  let page: Page

  beforeAll(async () => {
    ;[browser, events, pages] = await Promise.all([launchChromium(), startEventsServer(), startPageServer()])
    const context = await browser.newContext({ viewport: VIEWPORT })
    await context.addCookies([{ name: 'events_host_cookie', value: '1', domain: 'localhost', path: '/', sameSite: 'None', secure: true }])
    page = await context.newPage()
    await openFixture(page, pages.origin, { tracked: false, pixel: false, ads: [] })
  })
  afterAll(async () => {
    await Promise.all([browser?.close(), events?.close(), pages?.close()])
  })
  beforeEach(() => {
    events.reset()
    events.allowOrigin = () => true
  })

  const beacon = (url: string, body: string | Blob = 'json') =>
    page.evaluate(
      ([u, asBlob]) =>
        navigator.sendBeacon(u, asBlob ? new Blob([JSON.stringify({ session_id: 's1' })], { type: 'application/json' }) : JSON.stringify({ session_id: 's1' })),
      [url, body === 'json'] as const,
    )

  it('is preflighted (OPTIONS asking for content-type), then POSTed as application/json from the page origin', async () => {
    expect(await beacon(`${events.baseUrl}/v1/beacon/impression/t1`)).toBe(true)
    await events.waitFor(() => events.received.length === 1)
    expect(events.preflights).toEqual([{ path: '/v1/beacon/impression/t1', origin: pages.origin, requestHeaders: 'content-type' }])
    expect(events.received[0]).toMatchObject({ contentType: 'application/json', origin: pages.origin, body: { session_id: 's1' } })
  })

  it("does not carry the events host's cookies here (cross-site cookies are blocked), so nothing may rely on them", async () => {
    await beacon(`${events.baseUrl}/v1/beacon/impression/t2`)
    await events.waitFor(() => events.received.length === 1)
    expect(events.received[0].cookie).toBeUndefined()
  })

  it('is never POSTed when the preflight does not allow the origin with credentials, yet sendBeacon returns true', async () => {
    events.allowOrigin = () => false
    expect(await beacon(`${events.baseUrl}/v1/beacon/impression/t3`)).toBe(true)
    await events.waitFor(() => events.preflights.length === 1)
    await page.waitForTimeout(500)
    expect(events.received).toEqual([])
  })

  it('a string body is sent without preflight but as text/plain, which the events API refuses: hence the Blob', async () => {
    await beacon(`${events.baseUrl}/v1/beacon/impression/t4`, 'string')
    await events.waitFor(() => events.refused.length === 1)
    expect(events.preflights).toEqual([])
    expect(events.refused[0].reason).toMatch(/^content-type text\/plain/)
  })
})
