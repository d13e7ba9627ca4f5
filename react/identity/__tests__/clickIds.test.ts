import { captureClickIds, IMPACT_CLICK_COOKIE, OPPREF_COOKIE } from '../clickIds'
import { fakeJar } from './fakeJar'

const env = (cookies: Record<string, string> = {}) => {
  // The browser refuses the public suffix com.br: the cookie lands on store.com.br.
  const jar = fakeJar(cookies, (line) => /; Domain=com\.br;/.test(line))
  return { ...jar, env: { jar: jar.jar, hostname: 'www.store.com.br', secure: true } }
}

describe('captureClickIds', () => {
  it('captures irclickid and oppref from the landing URL into 30-day cookies', () => {
    const { env: e, writes } = env()
    expect(captureClickIds(e, '?utm_source=x&irclickid=Qk0y.Xy~T5:c-1&oppref=opp_123')).toEqual({
      impact_click_id: 'Qk0y.Xy~T5:c-1',
      oppref: 'opp_123',
    })
    expect(writes.filter((line) => !line.includes('Domain=com.br;'))).toEqual([
      `${IMPACT_CLICK_COOKIE}=Qk0y.Xy~T5:c-1; Max-Age=2592000; Path=/; SameSite=Lax; Domain=store.com.br; Secure`,
      `${OPPREF_COOKIE}=opp_123; Max-Age=2592000; Path=/; SameSite=Lax; Domain=store.com.br; Secure`,
    ])
  })

  it('keeps the stored ids on later pages without rewriting them (they age from the click)', () => {
    const { env: e, writes } = env({ [IMPACT_CLICK_COOKIE]: 'imp1', [OPPREF_COOKIE]: 'opp1' })
    expect(captureClickIds(e, '?q=shoes')).toEqual({ impact_click_id: 'imp1', oppref: 'opp1' })
    expect(writes).toEqual([])
  })

  it('a fresh click id in the URL replaces the stored one', () => {
    const { env: e } = env({ [IMPACT_CLICK_COOKIE]: 'old' })
    expect(captureClickIds(e, '?irclickid=new').impact_click_id).toBe('new')
  })

  it("reads OpenAI's __oppref cookie when there is no oppref of ours", () => {
    const { env: e } = env({ __oppref: 'from-openai' })
    expect(captureClickIds(e, '').oppref).toBe('from-openai')
  })

  it('treats invalid values as absent: not stored, not returned', () => {
    const { env: e, writes } = env({ __oppref: 'bad value' })
    expect(captureClickIds(e, '?irclickid=%3Cscript%3E&oppref=' + 'x'.repeat(129))).toEqual({})
    expect(writes).toEqual([])
  })
})
