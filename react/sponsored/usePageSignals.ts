import { useRuntime } from 'vtex.render-runtime'
import { useProduct } from 'vtex.product-context'
import { useSearchPage } from 'vtex.search-page-context/SearchPageContext'

import type { PageSignals } from './pageContext'

type Product = NonNullable<NonNullable<ReturnType<typeof useProduct>>['product']>
type SearchQuery = NonNullable<NonNullable<ReturnType<typeof useSearchPage>>['searchQuery']>

/** The category names of a catalog product, from the top: its categoryTree, else the deepest of its `/A/B/` paths. */
const productCategories = (product: Product): string[] | undefined => {
  if (product.categoryTree && product.categoryTree.length > 0) return product.categoryTree.map((category) => category.name || '')
  return (product.categories || []).map((path) => path.split('/').filter(Boolean)).sort((a, b) => b.length - a.length)[0]
}

/**
 * Reads the page's signals from the Store Framework contexts the block lives in. Plain `&&` and
 * `||` rather than optional chaining: the react builder's target lowers `?.` to long expressions,
 * shipped with every block.
 */
export const usePageSignals = (): PageSignals & { isMobile: boolean } => {
  const runtime = useRuntime()
  const productContext = useProduct() || {}
  const searchQuery: SearchQuery = (useSearchPage() || {}).searchQuery || {}
  const route = runtime.route || {}
  const pageType = route.pageContext && route.pageContext.type
  const params = route.params || {}
  const product: Product = productContext.product || {}
  const breadcrumb = searchQuery.data && searchQuery.data.productSearch && searchQuery.data.productSearch.breadcrumb
  const variables = searchQuery.variables || {}
  const firstItem = product.items && product.items[0]
  return {
    pageType,
    routeId: route.id,
    searchTerm: (runtime.query || {})._q || variables.fullText || params.term,
    breadcrumb: breadcrumb ? breadcrumb.map((crumb) => crumb.name || '') : undefined,
    productSku: (productContext.selectedItem && productContext.selectedItem.itemId) || (firstItem && firstItem.itemId),
    brandName: pageType === 'brand' ? product.brand || params.brand : undefined,
    productCategories: productCategories(product),
    productBrand: product.brand,
    facets: variables.selectedFacets,
    isMobile: !!runtime.deviceInfo && runtime.deviceInfo.isMobile === true,
  }
}
