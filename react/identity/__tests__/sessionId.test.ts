import { SESSION_COOKIE, sessionIdFrom, VTEX_VISITOR_COOKIE } from '../sessionId'
import { uuidV4 } from '../uuid'
import { fakeJar } from './fakeJar'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('sessionIdFrom', () => {
  it("uses VTEX's visitor cookie when present and writes nothing of ours", () => {
    const { jar, writes } = fakeJar({ [VTEX_VISITOR_COOKIE]: 'vtex-visitor-1', [SESSION_COOKIE]: 'ours' })
    expect(sessionIdFrom({ jar, hostname: 'www.store.com', secure: true })).toBe('vtex-visitor-1')
    expect(writes).toEqual([])
  })

  it("ignores an invalid VTEX cookie and falls back to ours", () => {
    const { jar } = fakeJar({ [VTEX_VISITOR_COOKIE]: 'bad value', [SESSION_COOKIE]: 'ours-1' })
    expect(sessionIdFrom({ jar, hostname: 'www.store.com', secure: true })).toBe('ours-1')
  })

  it('creates a UUID v4 once, on the registrable domain, for ≥ 1 year, then returns the same id', () => {
    const { jar, writes } = fakeJar()
    const env = { jar, hostname: 'www.store.com', secure: true }
    const first = sessionIdFrom(env)
    expect(first).toMatch(UUID_V4)
    expect(writes[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=${first}; Max-Age=(\\d+); Path=/; SameSite=Lax; Domain=store.com; Secure$`))
    expect(Number(/Max-Age=(\d+)/.exec(writes[0])![1])).toBeGreaterThanOrEqual(365 * 86400)
    expect(sessionIdFrom(env)).toBe(first)
  })

  it('refreshes our cookie on every use (the year counts from the last visit)', () => {
    const { jar, writes } = fakeJar({ [SESSION_COOKIE]: 'kept' })
    sessionIdFrom({ jar, hostname: 'www.store.com', secure: false })
    expect(writes).toHaveLength(1)
    expect(writes[0]).toMatch(/^ads_events_sid=kept; Max-Age=\d+; Path=\/; SameSite=Lax; Domain=store.com$/)
  })

  it('replaces a tampered cookie value with a fresh id', () => {
    const { jar } = fakeJar({ [SESSION_COOKIE]: '<script>' })
    expect(sessionIdFrom({ jar, hostname: 'localhost', secure: false }, () => 'fresh')).toBe('fresh')
  })

  it('falls back to a host-only cookie when the browser refuses the guessed domain', () => {
    const { jar, writes, values } = fakeJar({}, true)
    const id = sessionIdFrom({ jar, hostname: 'www.store.com', secure: true })
    expect(writes).toHaveLength(2)
    expect(writes[1]).not.toMatch(/Domain=/)
    expect(values.get(SESSION_COOKIE)).toBe(id)
  })
})

describe('uuidV4', () => {
  it('is a random RFC 4122 v4 id', () => {
    const ids = new Set(Array.from({ length: 200 }, uuidV4))
    expect(ids.size).toBe(200)
    ids.forEach((id) => expect(id).toMatch(UUID_V4))
  })
})
