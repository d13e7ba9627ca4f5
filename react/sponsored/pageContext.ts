import type { AdContext } from './types'

/**
 * Which Get ads context a page is, and its targeting fields, from what Store Framework tells the
 * block (route page type, search term, breadcrumb, product, the search's facets). Pure, so each
 * page kind is tested.
 */
export interface PageSignals {
  /** route.pageContext.type: search, department, category, subcategory, brand, product, route… */
  pageType?: string
  /** route id, e.g. store.home */
  routeId?: string
  searchTerm?: string
  /** Category names from the top, e.g. ["Outdoor", "Clothing"]. */
  breadcrumb?: string[]
  productSku?: string
  brandName?: string
  /** The product page's category names from the top, and its brand (product-context). */
  productCategories?: string[]
  productBrand?: string
  /** The search's selected facets (a collection page is `productClusterIds`). */
  facets?: Array<{ key?: string; value?: string }>
}

export interface AdPageContext {
  context: AdContext
  term?: string
  categoryName?: string
  productSku?: string
  brandName?: string
  /** Product pages: the product's category path and brand (Get ads `product_attributes`). */
  productAttributes?: { categoryName?: string; brandName?: string }
  /** The VTEX collections the page shows (Get ads `tags` product_cluster/<id>, as VTEX's search integration sends them). */
  productClusterIds?: string[]
}

const CATEGORY_PAGES = new Set(['department', 'category', 'subcategory'])
/** Get ads takes at most 10 tags; a collection id is a number. */
const MAX_CLUSTERS = 10

const clustersOf = (facets: PageSignals['facets']): string[] => {
  const ids = (facets || []).filter((facet) => (facet.key || '').toLowerCase() === 'productclusterids' && /^\d{1,10}$/.test(facet.value || '')).map((facet) => facet.value as string)
  return ids.filter((id, at) => ids.indexOf(id) === at).slice(0, MAX_CLUSTERS)
}

const productAttributesOf = (signals: PageSignals): AdPageContext['productAttributes'] => {
  const categoryName = (signals.productCategories || []).map((name) => name.trim()).filter(Boolean).join(' > ')
  const brandName = signals.productBrand && signals.productBrand.trim()
  return categoryName || brandName ? { ...(categoryName ? { categoryName } : {}), ...(brandName ? { brandName } : {}) } : undefined
}

export function adPageContext(signals: PageSignals): AdPageContext {
  // No optional chaining: the react builder's target lowers it to long expressions, shipped with every block.
  const term = signals.searchTerm && signals.searchTerm.trim()
  const breadcrumb = (signals.breadcrumb || []).map((name) => name.trim()).filter(Boolean)
  const clusters = clustersOf(signals.facets)
  const withClusters = <T extends AdPageContext>(page: T): T => (clusters.length > 0 ? { ...page, productClusterIds: clusters } : page)
  if (signals.pageType === 'product' && signals.productSku) {
    const productAttributes = productAttributesOf(signals)
    return { context: 'product_page', productSku: signals.productSku, ...(productAttributes ? { productAttributes } : {}) }
  }
  // A search inside a department or brand is still a search: the term is what targets.
  if (term) return withClusters({ context: 'search', term })
  if (CATEGORY_PAGES.has(signals.pageType || '') && breadcrumb.length > 0) return withClusters({ context: 'category', categoryName: breadcrumb.join(' > ') })
  if (signals.pageType === 'brand' && signals.brandName) return withClusters({ context: 'brand_page', brandName: signals.brandName })
  return withClusters({ context: 'home' })
}
