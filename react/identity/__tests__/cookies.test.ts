import { readCookie, writeCookie } from '../cookies'
import { writeSharedCookie } from '../sessionId'
import { fakeJar } from './fakeJar'

describe('readCookie', () => {
  it('finds a cookie by exact name among others, as stored (readers validate it as an id)', () => {
    const jar = { cookie: 'a=1; ads_events_sid=abc-def; ads_events_sid_old=zzz; x_ads_events_sid=no' }
    expect(readCookie(jar, 'ads_events_sid')).toBe('abc-def')
    expect(readCookie(jar, 'sid')).toBeUndefined()
    expect(readCookie({ cookie: 'ads_events_sid=first' }, 'ads_events_sid')).toBe('first')
  })

  it('returns an encoded value as it is, which the id rule then refuses', () => {
    expect(readCookie({ cookie: 'x=%E0%A4%A' }, 'x')).toBe('%E0%A4%A')
  })
})

describe('writeCookie', () => {
  it('writes path=/, SameSite=Lax, max-age in seconds, domain and Secure when asked', () => {
    const { jar, writes } = fakeJar()
    writeCookie(jar, 'n', 'v', { days: 30, domain: 'store.com', secure: true })
    expect(writes).toEqual(['n=v; Max-Age=2592000; Path=/; SameSite=Lax; Domain=store.com; Secure'])
  })

  it('omits Domain and Secure on a plain http host-only write', () => {
    const { jar, writes } = fakeJar()
    writeCookie(jar, 'n', 'v', { days: 1, secure: false })
    expect(writes).toEqual(['n=v; Max-Age=86400; Path=/; SameSite=Lax'])
  })
})

describe('writeSharedCookie: the broadest domain the browser accepts', () => {
  /** A jar that refuses public suffixes, as browsers do with their public-suffix list (here: com, com.br, co.uk). */
  const PUBLIC_SUFFIXES = ['com', 'com.br', 'co.uk', 'br', 'uk']
  const domainOf = (line: string) => /; Domain=([^;]+)/.exec(line)?.[1]
  const write = (hostname: string) => {
    const { jar, writes } = fakeJar({}, (line) => PUBLIC_SUFFIXES.includes(domainOf(line) || ''))
    writeSharedCookie({ jar, hostname, secure: true }, 'n', 'v', 1)
    return writes.map((line) => domainOf(line) || 'host-only')
  }

  it.each([
    ['www.store.com', ['store.com']],
    ['store.com', ['store.com']],
    ['www.loja.com.br', ['com.br', 'loja.com.br']],
    ['shop.example.co.uk', ['co.uk', 'example.co.uk']],
  ])('%s → the domain the browser keeps is the last of %j', (host, tried) => {
    expect(write(host)).toEqual(tried)
  })

  it.each(['localhost', '127.0.0.1', '[::1]', 'store.myvtex.com', 'ws--store.myvtex.com', 'store.vtexcommercestable.com.br'])('%s → host-only', (host) => {
    expect(write(host)).toEqual(['host-only'])
  })
})
