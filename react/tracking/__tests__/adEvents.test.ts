/** A stored session id and a profile id as UUIDs: the events carry their hex digits (the ads format, identity/validId.ts). */
const LOGGED_IN = { namespaces: { profile: { id: { value: '6f92d1e9-00b6-4f8b-9645-faeab321e1cc' }, isAuthenticated: { value: 'true' } } } }
const SESSION_ID = '5898b8d1c2504bb5931b8b9d0ee7b499'
const USER_ID = '6f92d1e900b64f8b9645faeab321e1cc'
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0))
/** Impressions and views leave in idle slices (a 1 ms timer where requestIdleCallback is missing, as in jsdom). */
const idle = () => new Promise((resolve) => setTimeout(resolve, 20))
const blobText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.readAsText(blob)
  })

describe('trackAdEvent', () => {
  let beacons: Array<{ url: string; blob: Blob }>

  /** A fresh page load: new module state; render-session's answer comes when the test says so. */
  const loadPage = () => {
    let answerSession: (answer: unknown) => void = () => undefined
    ;(window as { __RENDER_8_SESSION__?: unknown }).__RENDER_8_SESSION__ = { sessionPromise: new Promise((resolve) => (answerSession = (answer) => resolve({ response: answer }))) }
    let trackAdEvent: typeof import('../adEvents').trackAdEvent = () => undefined
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module per test = a fresh page load
      trackAdEvent = require('../adEvents').trackAdEvent
      // What the pixel does with the store's setting (no consent needed here).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../../identity/identity').configureIdentity({ requireConsent: false })
    })
    return { trackAdEvent, answerSession: (answer: unknown) => answerSession(answer) }
  }

  beforeEach(() => {
    // The previous test's "page" goes away: whatever its tracker still queued leaves now, before the count restarts.
    window.dispatchEvent(new Event('pagehide'))
    document.cookie = 'ads_events_sid=5898b8d1-c250-4bb5-931b-8b9d0ee7b499; path=/'
    // Logged in on an earlier test's "page": that user id would stand in until the session answers.
    document.cookie = 'ads_events_uid=; Max-Age=0; path=/'
    window.history.replaceState(null, '', '/home')
    beacons = []
    Object.defineProperty(navigator, 'sendBeacon', {
      configurable: true,
      value: (url: string, blob: Blob) => beacons.push({ url, blob }) > 0,
    })
  })

  const bodies = () => Promise.all(beacons.map(async (b) => JSON.parse(await blobText(b.blob))))

  it('queues events until the identity resolves, then sends them as application/json with session_id and user_id', async () => {
    const { trackAdEvent, answerSession } = loadPage()
    trackAdEvent('https://events.test/v1/beacon/impression/1', '')
    await flushPromises()
    expect(beacons).toHaveLength(0)
    answerSession(LOGGED_IN)
    await idle()
    expect(beacons.map((b) => [b.url, b.blob.type])).toEqual([['https://events.test/v1/beacon/impression/1', 'application/json']])
    expect(await bodies()).toEqual([{ session_id: SESSION_ID, user_id: USER_ID }])
  })

  it('sends queued events with the session_id alone when the page is hidden before the identity resolves, and not twice', async () => {
    const { trackAdEvent, answerSession } = loadPage()
    trackAdEvent('https://events.test/v1/beacon/click/1', '', true)
    window.dispatchEvent(new Event('pagehide'))
    expect(await bodies()).toEqual([{ session_id: SESSION_ID }])
    answerSession(LOGGED_IN)
    await flushPromises()
    expect(beacons).toHaveLength(1)
  })

  it('sends each event once per ad and context per page view, clicks included; a click at once, after what was queued', async () => {
    const { trackAdEvent, answerSession } = loadPage()
    trackAdEvent('https://events.test/i/1', 'shelf')
    answerSession({})
    await idle()
    trackAdEvent('https://events.test/i/1', 'shelf')
    trackAdEvent('https://events.test/i/1', 'banner')
    trackAdEvent('https://events.test/c/1', 'shelf', true)
    trackAdEvent('https://events.test/c/1', 'shelf', true)
    // The click leaves in its own task, with the impression queued before it, in order.
    expect(beacons.map((b) => b.url)).toEqual(['https://events.test/i/1', 'https://events.test/i/1', 'https://events.test/c/1'])
    await idle()
    trackAdEvent('https://events.test/c/1', 'shelf', true)
    trackAdEvent('https://events.test/c/1', 'banner', true)
    expect(beacons.map((b) => b.url)).toEqual(['https://events.test/i/1', 'https://events.test/i/1', 'https://events.test/c/1', 'https://events.test/c/1'])
    expect(await bodies()).toEqual(Array(4).fill({ session_id: SESSION_ID }))
  })

  it('reuses one Blob for every event with the same body (half the cost of a sendBeacon call)', async () => {
    const { trackAdEvent, answerSession } = loadPage()
    answerSession({})
    for (let i = 0; i < 3; i++) trackAdEvent(`https://events.test/i/${i}`, '')
    await idle()
    expect(beacons).toHaveLength(3)
    expect(new Set(beacons.map((b) => b.blob)).size).toBe(1)
  })

  it('records an impression at once but sends it in a later idle slice, not in the recording task', async () => {
    const { trackAdEvent, answerSession } = loadPage()
    trackAdEvent('https://events.test/i/0', '')
    answerSession({})
    await idle()
    for (let i = 1; i < 4; i++) trackAdEvent(`https://events.test/i/${i}`, '')
    expect(beacons).toHaveLength(1)
    await idle()
    expect(beacons.map((b) => b.url)).toEqual(['https://events.test/i/0', 'https://events.test/i/1', 'https://events.test/i/2', 'https://events.test/i/3'])
  })

  it('starts a new page view when the SPA navigates to another URL', async () => {
    const { trackAdEvent, answerSession } = loadPage()
    trackAdEvent('https://events.test/i/1', '')
    answerSession({})
    await idle()
    window.history.pushState(null, '', '/category')
    trackAdEvent('https://events.test/i/1', '')
    trackAdEvent('https://events.test/i/1', '')
    await idle()
    expect(beacons).toHaveLength(2)
  })

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/plain,x', 'ftp://x/y', '//host/x', 'https://a b', undefined])('never beacons to %j', async (url) => {
    const { trackAdEvent, answerSession } = loadPage()
    trackAdEvent(url, '')
    trackAdEvent(url, '', true)
    answerSession({})
    await idle()
    window.dispatchEvent(new Event('pagehide'))
    expect(beacons).toHaveLength(0)
  })

  it('falls back to fetch with keepalive when sendBeacon refuses', async () => {
    const { trackAdEvent, answerSession } = loadPage()
    trackAdEvent('https://events.test/i/0', '')
    answerSession({})
    await idle()
    Object.defineProperty(navigator, 'sendBeacon', { configurable: true, value: () => false })
    const fetchMock = jest.fn().mockResolvedValue({ ok: true })
    global.fetch = fetchMock
    trackAdEvent('https://events.test/c/2', '', true)
    expect(fetchMock).toHaveBeenCalledWith('https://events.test/c/2', {
      method: 'POST',
      keepalive: true,
      body: JSON.stringify({ session_id: SESSION_ID }),
      headers: { 'Content-Type': 'application/json' },
    })
  })
})
