/**
 * Which Store Framework page a demo-store URL stands for, in the terms the real modules use
 * (route ids, params and contentType from vtex-apps/store's store/routes.json). One place for the
 * sandbox's URL conventions, read by the render-runtime, product-context and search-page-context
 * shims:
 * - `?q=<term>`: the search `store.search` (`/:term/s`; render-runtime's query `_q`, `map=ft`);
 * - `?product=<sku>`: the product page `store.product` (`/:slug/p`);
 * - `?category=Outdoor > Clothing`: `store.search#department` / `#category` / `#subcategory` by depth;
 * - `?brand=<name>`: `store.search#brand` (`/:brand`, the URL segment: lower case);
 * - else the home `store.home`;
 * - `?mobile=1`: a phone (see deviceInfo in renderRuntime.tsx).
 */
export interface DemoCatalogProduct {
  productId: string
  productName: string
  brand?: string
  linkText?: string
  items: Array<{ itemId: string; [field: string]: unknown }>
  [field: string]: unknown
}

declare global {
  interface Window {
    /** The demo catalog as search-graphql's Product (the demo page sets it). */
    __SANDBOX_CATALOG__?: DemoCatalogProduct[]
  }
}

export type PageType = 'route' | 'product' | 'search' | 'brand' | 'department' | 'category' | 'subcategory'

export interface DemoPage {
  route: {
    id: string
    params: { id?: string; slug?: string; term?: string; brand?: string; department?: string; category?: string; subcategory?: string }
    pageContext: { type: PageType; id: string }
  }
  query: Record<string, string>
  isMobile: boolean
  /** The product page's product (from the demo catalog when the page has it). */
  product?: DemoCatalogProduct
  sku?: string
  term?: string
  /** Category names from the top. */
  categories?: string[]
}

const CATEGORY_LEVELS = ['department', 'category', 'subcategory'] as const

/** A URL segment as Store Framework writes names in paths. */
const slug = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')

const catalogProductOf = (sku: string): DemoCatalogProduct | undefined =>
  typeof window === 'undefined'
    ? undefined
    : (window.__SANDBOX_CATALOG__ || []).find((product) => product.items.some((item) => item.itemId === sku))

export function demoPage(search: string): DemoPage {
  const url = new URLSearchParams(search)
  const isMobile = url.get('mobile') === '1'
  const term = url.get('q') || undefined
  const sku = url.get('product') || undefined
  const category = url.get('category') || undefined
  const brand = url.get('brand') || undefined

  if (sku) {
    const product = catalogProductOf(sku)
    const id = product ? product.productId : sku
    return {
      route: { id: 'store.product', params: { id, slug: product?.linkText || sku }, pageContext: { type: 'product', id } },
      query: {},
      isMobile,
      product,
      sku,
    }
  }
  if (term)
    return {
      route: { id: 'store.search', params: { term }, pageContext: { type: 'search', id: 'search' } },
      query: { _q: term, map: 'ft' },
      isMobile,
      term,
    }
  if (category) {
    const categories = category
      .split('>')
      .map((name) => name.trim())
      .filter(Boolean)
    const level = CATEGORY_LEVELS[Math.min(categories.length, CATEGORY_LEVELS.length) - 1]
    const params = Object.fromEntries(
      categories.slice(0, CATEGORY_LEVELS.length).map((name, depth) => [CATEGORY_LEVELS[depth], slug(name)])
    )
    // The catalog's category id; the demo catalog has none, so the path stands in for it.
    const id = categories.map(slug).join('/')
    return {
      route: { id: `store.search#${level}`, params: { id, ...params }, pageContext: { type: level, id } },
      query: {},
      isMobile,
      categories,
    }
  }
  if (brand)
    return {
      route: { id: 'store.search#brand', params: { id: slug(brand), brand: slug(brand) }, pageContext: { type: 'brand', id: slug(brand) } },
      query: {},
      isMobile,
    }
  return { route: { id: 'store.home', params: {}, pageContext: { type: 'route', id: 'store.home' } }, query: {}, isMobile }
}

/** The page of the current location (the home where there is none: server side, node tests). */
export const currentDemoPage = () => demoPage(typeof location === 'undefined' ? '' : location.search)
