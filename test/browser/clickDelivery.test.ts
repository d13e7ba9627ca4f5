import type { Browser } from 'playwright-core'

import { clickAwayTrials, EventsServer, launchChromium, PageServer, startEventsServer, startPageServer } from '../../sandbox/storefront/browserHarness'
import { fixtureAd, VIEWPORT, watchErrors } from './fixturePage'

/**
 * The click beacon must survive the navigation the click starts (VTEX Ads 5.6: "Using the
 * Beacon API is mandatory to ensure that events are sent even when the user navigates").
 * Each trial loads a page, clicks a sponsored product link that navigates away at once, and
 * the fake events API counts what arrived. Half of the trials click before the session API
 * answered (the click waits in the identity queue and leaves on pagehide).
 */
export const TRIALS = 100

describe('click beacon on immediate navigation away', () => {
  let browser: Browser
  let events: EventsServer
  let pages: PageServer

  beforeAll(async () => {
    ;[browser, events, pages] = await Promise.all([launchChromium(), startEventsServer(), startPageServer()])
  })
  afterAll(async () => {
    await Promise.all([browser?.close(), events?.close(), pages?.close()])
  })

  it(`arrives in ${TRIALS} of ${TRIALS} trials`, async () => {
    const context = await browser.newContext({ viewport: VIEWPORT })
    const errors = watchErrors(context)
    const page = await context.newPage()
    const ad = fixtureAd(events.baseUrl, 'nav', 0, { href: '/next' })
    await page.addInitScript((config) => {
      ;(window as unknown as { __FIXTURE__: unknown }).__FIXTURE__ = config
    }, { tracked: true, pixel: false, ads: [ad] })

    await clickAwayTrials(page, pages, '#nav', TRIALS)
    await events.waitFor(() => events.count('click') >= TRIALS, 10000)
    await page.waitForTimeout(200)
    expect(events.count('click', 'nav')).toBe(TRIALS)
    expect(events.refused).toEqual([])
    expect(events.received.filter((e) => e.kind === 'click').every((e) => e.contentType === 'application/json' && e.body.session_id)).toBe(true)
    await context.close()
    expect(errors).toEqual([])
  }, 60000)
})
