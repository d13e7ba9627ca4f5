import type { Browser, BrowserContext, Page } from 'playwright-core'

import { loadSandboxSettings, startSandbox, type Sandbox } from '../../sandbox/sandbox'
import { EventsServer, launchChromium, PageServer, startEventsServer, startPageServer } from '../../sandbox/storefront/browserHarness'
import { customDataRemovals, customDataWrites, orderForms } from '../../sandbox/storefront/orderForms'
import { SANDBOX_USER_COOKIE } from '../../sandbox/storefront/routes'
import { fixtureAd, openFixture, VIEWPORT, watchErrors } from './fixturePage'

jest.setTimeout(60_000)

/**
 * A store with the "require consent" setting on (read by the pixel from the app's public config,
 * through the real Service): no identifier cookie before consent, consent read from the consent
 * managers VTEX stores use and from the store's own window event.
 */
describe('consent, in Chromium', () => {
  let sandbox: Sandbox
  let browser: Browser
  let events: EventsServer
  let pages: PageServer
  let context: BrowserContext
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    sandbox = await startSandbox({ settings: { ...loadSandboxSettings(), requireConsent: true } })
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
    context = await browser.newContext({ viewport: VIEWPORT })
    await context.addCookies([{ name: SANDBOX_USER_COOKIE, value: 'profile-9', domain: '127.0.0.1', path: '/' }])
    errors = watchErrors(context)
    page = await context.newPage()
  })
  afterEach(async () => {
    await context.close()
    expect(errors).toEqual([])
  })

  /** This test's own ad and orderForm: beacons and writes of an earlier test's pages may still land. */
  let adId = ''
  let testIndex = 0
  const received = () => events.received.filter((e) => e.adId === adId)
  const writes = async () => {
    const id = await orderFormId()
    return customDataWrites.filter((write) => write.orderFormId === id)
  }
  const removals = async () => {
    const id = await orderFormId()
    return customDataRemovals.filter((removal) => removal.orderFormId === id)
  }
  const until = async (probe: () => Promise<boolean> | boolean, what: string, ms = 10_000) => {
    const deadline = Date.now() + ms
    while (!(await probe())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  const ours = async () => (await context.cookies()).filter((c) => c.name.startsWith('ads_events_')).map((c) => `${c.name}=${c.value}`)
  const orderFormId = async () => /^__ofid_(.+)$/.exec((await context.cookies()).find((c) => c.name === 'checkout.vtex.com')?.value || '')?.[1]
  const ourCustomData = async () => orderForms.get((await orderFormId())!)?.customData?.customApps.find((app) => app.id === 'ads-events')?.fields
  const loadStore = (query = '?irclickid=click-1') => {
    adId = `c-ad-${++testIndex}`
    return openFixture(page, pages.origin, { tracked: true, pixel: true, ads: [fixtureAd(events.baseUrl, adId, 0, { href: '#same-page' })] }, query)
  }
  const clickAd = () => page.click(`#${adId}`)
  /** What docs/README.md asks of a store with its own consent banner: the global (read whenever the app loads) and the event. */
  const storeSignalsConsent = (granted: boolean) =>
    page.evaluate((value) => {
      ;(window as unknown as { adsEventsConsent: boolean }).adsEventsConsent = value
      window.dispatchEvent(new CustomEvent('ads-events:consent', { detail: { granted: value } }))
    }, granted)

  it('before consent: no identifier cookie, no orderForm link; events still go, with an id that lives in the page only and no user id', async () => {
    await loadStore()
    await clickAd()
    // They leave once the 2 s the events wait for a consent manager's answer are over.
    await until(() => received().length === 3, 'the impression, the view and the click')
    await page.waitForTimeout(300)
    expect(await ours()).toEqual([])
    expect(await writes()).toEqual([])
    expect(received().map((e) => e.kind).sort()).toEqual(['click', 'impression', 'view'])
    const pageId = received()[0].body.session_id
    expect(received().map((e) => e.body)).toEqual(Array(3).fill({ session_id: pageId }))
    // The next page has another id: nothing links the two without consent.
    events.reset()
    await page.reload()
    await until(() => received().length > 0, 'the next page impression')
    expect(received()[0].body.session_id).not.toBe(pageId)
    expect(await ours()).toEqual([])
  })

  it("consent given while the banner shows (the store's ads-events:consent event): the events carry the stored id, the orderForm gets it", async () => {
    await loadStore()
    await storeSignalsConsent(true)
    await clickAd()
    await until(async () => (await writes()).length === 1 && received().some((e) => e.kind === 'click'), 'the write and the click')
    const stored = (await ours()).find((pair) => pair.startsWith('ads_events_sid='))!.split('=')[1]
    expect(received().find((e) => e.kind === 'click')!.body).toEqual({ session_id: stored, user_id: 'profile9' })
    expect(await ours()).toEqual(expect.arrayContaining(['ads_events_irclickid=click-1', 'ads_events_uid=profile9']))
    expect(await ourCustomData()).toEqual({ session_id: stored, impact_click_id: 'click-1', user_id: 'profile9' })
  })

  it('consent given after the page already sent events with its own id: that id becomes the stored session id', async () => {
    await loadStore()
    await clickAd()
    await until(() => received().some((e) => e.kind === 'click'), 'the click')
    const pageId = received().find((e) => e.kind === 'click')!.body.session_id
    await storeSignalsConsent(true)
    await until(async () => (await writes()).length === 1, 'the customData write')
    expect(await ours()).toEqual(expect.arrayContaining([`ads_events_sid=${pageId}`]))
    expect(await ourCustomData()).toEqual({ session_id: pageId, impact_click_id: 'click-1', user_id: 'profile9' })
  })

  /** Fakes of the consent managers' documented browser APIs, installed before the page's scripts. */
  const cmps = {
    Cookiebot: () => {
      const w = window as unknown as Record<string, unknown>
      setTimeout(() => {
        w.Cookiebot = { hasResponse: true, consent: { necessary: true, marketing: true } }
        window.dispatchEvent(new Event('CookiebotOnConsentReady'))
      }, 300)
    },
    'Cookie Script': () => {
      const w = window as unknown as Record<string, unknown>
      setTimeout(() => {
        w.CookieScript = { instance: { currentState: () => ({ action: 'accept', categories: ['strict', 'targeting'] }) } }
        window.dispatchEvent(new Event('CookieScriptLoaded'))
      }, 300)
    },
    'iubenda (IAB TCF v2)': () => {
      // As the CMP API specifies: addEventListener calls back at once with the current TC data, then on every change.
      const listeners: Array<(data: unknown, success: boolean) => void> = []
      let tcData: unknown = { gdprApplies: true, eventStatus: 'cmpuishown', purpose: { consents: {} } }
      ;(window as unknown as Record<string, unknown>).__tcfapi = (command: string, _version: number, callback: (data: unknown, success: boolean) => void) => {
        if (command !== 'addEventListener') return
        listeners.push(callback)
        callback(tcData, true)
      }
      setTimeout(() => {
        tcData = { gdprApplies: true, eventStatus: 'useractioncomplete', purpose: { consents: { 1: true, 7: true } } }
        listeners.forEach((listener) => listener(tcData, true))
      }, 300)
    },
  }

  it.each(Object.keys(cmps))('reads the consent given in %s', async (name) => {
    await page.addInitScript(cmps[name as keyof typeof cmps])
    await loadStore()
    await until(async () => (await writes()).length === 1, 'the customData write')
    const sessionId = (await ours()).find((pair) => pair.startsWith('ads_events_sid='))!.split('=')[1]
    await until(() => received().some((e) => e.kind === 'impression'), 'the impression')
    expect(received()[0].body).toEqual({ session_id: sessionId, user_id: 'profile9' })
  })

  it('consent refused (Cookiebot): cookies of an earlier consent removed, the orderForm emptied of our ids and holding the refusal', async () => {
    await loadStore()
    await storeSignalsConsent(true)
    await until(async () => (await writes()).length === 1, 'the customData write')
    expect(await ours()).not.toEqual([])
    await page.addInitScript(() => {
      ;(window as unknown as Record<string, unknown>).Cookiebot = { hasResponse: true, consent: { necessary: true, marketing: false } }
    })
    await loadStore('?page=2')
    await until(async () => (await removals()).length === 3 && received().some((e) => e.kind === 'impression'), 'the removals and the impression')
    expect(await ours()).toEqual([])
    expect((await removals()).map((removal) => removal.field).sort()).toEqual(['impact_click_id', 'session_id', 'user_id'])
    // The refusal itself, no identifier beside it: the order it ends in is not sent to VTEX Ads.
    expect((await writes()).map((write) => write.fields)[1]).toEqual({ consent: 'denied' })
    expect(await ourCustomData()).toEqual({ consent: 'denied' })
    expect(received()[0].body).toEqual({ session_id: expect.any(String) })
  })
})
