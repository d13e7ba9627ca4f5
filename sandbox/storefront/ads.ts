/**
 * The demo store's catalog and its VTEX Ads campaigns, in one place. The ads themselves are no
 * longer written here: the page asks the real `sponsoredAds` GraphQL query, the Service asks the
 * Get ads stand-in (sandbox/standins/getAds.ts), and the stand-in answers from these campaigns.
 */
export interface DemoProduct {
  sku: string
  productId: string
  name: string
  brand: string
  /** Price in cents, as VTEX carries money. */
  price: number
  /** Full category breadcrumb, as Get ads receives it in category context. */
  category: string
  /** Words a search for which the product's campaign bids on. */
  keywords: string[]
}

const PRODUCTS: DemoProduct[] = [
  { sku: '2001', productId: '201', name: 'Trail running shoes', brand: 'TrailCo', price: 49990, category: 'Outdoor > Footwear', keywords: ['shoes', 'running', 'outdoor'] },
  { sku: '2002', productId: '202', name: 'Insulated water bottle', brand: 'Hydra', price: 8990, category: 'Outdoor > Accessories', keywords: ['bottle', 'water'] },
  { sku: '2003', productId: '203', name: 'Lightweight rain jacket', brand: 'TrailCo', price: 29990, category: 'Outdoor > Clothing', keywords: ['jacket', 'rain', 'outdoor'] },
  { sku: '2004', productId: '204', name: 'Merino wool socks', brand: 'Woolly', price: 5990, category: 'Outdoor > Clothing', keywords: ['socks', 'wool'] },
  { sku: '2005', productId: '205', name: 'Hiking backpack 30 L', brand: 'TrailCo', price: 39990, category: 'Outdoor > Accessories', keywords: ['backpack', 'hiking', 'outdoor'] },
  { sku: '2006', productId: '206', name: 'Camping headlamp', brand: 'Lumo', price: 12990, category: 'Outdoor > Camping', keywords: ['headlamp', 'camping'] },
  { sku: '2007', productId: '207', name: 'Trekking poles (pair)', brand: 'TrailCo', price: 19990, category: 'Outdoor > Accessories', keywords: ['poles', 'hiking'] },
  { sku: '2008', productId: '208', name: 'Fleece pullover', brand: 'Woolly', price: 24990, category: 'Outdoor > Clothing', keywords: ['fleece', 'outdoor'] },
  { sku: '2009', productId: '209', name: 'Waterproof hiking boots', brand: 'Summit', price: 69990, category: 'Outdoor > Footwear', keywords: ['boots', 'hiking'] },
  { sku: '2010', productId: '210', name: 'Sun hat', brand: 'Summit', price: 7990, category: 'Outdoor > Accessories', keywords: ['hat', 'sun'] },
  { sku: '2011', productId: '211', name: 'Compact sleeping bag', brand: 'Lumo', price: 54990, category: 'Outdoor > Camping', keywords: ['sleeping', 'camping'] },
  { sku: '2012', productId: '212', name: 'Camping stove', brand: 'Lumo', price: 32990, category: 'Outdoor > Camping', keywords: ['stove', 'camping'] },
]

export const demoProducts = PRODUCTS

/**
 * Sponsored-product campaigns, in auction order; the other two products are organic only. A search
 * for "outdoor" matches the campaigns of 2001 and 2003 alone.
 */
export const SPONSORED_SKUS = ['2001', '2003', '2002', '2004', '2009', '2006', '2012', '2010', '2007', '2011']

/**
 * The one banner campaign: one creative per Get ads image size (IAB billboard and mobile banner).
 * It runs on the home, search, category and brand pages, not on product pages: there the demo's
 * banner placement gets no ad and shows the store's house banner (its fallback content).
 */
export const DEMO_BANNER = {
  adId: 'banner-summer',
  campaign: 'Summer outdoor sale',
  contexts: ['home', 'search', 'category', 'brand_page'],
  destination: '/?campaign=summer',
  media: { desktop: { file: 'banner-desktop.svg', width: 970, height: 250 }, mobile: { file: 'banner-mobile.svg', width: 320, height: 100 } },
}

/** The one sponsored-brand campaign: a brand creative and two of its products. */
export const DEMO_BRAND = {
  adId: 'brand-trailco',
  brand: 'TrailCo',
  headline: 'TrailCo: gear for every trail',
  media: { file: 'brand-trailco.svg', width: 600, height: 200 },
  skus: ['2001', '2003'],
}

const svg = (width: number, height: number, fill: string, text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="${fill}"/><text x="${Math.round(width / 24)}" y="${Math.round(height / 2 + height / 12)}" font-size="${Math.round(height / 6)}" fill="#fff" font-family="sans-serif">${text}</text></svg>`

/** The creatives the stand-in's media URLs point at (served by the page server under /_sandbox/media/). */
export const DEMO_MEDIA: Record<string, string> = {
  'banner-desktop.svg': svg(970, 250, '#2d6a4f', 'Summer outdoor sale: up to 30% off'),
  'banner-mobile.svg': svg(320, 100, '#2d6a4f', 'Summer sale: 30% off'),
  'brand-trailco.svg': svg(600, 200, '#7f4f24', 'TrailCo: gear for every trail'),
  // The store's own house banner (not an ad): the fallback content of the demo's banner placements.
  'house-desktop.svg': svg(970, 250, '#1d3557', 'Free shipping on orders over $ 99'),
  'house-mobile.svg': svg(320, 100, '#1d3557', 'Free shipping over $ 99'),
}
