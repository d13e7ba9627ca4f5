import { readCookie, registrableDomain, writeCookie } from '../cookies'
import { fakeJar } from './fakeJar'

describe('readCookie', () => {
  it('finds a cookie by exact name among others and decodes it', () => {
    const jar = { cookie: 'a=1; ads_events_sid=abc%2Ddef; ads_events_sid_old=zzz' }
    expect(readCookie(jar, 'ads_events_sid')).toBe('abc-def')
    expect(readCookie(jar, 'sid')).toBeUndefined()
  })

  it('returns undefined for a malformed encoding instead of throwing', () => {
    expect(readCookie({ cookie: 'x=%E0%A4%A' }, 'x')).toBeUndefined()
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

describe('registrableDomain', () => {
  it.each([
    ['www.store.com', 'store.com'],
    ['checkout.store.com', 'store.com'],
    ['store.com', 'store.com'],
    ['www.loja.com.br', 'loja.com.br'],
    ['secure.loja.com.br', 'loja.com.br'],
    ['shop.example.co.uk', 'example.co.uk'],
    ['WWW.Store.COM.', 'store.com'],
  ])('%s → %s', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain)
  })

  it.each(['localhost', '127.0.0.1', '::1', 'store.myvtex.com', 'ws--store.myvtex.com', 'store.vtexcommercestable.com.br', 'com.br'])(
    '%s → host-only',
    (host) => {
      expect(registrableDomain(host)).toBeUndefined()
    },
  )
})
