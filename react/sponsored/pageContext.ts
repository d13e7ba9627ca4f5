import type { AdContext } from './types'

/**
 * Which Get ads context a page is, and its targeting field, from what Store Framework tells the
 * block (route page type, search term, breadcrumb, product). Pure, so each page kind is tested.
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
}

export interface AdPageContext {
  context: AdContext
  term?: string
  categoryName?: string
  productSku?: string
  brandName?: string
}

const CATEGORY_PAGES = new Set(['department', 'category', 'subcategory'])

export function adPageContext(signals: PageSignals): AdPageContext {
  const term = signals.searchTerm?.trim()
  const breadcrumb = (signals.breadcrumb ?? []).map((name) => name.trim()).filter(Boolean)
  if (signals.pageType === 'product' && signals.productSku) return { context: 'product_page', productSku: signals.productSku }
  // A search inside a department or brand is still a search: the term is what targets.
  if (term) return { context: 'search', term }
  if (CATEGORY_PAGES.has(signals.pageType ?? '') && breadcrumb.length > 0) return { context: 'category', categoryName: breadcrumb.join(' > ') }
  if (signals.pageType === 'brand' && signals.brandName) return { context: 'brand_page', brandName: signals.brandName }
  return { context: 'home' }
}
