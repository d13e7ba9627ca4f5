import type { AdQueryRecord } from '../../sponsored/adQueryBatch'
import { queryView } from '../adQueries'

const ad = (adId: string) => ({ adId, type: 'product' as const, productSku: '2001', assets: [], products: [], impressionUrl: 'i', viewUrl: 'v', clickUrl: 'c' })

const record = (over: Partial<AdQueryRecord> = {}): AdQueryRecord => ({
  input: {
    channel: 'site',
    context: 'search',
    term: 'trail shoes',
    sessionId: 's-1',
    placements: [
      { position: 'top-shelf', quantity: 4, types: ['product'] },
      { name: 'site_search_middle_banner', position: 'middle', quantity: 1, types: ['banner'] },
    ],
    dedupAds: true,
  },
  sentAt: 1000,
  ...over,
})

const ON = { hasPublisher: true, vtexAdsEnabled: true }

describe('queryView', () => {
  it("shows what was asked (the search term as its length only: the shopper's text), how long it took, and each placement's ads", () => {
    const view = queryView(record({ settledAt: 1085, placements: [{ name: 'site_search_top-shelf_product', ads: [ad('sp-1'), ad('sp-2')] }, { name: 'site_search_middle_banner', ads: [] }] }), ON)
    expect(view).toMatchObject({ tookMs: 85, context: 'search', contextValues: [['term', '11 ch']], sessionId: 's-1', dedupAds: true })
    expect(JSON.stringify(view)).not.toContain('trail')
    expect(view.placements).toEqual([
      { name: 'site_search_top-shelf_product', asked: { quantity: 4, types: ['product'] }, ads: [{ adId: 'sp-1', type: 'product', productSku: '2001' }, { adId: 'sp-2', type: 'product', productSku: '2001' }], empty: undefined },
      { name: 'site_search_middle_banner', asked: { quantity: 1, types: ['banner'] }, ads: [], empty: 'none' },
    ])
  })

  it.each([
    ['no answer yet', record(), ON, 'pending'],
    ['the publisher ID not set', record({ settledAt: 1050, placements: [{ name: 'a', ads: [] }, { name: 'b', ads: [] }] }), { ...ON, hasPublisher: false }, 'no-publisher'],
    ['VTEX Ads off', record({ settledAt: 1050, placements: [{ name: 'a', ads: [] }, { name: 'b', ads: [] }] }), { ...ON, vtexAdsEnabled: false }, 'disabled'],
    ['the client deadline first', record({ settledAt: 2001 }), ON, 'deadline'],
    ['a failed request', record({ settledAt: 1100 }), ON, 'error'],
    ["the service's 600 ms budget", record({ settledAt: 1610, placements: [{ name: 'a', ads: [] }, { name: 'b', ads: [] }] }), ON, 'budget'],
    ['VTEX Ads answering none', record({ settledAt: 1090, placements: [{ name: 'a', ads: [] }, { name: 'b', ads: [] }] }), ON, 'none'],
  ])('an empty placement says why: %s', (_, query, config, reason) => {
    expect(queryView(query, config).placements.map((placement) => placement.empty)).toEqual([reason, reason])
  })

  it('a placement the block did not name shows its position and types until the answer names it', () => {
    const view = queryView(record({ settledAt: 2001 }), ON)
    expect(view.placements.map((placement) => placement.name)).toEqual(['top-shelf (product)', 'site_search_middle_banner'])
  })
})
