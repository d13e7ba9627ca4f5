import type { SponsoredAd } from '../adAnswer'
import { dedupProducts } from '../dedupProducts'

const urls = (id: string) => ({ impressionUrl: `https://e/i/${id}`, viewUrl: `https://e/v/${id}`, clickUrl: `https://e/c/${id}` })
const product = (adId: string, sku: string): SponsoredAd => ({ adId, type: 'product', productSku: sku, assets: [], products: [], ...urls(adId) })
const brand = (adId: string, skus: string[], creative = true): SponsoredAd => ({
  adId,
  type: 'sponsored_brand',
  assets: creative ? [{ url: 'https://cdn/b.png', type: 'image' }] : [],
  products: skus.map((sku) => ({ productSku: sku, ...urls(`${adId}-${sku}`) })),
  ...urls(adId),
})
const banner = (adId: string): SponsoredAd => ({ adId, type: 'banner', mediaUrl: 'https://cdn/x.png', assets: [], products: [], ...urls(adId) })

describe('dedupProducts', () => {
  it('shows each product once across placements, in the order the page asked for them', () => {
    const result = dedupProducts({
      placements: [
        { name: 'brand', ads: [brand('b1', ['1', '2'])] },
        { name: 'shelf', ads: [product('p1', '1'), product('p3', '3'), product('p2', '2'), product('p3bis', '3')] },
        { name: 'banner', ads: [banner('x')] },
      ],
    })
    expect(result.placements.map((placement) => [placement.name, placement.ads.map((ad) => ad.adId)])).toEqual([
      ['brand', ['b1']],
      ['shelf', ['p3']],
      ['banner', ['x']],
    ])
  })

  it("drops a brand's repeated products, and the brand when nothing of it is left to show", () => {
    const result = dedupProducts({
      placements: [
        { name: 'shelf', ads: [product('p1', '1'), product('p2', '2')] },
        { name: 'brand', ads: [brand('b1', ['1', '4']), brand('b2', ['2'], false)] },
      ],
    })
    expect(result.placements[1].ads.map((ad) => [ad.adId, ad.products.map((p) => p.productSku)])).toEqual([['b1', ['4']]])
  })
})
