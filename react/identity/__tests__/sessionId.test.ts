import { newId } from '../newId'
import { deleteSharedCookie, keepSessionId, SESSION_COOKIE, VTEX_VISITOR_COOKIE } from '../sessionId'
import { adsId, validId } from '../validId'
import { fakeJar } from './fakeJar'

/** The ads format of a new id: 32 hex digits (letters and digits only, as Get ads documents). */
const NEW_ID = /^[0-9a-f]{32}$/

describe('keepSessionId', () => {
  const env = (jar: ReturnType<typeof fakeJar>['jar'], hostname = 'www.store.com', secure = true) => ({ jar, hostname, secure })

  it("adopts VTEX's visitor cookie when nothing was chosen yet, in the ads format, and stores it as ours", () => {
    const { jar, values } = fakeJar({ [VTEX_VISITOR_COOKIE]: '209608f0-9092-11ea-b400-f946c1bb6b93' })
    expect(keepSessionId(env(jar), 'fresh')).toBe('209608f0909211eab400f946c1bb6b93')
    expect(values.get(SESSION_COOKIE)).toBe('209608f0909211eab400f946c1bb6b93')
  })

  it('maps an id an earlier version stored (a hyphenated UUID) to its hex digits: the same visitor, the same id', () => {
    const { jar, values } = fakeJar({ [SESSION_COOKIE]: 'f361661f-5986-4779-9009-a34562f18347', [VTEX_VISITOR_COOKIE]: '209608f0-9092-11ea-b400-f946c1bb6b93' })
    expect(keepSessionId(env(jar), 'fresh')).toBe('f361661f598647799009a34562f18347')
    expect(values.get(SESSION_COOKIE)).toBe('f361661f598647799009a34562f18347')
    expect(keepSessionId(env(jar), 'fresh')).toBe('f361661f598647799009a34562f18347')
  })

  it('keeps the id already chosen when VtexRCMacIdv7 appears later: never a switch mid-journey', () => {
    const { jar } = fakeJar({ [SESSION_COOKIE]: 'ours1', [VTEX_VISITOR_COOKIE]: 'vtexvisitorlate' })
    expect(keepSessionId(env(jar), 'fresh')).toBe('ours1')
  })

  it('keeps the id this page already sent events with (consent came after them) over the VTEX cookie', () => {
    const { jar, values } = fakeJar({ [VTEX_VISITOR_COOKIE]: 'vtex-visitor-1' })
    expect(keepSessionId(env(jar), 'fresh', 'pageid1')).toBe('pageid1')
    expect(values.get(SESSION_COOKIE)).toBe('pageid1')
  })

  it('ignores an invalid VTEX cookie', () => {
    const { jar } = fakeJar({ [VTEX_VISITOR_COOKIE]: 'bad value' })
    expect(keepSessionId(env(jar), 'fresh-1')).toBe('fresh-1')
  })

  it('stores a new id on the registrable domain for ≥ 1 year, then returns the same id', () => {
    const { jar, writes } = fakeJar()
    const first = keepSessionId(env(jar), newId())
    expect(first).toMatch(NEW_ID)
    expect(writes[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=${first}; Max-Age=(\\d+); Path=/; SameSite=Lax; Domain=store.com; Secure$`))
    expect(Number(/Max-Age=(\d+)/.exec(writes[0])![1])).toBeGreaterThanOrEqual(365 * 86400)
    expect(keepSessionId(env(jar), newId())).toBe(first)
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

describe('newId', () => {
  it("is 128 random bits from the browser's CSPRNG as 32 hex digits, already in the ads format", () => {
    const ids = new Set(Array.from({ length: 500 }, newId))
    expect(ids.size).toBe(500)
    ids.forEach((id) => {
      expect(id).toMatch(NEW_ID)
      expect(adsId(id)).toBe(id)
    })
    // Every hex digit turns up in every position: no fixed or missing nibble.
    for (let at = 0; at < 32; at++) expect(new Set([...ids].map((id) => id[at])).size).toBe(16)
  })
})

describe('adsId (session_id and user_id as VTEX Ads gets them)', () => {
  it.each([
    ['a hyphenated UUID: its 32 hex digits', '6f92d1e9-00b6-4f8b-9645-faeab321e1cc', '6f92d1e900b64f8b9645faeab321e1cc'],
    ['an id already alphanumeric: itself', 'f361661f598647799009a34562f18347', 'f361661f598647799009a34562f18347'],
    ['other allowed separators go too', 'a.b_c:d~e-F', 'abcdeF'],
    ['nothing alphanumeric left: absent', '-._', undefined],
    ['an invalid id: absent, never repaired', 'a b', undefined],
    ['not a string: absent', 42, undefined],
  ])('%s', (_, value, expected) => {
    expect(adsId(value)).toBe(expected)
    // Always a value the orderForm bridge accepts too.
    if (expected) expect(validId(expected)).toBe(expected)
  })
})
