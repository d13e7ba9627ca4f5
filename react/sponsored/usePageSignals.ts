import { useRuntime } from 'vtex.render-runtime'
import { useProduct } from 'vtex.product-context'
import { useSearchPage } from 'vtex.search-page-context/SearchPageContext'

import type { PageSignals } from './pageContext'

/** The category names of a catalog product, from the top: its categoryTree, else the deepest of its `/A/B/` paths. */
const productCategories = (product: { categoryTree?: Array<{ name?: string }>; categories?: string[] } | undefined): string[] | undefined => {
  if (!product) return undefined
  if (product.categoryTree && product.categoryTree.length > 0) return product.categoryTree.map((category) => category.name || '')
  const paths = (product.categories || []).map((path) => path.split('/').filter(Boolean))
  return paths.sort((a, b) => b.length - a.length)[0]
}

/** Reads the page's signals from the Store Framework contexts the block lives in. */
export const usePageSignals = (): PageSignals & { isMobile: boolean } => {
  const runtime = useRuntime()
  const productContext = useProduct()
  const searchPage = useSearchPage()
  const route = runtime.route || {}
  const query = runtime.query || {}
  const searchQuery = searchPage?.searchQuery
  const breadcrumb = searchQuery?.data?.productSearch?.breadcrumb
  const product = productContext?.product
  return {
    pageType: route.pageContext?.type,
    routeId: route.id,
    searchTerm: query._q || searchQuery?.variables?.fullText || route.params?.term,
    breadcrumb: breadcrumb ? breadcrumb.map((crumb) => crumb.name || '') : undefined,
    productSku: productContext?.selectedItem?.itemId || product?.items?.[0]?.itemId,
    brandName: route.pageContext?.type === 'brand' ? product?.brand || route.params?.brand : undefined,
    productCategories: productCategories(product),
    productBrand: product?.brand,
    facets: searchQuery?.variables?.selectedFacets,
    isMobile: runtime.deviceInfo?.isMobile === true,
  }
}
