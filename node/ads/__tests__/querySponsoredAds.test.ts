import { normalizeSettings } from '../../settings/appSettings'
import { AD_QUERY_BUDGET_MS, querySponsoredAds, type AdQueryDeps, type AdQueryLogEntry, type GetAdsAnswer } from '../querySponsoredAds'
import type { GetAdsBody } from '../getAdsBody'

const SESSION = 'sess-1234'
const USER = 'user-5678'
const input = { sessionId: SESSION, userId: USER, channel: 'site', context: 'search', term: 'secret term', placements: [{ name: 'site_search_top_product', quantity: 2, types: ['product'] }] }
const EVENTS = 'https://events.example/v1/beacon'
const productAd = { ad_id: 'ad1', type: 'product', product_sku: '2001', impression_url: `${EVENTS}/impression/ad1`, view_url: `${EVENTS}/view/ad1`, click_url: `${EVENTS}/click/ad1` }

const deps = (getAds: AdQueryDeps['getAds'], settings: Record<string, unknown> = { publisherId: 'pub-secret' }) => {
  const logs: AdQueryLogEntry[] = []
  const calls: Array<{ url: string; body: GetAdsBody; timeoutMs: number }> = []
  return {
    logs,
    calls,
    deps: {
      settings: async () => normalizeSettings({ adsBaseUrl: 'http://ads.test', ...settings }),
      getAds: (url: string, body: GetAdsBody, timeoutMs: number) => {
        calls.push({ url, body, timeoutMs })
        return getAds(url, body, timeoutMs)
      },
      log: (entry: AdQueryLogEntry) => logs.push(entry),
    } satisfies AdQueryDeps,
  }
}

const answer = (data: unknown, status = 200): Promise<GetAdsAnswer> => Promise.resolve({ status, data })

it('posts to {adsBaseUrl}/v1/rma/{publisherId} within the budget and maps the answer', async () => {
  const { deps: d, calls, logs } = deps(() => answer({ site_search_top_product: [productAd] }))
  const result = await querySponsoredAds(input, d)
  expect(calls).toHaveLength(1)
  expect(calls[0].url).toBe('http://ads.test/v1/rma/pub-secret')
  // The ids in the ads format (letters and digits), whatever the page sent.
  expect(calls[0].body).toMatchObject({ session_id: 'sess1234', user_id: 'user5678', context: 'search', term: 'secret term' })
  expect(calls[0].timeoutMs).toBeLessThanOrEqual(AD_QUERY_BUDGET_MS)
  expect(calls[0].timeoutMs).toBeGreaterThan(AD_QUERY_BUDGET_MS - 100)
  expect(result.placements[0].ads.map((ad) => ad.adId)).toEqual(['ad1'])
  expect(logs).toEqual([])
})

it('a Get ads that never answers: no ads after the 600 ms budget, logged once, nothing thrown', async () => {
  const { deps: d, logs } = deps(() => new Promise(() => undefined))
  const started = Date.now()
  const result = await querySponsoredAds(input, d)
  const elapsed = Date.now() - started
  expect(result).toEqual({ placements: [{ name: 'site_search_top_product', ads: [] }] })
  expect(elapsed).toBeGreaterThanOrEqual(AD_QUERY_BUDGET_MS - 5)
  expect(elapsed).toBeLessThan(AD_QUERY_BUDGET_MS + 150)
  expect(logs).toHaveLength(1)
  expect(logs[0]).toMatchObject({ message: 'sponsored-ads-none', reason: 'timeout', context: 'search', placements: 1 })
})

it('slow settings count against the same budget', async () => {
  const { deps: d, calls, logs } = deps(() => answer({}))
  const slow = { ...d, settings: () => new Promise<ReturnType<typeof normalizeSettings>>((resolve) => setTimeout(() => resolve(normalizeSettings({ publisherId: 'p' })), 560)) }
  await querySponsoredAds(input, slow)
  expect(calls).toEqual([])
  expect(logs.map((entry) => entry.reason)).toEqual(['timeout'])
})

it.each([
  ['a 422', () => answer([{ keyword: 'required' }], 422), 'http-error'],
  ['a 500', () => answer('oops', 500), 'http-error'],
  ['a network error', () => Promise.reject(new Error('socket hang up')), 'error'],
  ['an axios timeout', () => Promise.reject(Object.assign(new Error('timeout of 580ms exceeded'), { code: 'ECONNABORTED' })), 'timeout'],
])('%s: no ads, one log line', async (_, getAds, reason) => {
  const { deps: d, logs } = deps(getAds as AdQueryDeps['getAds'])
  expect(await querySponsoredAds(input, d)).toEqual({ placements: [{ name: 'site_search_top_product', ads: [] }] })
  expect(logs.map((entry) => entry.reason)).toEqual([reason])
})

it('invalid input: no Get ads call, the log names fields, never values', async () => {
  const { deps: d, calls, logs } = deps(() => answer({}))
  const result = await querySponsoredAds({ ...input, sessionId: 'has space secret' }, d)
  expect(result.placements).toEqual([{ name: 'site_search_top_product', ads: [] }])
  expect(calls).toEqual([])
  expect(logs).toHaveLength(1)
  expect(logs[0].reason).toBe('invalid-input')
  expect(JSON.stringify(logs)).not.toMatch(/secret|sess-?1234|user-?5678/)
})

it('no log line ever carries the session, user, term or publisher id', async () => {
  for (const getAds of [() => answer('x', 500), () => Promise.reject(new Error('boom'))]) {
    const { deps: d, logs } = deps(getAds as AdQueryDeps['getAds'])
    await querySponsoredAds(input, d)
    expect(JSON.stringify(logs)).not.toMatch(/sess-?1234|user-?5678|secret|pub-secret/)
  }
})

it('VTEX Ads off or no publisher id: no call, no ads, no log noise on every page view', async () => {
  for (const settings of [{ publisherId: 'p', vtexAdsEnabled: false }, {}]) {
    const { deps: d, calls, logs } = deps(() => answer({}), settings)
    expect((await querySponsoredAds(input, d)).placements[0].ads).toEqual([])
    expect(calls).toEqual([])
    expect(logs).toEqual([])
  }
})

describe("the site brand, by the conversions' rule (conversion/brand.ts) from the storefront's sales channel and host", () => {
  const settings = {
    publisherId: 'pub-secret',
    brand: 'My Store',
    brandMappings: [
      { salesChannel: '2', brand: 'My Store Outlet' },
      { hostname: 'kids.mystore.com', brand: 'My Store Kids' },
    ],
  }
  const brandSent = async (site: { salesChannel?: string; hostname?: string }, overrides: Record<string, unknown> = {}) => {
    const { deps: d, calls } = deps(() => answer({}), { ...settings, ...overrides })
    await querySponsoredAds(input, d, site)
    return calls[0].body.brand
  }

  it.each([
    ['a mapped sales channel', { salesChannel: '2', hostname: 'www.mystore.com' }, 'My Store Outlet'],
    ['a mapped host', { salesChannel: '1', hostname: 'kids.mystore.com' }, 'My Store Kids'],
    ['neither mapped: the store-wide brand', { salesChannel: '1', hostname: 'www.mystore.com' }, 'My Store'],
    ['nothing known about the request: the store-wide brand', {}, 'My Store'],
  ])('%s', async (_, site, brand) => {
    expect(await brandSent(site)).toBe(brand)
  })

  it('no brand configured: no brand field (a single-site publisher)', async () => {
    expect(await brandSent({ salesChannel: '2' }, { brand: '', brandMappings: [] })).toBeUndefined()
  })
})
