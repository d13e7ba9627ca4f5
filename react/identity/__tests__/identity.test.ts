import { shopperFromSession } from '../userId'

const session = (id: unknown, isAuthenticated: unknown) => ({
  id: 'session-1',
  namespaces: { profile: { id: { value: id }, isAuthenticated: { value: isAuthenticated } } },
})
/** A VTEX profile id (a UUID) and the user_id it is sent as: its 32 hex digits (the ads format). */
const PROFILE_ID = '6f92d1e9-00b6-4f8b-9645-faeab321e1cc'
const USER_ID = '6f92d1e900b64f8b9645faeab321e1cc'
const LOGGED_IN = session(PROFILE_ID, 'true')
const LOGGED_OUT = { namespaces: { profile: { isAuthenticated: { value: 'false' } } } }

describe('shopperFromSession', () => {
  it('is the VTEX profile id of an authenticated shopper, in the ads format (its hex digits)', () => {
    expect(shopperFromSession(session('3f1c7a5e-1d2b-4c3a-9e8f-0a1b2c3d4e5f', 'true'))).toEqual({ user_id: '3f1c7a5e1d2b4c3a9e8f0a1b2c3d4e5f' })
    expect(shopperFromSession(session('Profile.7', 'true'))).toEqual({ user_id: 'Profile7' })
  })

  it.each([
    ['a recognized but not logged-in profile', session('p1', 'false')],
    ['a logged-out session', LOGGED_OUT],
    ['an invalid id', session('a b', 'true')],
    ['an id with no letter or digit', session('--', 'true')],
  ])('is anonymous for %s', (_name, answer) => {
    expect(shopperFromSession(answer)).toEqual({})
  })

  it.each([
    ['no profile namespace', { namespaces: {} }],
    ['null', null],
    ['a string', 'oops'],
  ])('is unknown for %s (the page data is untyped: any shape may come)', (_name, answer) => {
    expect(shopperFromSession(answer as never)).toBeUndefined()
  })
})

/**
 * A fresh page load: a new identity module, render-session's answer on the page as the test says
 * (undefined: not yet, `answerSession` gives it). Nothing else may be asked (fetchMock).
 */
const loadPage = (answer?: unknown) => {
  let answerSession: (value: unknown) => void = () => undefined
  const sessionPromise = answer === undefined ? new Promise((resolve) => (answerSession = (value) => resolve({ response: value }))) : Promise.resolve({ response: answer })
  ;(window as { __RENDER_8_SESSION__?: unknown }).__RENDER_8_SESSION__ = { sessionPromise }
  const fetchMock = jest.fn(() => Promise.reject(new Error('no request expected')))
  global.fetch = fetchMock as unknown as typeof fetch
  let identity: typeof import('../identity') | undefined
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module per test = a fresh page load
    identity = require('../identity')
  })
  return { ...identity!, fetchMock, answerSession: (value: unknown) => answerSession(value) }
}

const cookies = () =>
  Object.fromEntries(
    document.cookie
      .split('; ')
      .filter(Boolean)
      .map((pair) => pair.split('='))
  )
const clearCookies = () => {
  for (const name of Object.keys(cookies())) document.cookie = `${name}=; Max-Age=0; path=/`
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('identity of a page load', () => {
  beforeEach(() => {
    clearCookies()
    delete (window as { __RENDER_8_SESSION__?: unknown }).__RENDER_8_SESSION__
    delete (window as { adsEventsConsent?: unknown }).adsEventsConsent
    window.history.replaceState(null, '', '/')
  })

  it('reads or writes nothing before the store setting is known', async () => {
    const page = loadPage(LOGGED_IN)
    page.startIdentity()
    await settle()
    expect(page.currentIdentity()).toBeUndefined()
    expect(page.eventIdentity()).toBeUndefined()
    expect(page.adsIdentity()).toBeUndefined()
    expect(cookies()).toEqual({})
  })

  it("reads render-session's answer already on the page, once however many callers, and asks nothing", async () => {
    const page = loadPage(LOGGED_IN)
    const read = jest.spyOn((window as unknown as { __RENDER_8_SESSION__: { sessionPromise: Promise<unknown> } }).__RENDER_8_SESSION__.sessionPromise, 'then')
    page.startIdentity()
    page.startIdentity()
    page.configureIdentity({ requireConsent: false })
    const identity = await page.whenIdentity()
    expect(identity.user_id).toBe(USER_ID)
    expect(read).toHaveBeenCalledTimes(1)
    expect(page.fetchMock).not.toHaveBeenCalled()
  })

  it('a page without render-session (not a store page) knows no shopper: the identity goes on without a user id', async () => {
    const page = loadPage(LOGGED_IN)
    delete (window as { __RENDER_8_SESSION__?: unknown }).__RENDER_8_SESSION__
    page.configureIdentity({ requireConsent: false })
    const identity = await page.whenIdentity()
    expect(identity).toEqual({ session_id: expect.any(String) })
    expect(page.fetchMock).not.toHaveBeenCalled()
  })

  it('without the consent setting: a stored session id, and the user id once the session answers', async () => {
    const page = loadPage()
    page.configureIdentity({ requireConsent: false })
    const sessionId = page.currentIdentity()!.session_id
    expect(cookies().ads_events_sid).toBe(sessionId)
    expect(page.eventIdentity()).toBeUndefined()
    page.answerSession(LOGGED_IN)
    expect(await page.whenIdentity()).toEqual({ session_id: sessionId, user_id: USER_ID })
    expect(cookies().ads_events_uid).toBe(USER_ID)
  })

  it('one id format: a new session id is 32 hex digits, the same on every page', async () => {
    const landing = loadPage(LOGGED_IN)
    landing.configureIdentity({ requireConsent: false })
    const identity = await landing.whenIdentity()
    expect(identity).toEqual({ session_id: expect.stringMatching(/^[0-9a-f]{32}$/), user_id: USER_ID })
    const next = loadPage(LOGGED_IN)
    next.configureIdentity({ requireConsent: false })
    expect(await next.whenIdentity()).toEqual(identity)
  })

  it("a returning visitor's hyphenated ids (an earlier version's cookies, VTEX's visitor cookie) keep their hex digits", async () => {
    document.cookie = 'ads_events_sid=5898b8d1-c250-4bb5-931b-8b9d0ee7b499; path=/'
    document.cookie = `ads_events_uid=${PROFILE_ID}; path=/`
    const page = loadPage()
    page.configureIdentity({ requireConsent: false })
    expect(page.currentIdentity()).toEqual({ session_id: '5898b8d1c2504bb5931b8b9d0ee7b499', user_id: USER_ID })
    // Stored back in the ads format: the next page reads the id it sends.
    expect(cookies().ads_events_sid).toBe('5898b8d1c2504bb5931b8b9d0ee7b499')
    expect(page.leavingIdentity()).toEqual({ session_id: '5898b8d1c2504bb5931b8b9d0ee7b499' })

    clearCookies()
    document.cookie = 'VtexRCMacIdv7=20f22b1b-673a-4792-bfcc-4c49cc7e106d; path=/'
    const vtexVisitor = loadPage({})
    vtexVisitor.configureIdentity({ requireConsent: false })
    expect((await vtexVisitor.whenIdentity()).session_id).toBe('20f22b1b673a4792bfcc4c49cc7e106d')
  })

  it('a VtexRCMacIdv7 that appears after the landing page changes nothing', async () => {
    const landing = loadPage({})
    landing.configureIdentity({ requireConsent: false })
    const sessionId = (await landing.whenIdentity()).session_id
    document.cookie = 'VtexRCMacIdv7=vtex-visitor-late; path=/'
    const next = loadPage({})
    next.configureIdentity({ requireConsent: false })
    expect((await next.whenIdentity()).session_id).toBe(sessionId)
  })

  it('a slow session: after USER_ID_WAIT_MS, events and the ad query carry the user id an earlier page saw', async () => {
    const earlier = loadPage(LOGGED_IN)
    earlier.configureIdentity({ requireConsent: false })
    await earlier.whenIdentity()
    jest.useFakeTimers()
    try {
      const page = loadPage()
      page.configureIdentity({ requireConsent: false })
      expect(page.eventIdentity()).toBeUndefined()
      expect(page.adsIdentity()).toBeUndefined()
      jest.advanceTimersByTime(page.USER_ID_WAIT_MS)
      expect(page.eventIdentity()).toMatchObject({ user_id: USER_ID })
      expect(page.adsIdentity()).toMatchObject({ user_id: USER_ID })
    } finally {
      jest.useRealTimers()
    }
  })

  it('logout: no user id, the remembered one forgotten, and the orderForm told to drop it', async () => {
    document.cookie = `ads_events_uid=${USER_ID}; path=/`
    const page = loadPage(LOGGED_OUT)
    page.configureIdentity({ requireConsent: false })
    const identity = await page.whenIdentity()
    expect(identity.user_id).toBeUndefined()
    expect(cookies().ads_events_uid).toBeUndefined()
    expect(page.bridgePlan()).toEqual({ identity, clear: ['user_id', 'consent'] })
  })
})

describe('identity with the consent setting on', () => {
  beforeEach(() => {
    clearCookies()
    delete (window as { adsEventsConsent?: unknown }).adsEventsConsent
    window.history.replaceState(null, '', '/?irclickid=click-1')
  })
  /** The store's own signal: the global, then the event. */
  const consent = (granted: boolean) => {
    ;(window as { adsEventsConsent?: boolean }).adsEventsConsent = granted
    window.dispatchEvent(new Event('ads-events:consent'))
  }

  it('before consent: no identifier stored; ads and events use an id that lives in the page only', async () => {
    const page = loadPage(LOGGED_IN)
    page.configureIdentity({ requireConsent: true })
    await settle()
    expect(page.currentIdentity()).toBeUndefined()
    const pageOnly = page.adsIdentity()!
    expect(pageOnly).toEqual({ session_id: expect.stringMatching(/^[0-9a-f]{32}$/) })
    expect(page.pageOnlyIdentity()).toEqual(pageOnly)
    expect(cookies()).toEqual({})
  })

  it('consent given later on the page: the id already used becomes the stored one, click ids and user id follow', async () => {
    const page = loadPage(LOGGED_IN)
    page.configureIdentity({ requireConsent: true })
    await settle()
    const pageId = page.adsIdentity()!.session_id
    consent(true)
    expect(await page.whenIdentity()).toEqual({ session_id: pageId, impact_click_id: 'click-1', user_id: USER_ID })
    expect(cookies()).toMatchObject({ ads_events_sid: pageId, ads_events_irclickid: 'click-1', ads_events_uid: USER_ID })
  })

  it('refused: the page-only id, no user id, our cookies removed, the orderForm told to drop every id and hold the refusal', async () => {
    document.cookie = 'ads_events_sid=from-an-earlier-consent; path=/'
    document.cookie = `ads_events_uid=${USER_ID}; path=/`
    ;(window as { adsEventsConsent?: boolean }).adsEventsConsent = false
    const page = loadPage(LOGGED_IN)
    page.configureIdentity({ requireConsent: true })
    const identity = await page.whenIdentity()
    expect(identity).toEqual({ session_id: expect.any(String) })
    expect(identity.session_id).not.toBe('from-an-earlier-consent')
    expect(cookies()).toEqual({})
    expect(page.bridgePlan()).toEqual({ identity: { consent: 'denied' }, clear: ['session_id', 'user_id', 'impact_click_id', 'oppref'] })
  })

  it('not answered yet: every id dropped from the orderForm, and no refusal recorded', async () => {
    jest.useFakeTimers()
    try {
      const page = loadPage(LOGGED_IN)
      page.configureIdentity({ requireConsent: true })
      jest.advanceTimersByTime(page.USER_ID_WAIT_MS)
      expect(page.bridgePlan()).toEqual({ identity: { consent: undefined }, clear: ['session_id', 'user_id', 'impact_click_id', 'oppref'] })
    } finally {
      jest.useRealTimers()
    }
  })

  it('given after a refusal: the refusal is removed with the ids written', async () => {
    ;(window as { adsEventsConsent?: boolean }).adsEventsConsent = false
    const page = loadPage(LOGGED_IN)
    page.configureIdentity({ requireConsent: true })
    await page.whenIdentity()
    expect(page.bridgePlan()).toMatchObject({ identity: { consent: 'denied' } })
    consent(true)
    const identity = await page.whenIdentity()
    expect(page.bridgePlan()).toEqual({ identity, clear: ['consent'] })
  })

  it('withdrawn after being given: the cookies go', async () => {
    const page = loadPage(LOGGED_IN)
    page.configureIdentity({ requireConsent: true })
    consent(true)
    await page.whenIdentity()
    expect(cookies().ads_events_sid).toBeDefined()
    consent(false)
    expect(cookies()).toEqual({})
    expect(page.bridgePlan()).toEqual({ identity: { consent: 'denied' }, clear: ['session_id', 'user_id', 'impact_click_id', 'oppref'] })
  })
})
