/**
 * The demo store's sponsored ads, in one place. Stand-in for the Get ads answer until the
 * sponsored blocks query it: same fields (ad_id, type, product_sku or media_url and the three
 * event URLs), URLs pointing at the fake VTEX Ads events API on `eventsBaseUrl`.
 */
export interface DemoAd {
  ad_id: string
  type: 'product' | 'banner'
  product_sku?: string
  media_url?: string
  name: string
  /** Price in cents, as VTEX carries money. */
  price?: number
  impression_url: string
  view_url: string
  click_url: string
}

const PRODUCTS = [
  { sku: '2001', name: 'Trail running shoes', price: 49990 },
  { sku: '2002', name: 'Insulated water bottle', price: 8990 },
  { sku: '2003', name: 'Lightweight rain jacket', price: 29990 },
  { sku: '2004', name: 'Merino wool socks', price: 5990 },
]

export const demoProducts = PRODUCTS

const eventUrls = (eventsBaseUrl: string, adId: string) => {
  const base = eventsBaseUrl.replace(/\/$/, '')
  return {
    impression_url: `${base}/v1/beacon/impression/${adId}`,
    view_url: `${base}/v1/beacon/view/${adId}`,
    click_url: `${base}/v1/beacon/click/${adId}`,
  }
}

/** `eventsBaseUrl` may be empty: the URLs are then relative to the page's own origin. */
export const demoAds = (eventsBaseUrl: string): DemoAd[] => [
  {
    ad_id: 'banner-summer',
    type: 'banner',
    name: 'Summer outdoor sale',
    media_url: 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="960" height="200"><rect width="960" height="200" fill="#2d6a4f"/><text x="40" y="115" font-size="44" fill="#fff" font-family="sans-serif">Summer outdoor sale: up to 30% off</text></svg>'),
    ...eventUrls(eventsBaseUrl, 'banner-summer'),
  },
  ...PRODUCTS.map((product) => ({
    ad_id: `sp-${product.sku}`,
    type: 'product' as const,
    product_sku: product.sku,
    name: product.name,
    price: product.price,
    ...eventUrls(eventsBaseUrl, `sp-${product.sku}`),
  })),
]
