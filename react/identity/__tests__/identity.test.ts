import { SESSION_API, shopperFromSession } from '../userId'

const session = (id: unknown, isAuthenticated: unknown) => ({
  id: 'session-1',
  namespaces: { profile: { id: { value: id }, isAuthenticated: { value: isAuthenticated } } },
})
const LOGGED_IN = session('user-1', 'true')
const LOGGED_OUT = { namespaces: { profile: { isAuthenticated: { value: 'false' } } } }

describe('shopperFromSession', () => {
  it('is the VTEX profile id of an authenticated shopper', () => {
    expect(shopperFromSession(session('3f1c7a5e-1d2b-4c3a-9e8f-0a1b2c3d4e5f', 'true'))).toEqual({ user_id: '3f1c7a5e-1d2b-4c3a-9e8f-0a1b2c3d4e5f' })
  })

  it.each([
    ['a recognized but not logged-in profile', session('p1', 'false')],
    ['a logged-out session', LOGGED_OUT],
    ['an invalid id', session('a b', 'true')],
  ])('is anonymous for %s', (_name, answer) => {
    expect(shopperFromSession(answer)).toEqual({})
  })

  it.each([
    ['no profile namespace', { namespaces: {} }],
    ['null', null],
    ['a string', 'oops'],
  ])('is unknown for %s', (_name, answer) => {
    expect(shopperFromSession(answer)).toBeUndefined()
  })
})

/** A fresh page load: a new identity module, the session API answering as the test says. */
const loadPage = (answer?: unknown) => {
  let answerSession: (value: unknown) => void = () => undefined
  const fetchMock = jest.fn(() =>
    answer === undefined
      ? new Promise((resolve) => (answerSession = (value) => resolve({ ok: true, json: async () => value })))
      : Promise.resolve({ ok: true, json: async () => answer })
  )
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

  it("reads render-session's answer already on the page instead of asking again", async () => {
    ;(window as { __RENDER_8_SESSION__?: unknown }).__RENDER_8_SESSION__ = { sessionPromise: Promise.resolve({ response: LOGGED_IN }) }
    const page = loadPage(LOGGED_OUT)
    page.configureIdentity({ requireConsent: false })
    const identity = await page.whenIdentity()
    expect(identity.user_id).toBe('user-1')
    expect(page.fetchMock).not.toHaveBeenCalled()
  })

  it('otherwise asks the session API once, however many callers', async () => {
    const page = loadPage(LOGGED_IN)
    page.startIdentity()
    page.startIdentity()
    page.configureIdentity({ requireConsent: false })
    await page.whenIdentity()
    expect(page.fetchMock).toHaveBeenCalledTimes(1)
    expect(page.fetchMock.mock.calls[0]).toEqual([SESSION_API])
  })

  it('without the consent setting: a stored session id, and the user id once the session answers', async () => {
    const page = loadPage()
    page.configureIdentity({ requireConsent: false })
    const sessionId = page.currentIdentity()!.session_id
    expect(cookies().ads_events_sid).toBe(sessionId)
    expect(page.eventIdentity()).toBeUndefined()
    page.answerSession(LOGGED_IN)
    expect(await page.whenIdentity()).toEqual({ session_id: sessionId, user_id: 'user-1' })
    expect(cookies().ads_events_uid).toBe('user-1')
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
      expect(page.eventIdentity()).toMatchObject({ user_id: 'user-1' })
      expect(page.adsIdentity()).toMatchObject({ user_id: 'user-1' })
    } finally {
      jest.useRealTimers()
    }
  })

  it('logout: no user id, the remembered one forgotten, and the orderForm told to drop it', async () => {
    document.cookie = 'ads_events_uid=user-1; path=/'
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
    expect(pageOnly).toEqual({ session_id: expect.any(String) })
    expect(page.pageOnlyIdentity()).toEqual(pageOnly)
    expect(cookies()).toEqual({})
  })

  it('consent given later on the page: the id already used becomes the stored one, click ids and user id follow', async () => {
    const page = loadPage(LOGGED_IN)
    page.configureIdentity({ requireConsent: true })
    await settle()
    const pageId = page.adsIdentity()!.session_id
    consent(true)
    expect(await page.whenIdentity()).toEqual({ session_id: pageId, impact_click_id: 'click-1', user_id: 'user-1' })
    expect(cookies()).toMatchObject({ ads_events_sid: pageId, ads_events_irclickid: 'click-1', ads_events_uid: 'user-1' })
  })

  it('refused: the page-only id, no user id, our cookies removed, the orderForm told to drop every id and hold the refusal', async () => {
    document.cookie = 'ads_events_sid=from-an-earlier-consent; path=/'
    document.cookie = 'ads_events_uid=user-1; path=/'
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
