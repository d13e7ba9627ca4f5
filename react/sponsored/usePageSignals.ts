import { useRuntime } from 'vtex.render-runtime'
import { useProduct } from 'vtex.product-context'
import { useSearchPage } from 'vtex.search-page-context/SearchPageContext'

import type { PageSignals } from './pageContext'

/** Reads the page's signals from the Store Framework contexts the block lives in. */
export const usePageSignals = (): PageSignals & { isMobile: boolean } => {
  const runtime = useRuntime()
  const productContext = useProduct()
  const searchPage = useSearchPage()
  const route = runtime.route || {}
  const query = runtime.query || {}
  const breadcrumb = searchPage?.searchQuery?.data?.productSearch?.breadcrumb
  return {
    pageType: route.pageContext?.type,
    routeId: route.id,
    searchTerm: query._q || searchPage?.searchQuery?.variables?.fullText || route.params?.term,
    breadcrumb: breadcrumb ? breadcrumb.map((crumb) => crumb.name || '') : undefined,
    productSku: productContext?.selectedItem?.itemId || productContext?.product?.items?.[0]?.itemId,
    brandName: route.pageContext?.type === 'brand' ? productContext?.product?.brand || route.params?.brand : undefined,
    isMobile: runtime.deviceInfo?.isMobile === true,
  }
}
