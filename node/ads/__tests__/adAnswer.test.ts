import { destinationUrl, httpUrl, toSponsoredAds } from '../adAnswer'

const EVENTS = 'https://events.newtail-media.newtail.com.br/v1/beacon'
const urls = (adId: string, extra = '') => ({
  impression_url: `${EVENTS}/impression/${adId}?ad_type=product${extra}`,
  view_url: `${EVENTS}/view/${adId}?ad_type=product${extra}`,
  click_url: `${EVENTS}/click/${adId}?ad_type=product${extra}`,
})

describe('Get ads answer → storefront ads', () => {
  it('maps a product ad, ignores query_id / request_id and answers every placement asked', () => {
    const answer = {
      query_id: 'e58750c6',
      request_id: 'd990c35e',
      site_search_top_product: [{ ad_id: 'ad-1', type: 'product', product_sku: '55067652', product_name: 'Moto g75', seller_id: null, destination_url: 'moto-g75/p/55067652', ...urls('ad-1') }],
    }
    expect(toSponsoredAds(answer, ['site_search_top_product', 'site_search_bottom_banner'])).toEqual({
      placements: [
        {
          name: 'site_search_top_product',
          ads: [
            {
              adId: 'ad-1',
              type: 'product',
              productSku: '55067652',
              alt: 'Moto g75',
              destinationUrl: '/moto-g75/p/55067652',
              assets: [],
              products: [],
              impressionUrl: `${EVENTS}/impression/ad-1?ad_type=product`,
              viewUrl: `${EVENTS}/view/ad-1?ad_type=product`,
              clickUrl: `${EVENTS}/click/ad-1?ad_type=product`,
            },
          ],
        },
        { name: 'site_search_bottom_banner', ads: [] },
      ],
    })
  })

  it('drops an ad whose event URL is not absolute http(s): it could not be measured', () => {
    const answer = {
      p: [
        { ad_id: 'js', type: 'product', product_sku: '1', ...urls('js'), click_url: 'javascript:alert(1)' },
        { ad_id: 'data', type: 'product', product_sku: '2', ...urls('data'), view_url: 'data:text/html,hi' },
        { ad_id: 'relative', type: 'product', product_sku: '3', ...urls('relative'), impression_url: '/v1/beacon/impression/relative' },
        { ad_id: 'missing', type: 'product', product_sku: '4', impression_url: urls('missing').impression_url },
        { ad_id: 'ok', type: 'product', product_sku: '5', ...urls('ok') },
      ],
    }
    expect(toSponsoredAds(answer, ['p']).placements[0].ads.map((ad) => ad.adId)).toEqual(['ok'])
  })

  it('maps a banner (video) and a sponsored brand with its assets, sizes and products', () => {
    const answer = {
      banner: [{ ad_id: 'b1', type: 'banner', asset_type: 'video', media_url: 'https://cdn2.newtail.com.br/v.mp4', destination_url: null, campaign_name: 'Summer', ...urls('b1') }],
      brand: [
        {
          ad_id: 'sb1',
          type: 'sponsored_brand',
          asset_type: 'image',
          assets: [
            { dimension: '344x132', type: 'image', url: 'https://cdn.newtail.com.br/a.jpeg' },
            { dimension: 'big', type: 'image', url: 'https://cdn.newtail.com.br/b.jpeg' },
            { type: 'image', url: 'javascript:x' },
          ],
          brand_name: 'Midea',
          headline: 'Midea appliances',
          products: [
            { product_sku: '55069360', product_name: 'Washer', image_url: 'https://imgs.example/1g.jpg', destination_url: 'washer/p/55069360', ...urls('sb1', '&product_sku=55069360') },
            { product_sku: '55049769', ...urls('sb1'), click_url: 'ftp://x' },
          ],
          ...urls('sb1'),
        },
      ],
    }
    const [banner, brand] = toSponsoredAds(answer, ['banner', 'brand']).placements.map((placement) => placement.ads[0])
    expect(banner).toMatchObject({ type: 'banner', assetType: 'video', mediaUrl: 'https://cdn2.newtail.com.br/v.mp4', alt: 'Summer' })
    expect(banner).not.toHaveProperty('destinationUrl')
    expect(brand.assets).toEqual([
      { url: 'https://cdn.newtail.com.br/a.jpeg', type: 'image', width: 344, height: 132 },
      { url: 'https://cdn.newtail.com.br/b.jpeg', type: 'image' },
    ])
    expect(brand).toMatchObject({ brandName: 'Midea', alt: 'Midea appliances' })
    expect(brand.products).toEqual([
      {
        productSku: '55069360',
        name: 'Washer',
        imageUrl: 'https://imgs.example/1g.jpg',
        destinationUrl: '/washer/p/55069360',
        impressionUrl: `${EVENTS}/impression/sb1?ad_type=product&product_sku=55069360`,
        viewUrl: `${EVENTS}/view/sb1?ad_type=product&product_sku=55069360`,
        clickUrl: `${EVENTS}/click/sb1?ad_type=product&product_sku=55069360`,
      },
    ])
  })

  it('drops ads that cannot be shown: a product without SKU, a banner without media, unknown types', () => {
    const answer = {
      p: [
        { ad_id: 'a', type: 'product', ...urls('a') },
        { ad_id: 'b', type: 'banner', ...urls('b') },
        { ad_id: 'c', type: 'digital_signage', media_url: 'https://x/y.png', ...urls('c') },
        { ad_id: 'd e', type: 'product', product_sku: '1', ...urls('d') },
      ],
    }
    expect(toSponsoredAds(answer, ['p']).placements[0].ads).toEqual([])
  })

  it('answers no ads for an answer that is not an object', () => {
    expect(toSponsoredAds('<html>', ['p'])).toEqual({ placements: [{ name: 'p', ads: [] }] })
  })

  it('URL rules', () => {
    expect(httpUrl('HTTPS://Events.example/x')).toBe('https://events.example/x')
    expect(httpUrl('//events.example/x')).toBeUndefined()
    expect(destinationUrl('/p/1')).toBe('/p/1')
    expect(destinationUrl('javascript:alert(1)')).toBeUndefined()
    expect(destinationUrl('//evil.example/p')).toBeUndefined()
    expect(destinationUrl('a path/with space')).toBeUndefined()
  })
})
