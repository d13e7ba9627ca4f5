import { SESSION_API, userIdFromSession } from '../userId'

const session = (id: unknown, isAuthenticated: unknown) => ({
  id: 'session-1',
  namespaces: { profile: { id: { value: id }, isAuthenticated: { value: isAuthenticated } } },
})

describe('userIdFromSession', () => {
  it('is the VTEX profile id of an authenticated shopper', () => {
    expect(userIdFromSession(session('3f1c7a5e-1d2b-4c3a-9e8f-0a1b2c3d4e5f', 'true'))).toBe('3f1c7a5e-1d2b-4c3a-9e8f-0a1b2c3d4e5f')
  })

  it.each([
    ['a recognized but not logged-in profile', session('p1', 'false')],
    ['an invalid id', session('a b', 'true')],
    ['no profile namespace', { namespaces: {} }],
    ['null', null],
    ['a string', 'oops'],
  ])('is absent for %s', (_name, answer) => {
    expect(userIdFromSession(answer)).toBeUndefined()
  })
})

describe('resolveIdentity', () => {
  const load = () => {
    let identity: typeof import('../identity') | undefined
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module per test = a fresh page load
      identity = require('../identity')
    })
    return identity!
  }

  beforeEach(() => {
    document.cookie = 'ads_events_sid=sid-1; path=/'
  })

  it('asks the session API once per page load, however many callers', async () => {
    const fetchMock = jest.fn().mockResolvedValue({ ok: true, json: async () => session('user-1', 'true') })
    global.fetch = fetchMock
    const { resolveIdentity, resolvedIdentity } = load()
    expect(resolvedIdentity()).toBeUndefined()
    const all = await Promise.all([resolveIdentity(), resolveIdentity(), resolveIdentity()])
    await resolveIdentity()
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(fetchMock.mock.calls[0][0]).toBe(SESSION_API)
    expect(all[0]).toEqual({ session_id: 'sid-1', user_id: 'user-1' })
    expect(resolvedIdentity()).toEqual({ session_id: 'sid-1', user_id: 'user-1' })
  })

  it('resolves without user_id when the session API fails', async () => {
    global.fetch = jest.fn().mockRejectedValue(new TypeError('offline'))
    await expect(load().resolveIdentity()).resolves.toEqual({ session_id: 'sid-1' })
  })

  it('resolves without user_id when the session API is slower than the wait limit', async () => {
    jest.useFakeTimers()
    try {
      global.fetch = jest.fn(() => new Promise<Response>(() => undefined))
      const { resolveIdentity, USER_ID_WAIT_MS } = load()
      const identity = resolveIdentity()
      jest.advanceTimersByTime(USER_ID_WAIT_MS)
      await expect(identity).resolves.toEqual({ session_id: 'sid-1' })
    } finally {
      jest.useRealTimers()
    }
  })
})
