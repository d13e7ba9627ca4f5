import { deleteSharedCookie, keepSessionId, SESSION_COOKIE, VTEX_VISITOR_COOKIE } from '../sessionId'
import { uuidV4 } from '../uuid'
import { validId } from '../validId'

// jsdom's crypto has no randomUUID; browsers (and Node) do.
if (!(globalThis.crypto as { randomUUID?: unknown }).randomUUID) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  Object.defineProperty(globalThis.crypto, 'randomUUID', { configurable: true, writable: true, value: require('crypto').randomUUID })
}
import { fakeJar } from './fakeJar'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('keepSessionId', () => {
  const env = (jar: ReturnType<typeof fakeJar>['jar'], hostname = 'www.store.com', secure = true) => ({ jar, hostname, secure })

  it("adopts VTEX's visitor cookie when nothing was chosen yet, and stores it as ours", () => {
    const { jar, values } = fakeJar({ [VTEX_VISITOR_COOKIE]: 'vtex-visitor-1' })
    expect(keepSessionId(env(jar), 'fresh')).toBe('vtex-visitor-1')
    expect(values.get(SESSION_COOKIE)).toBe('vtex-visitor-1')
  })

  it('keeps the id already chosen when VtexRCMacIdv7 appears later: never a switch mid-journey', () => {
    const { jar } = fakeJar({ [SESSION_COOKIE]: 'ours-1', [VTEX_VISITOR_COOKIE]: 'vtex-visitor-late' })
    expect(keepSessionId(env(jar), 'fresh')).toBe('ours-1')
  })

  it('keeps the id this page already sent events with (consent came after them) over the VTEX cookie', () => {
    const { jar, values } = fakeJar({ [VTEX_VISITOR_COOKIE]: 'vtex-visitor-1' })
    expect(keepSessionId(env(jar), 'fresh', 'page-id-1')).toBe('page-id-1')
    expect(values.get(SESSION_COOKIE)).toBe('page-id-1')
  })

  it('ignores an invalid VTEX cookie', () => {
    const { jar } = fakeJar({ [VTEX_VISITOR_COOKIE]: 'bad value' })
    expect(keepSessionId(env(jar), 'fresh-1')).toBe('fresh-1')
  })

  it('stores a new id on the registrable domain for ≥ 1 year, then returns the same id', () => {
    const { jar, writes } = fakeJar()
    const first = keepSessionId(env(jar), uuidV4())
    expect(first).toMatch(UUID_V4)
    expect(writes[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=${first}; Max-Age=(\\d+); Path=/; SameSite=Lax; Domain=store.com; Secure$`))
    expect(Number(/Max-Age=(\d+)/.exec(writes[0])![1])).toBeGreaterThanOrEqual(365 * 86400)
    expect(keepSessionId(env(jar), uuidV4())).toBe(first)
  })

  it('refreshes our cookie on every use (the year counts from the last visit)', () => {
    const { jar, writes } = fakeJar({ [SESSION_COOKIE]: 'kept' })
    keepSessionId(env(jar, 'www.store.com', false), 'fresh')
    expect(writes).toHaveLength(1)
    expect(writes[0]).toMatch(/^ads_events_sid=kept; Max-Age=\d+; Path=\/; SameSite=Lax; Domain=store.com$/)
  })

  it('replaces a tampered cookie value with a fresh id', () => {
    const { jar } = fakeJar({ [SESSION_COOKIE]: '<script>' })
    expect(keepSessionId(env(jar, 'localhost', false), 'fresh')).toBe('fresh')
  })

  it('falls back to a host-only cookie when the browser refuses every domain', () => {
    const { jar, writes, values } = fakeJar({}, true)
    const id = keepSessionId(env(jar), 'fresh')
    expect(writes.map((line) => /Domain=([^;]+)/.exec(line)?.[1] || 'host-only')).toEqual(['store.com', 'www.store.com', 'host-only'])
    expect(values.get(SESSION_COOKIE)).toBe(id)
  })

  it('deleteSharedCookie expires it on every domain level and on the host', () => {
    const { jar, writes } = fakeJar({ [SESSION_COOKIE]: 'x' })
    deleteSharedCookie(env(jar), SESSION_COOKIE)
    expect(writes).toEqual([
      `${SESSION_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax; Domain=store.com; Secure`,
      `${SESSION_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax; Domain=www.store.com; Secure`,
      `${SESSION_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax; Secure`,
    ])
  })
})

describe('uuidV4', () => {
  const webCrypto = globalThis.crypto as { randomUUID?: () => string }

  it("is the browser's random RFC 4122 v4 id", () => {
    const ids = new Set(Array.from({ length: 200 }, uuidV4))
    expect(ids.size).toBe(200)
    ids.forEach((id) => expect(id).toMatch(UUID_V4))
  })

  it('without crypto.randomUUID (old browser, http page): still unique, and a valid id', () => {
    const randomUUID = webCrypto.randomUUID
    webCrypto.randomUUID = undefined
    try {
      const ids = new Set(Array.from({ length: 200 }, uuidV4))
      expect(ids.size).toBe(200)
      ids.forEach((id) => expect(validId(id)).toBe(id))
    } finally {
      webCrypto.randomUUID = randomUUID
    }
  })
})
