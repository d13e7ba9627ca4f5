import { chooseBadge } from '../badgeChoice'
import type { SponsoredAd } from '../types'

const ad = (sku: string): SponsoredAd => ({ adId: `sp-${sku}`, type: 'product', productSku: sku, assets: [], products: [], impressionUrl: `https://e/i/${sku}`, viewUrl: `https://e/v/${sku}`, clickUrl: `https://e/c/${sku}` })
const product = (sku: string, extra = {}) => ({ productId: `p${sku}`, sku: { itemId: sku }, items: [{ itemId: sku }], ...extra })
const native = { eventUrls: { impression: 'https://e/i/native', view: 'https://e/v/native', click: 'https://e/c/native' }, eventParameters: 'aHR0cHM6Ly9lL2kvbmF0aXZl' }

describe('which ad a search result is', () => {
  it('our ad, matched on the SKU', () => {
    expect(chooseBadge(product('2001'), [ad('2003'), ad('2001')], new Set())).toEqual({ source: 'ads-events', urls: ad('2001'), sku: '2001' })
  })

  it('no ad for a product whose SKUs were not advertised', () => {
    expect(chooseBadge(product('2002'), [ad('2001')], new Set())).toBeUndefined()
    expect(chooseBadge(undefined, [ad('2001')], new Set())).toBeUndefined()
  })

  it("VTEX's own sponsored product: its advertisement.eventUrls, even when we also advertise the SKU", () => {
    expect(chooseBadge(product('2004', { advertisement: native }), [ad('2004')], new Set())).toEqual({
      source: 'vtex-search',
      urls: { impressionUrl: 'https://e/i/native', viewUrl: 'https://e/v/native', clickUrl: 'https://e/c/native' },
      sku: '2004',
    })
  })

  it('no second copy: the organic copy of a product VTEX already shows as sponsored is not marked with our ad', () => {
    expect(chooseBadge(product('2004'), [ad('2004')], new Set(['2004']))).toBeUndefined()
  })

  it('an advertisement without all three event URLs (old adId-only shape) is not tracked as native', () => {
    expect(chooseBadge(product('2005', { advertisement: { adId: 'x', eventUrls: { impression: 'https://e/i' } } }), [], new Set())).toBeUndefined()
  })

  it('matches any SKU of the product, the selected one first', () => {
    const multi = { productId: 'p', sku: { itemId: 'b' }, items: [{ itemId: 'a' }, { itemId: 'b' }] }
    expect(chooseBadge(multi, [ad('a')], new Set())?.sku).toBe('a')
  })
})
