import React from 'react'

import ProductSummary from './productSummary'

/**
 * Sandbox stand-in for `vtex.render-runtime`: the route comes from the demo URL (`?q=` search,
 * `?product=` product page, `?category=` category, `?brand=` brand page, else home), the device from
 * `?mobile=1`. `ExtensionPoint id="product-summary"` renders the stand-in theme's product summary.
 */
interface Runtime {
  route: { id?: string; params?: Record<string, string | undefined>; pageContext?: { type?: string; id?: string } }
  query?: Record<string, string | undefined>
  deviceInfo?: { isMobile?: boolean; type?: string }
}

export const useRuntime = (): Runtime => {
  const params = new URLSearchParams(typeof location === 'undefined' ? '' : location.search)
  const q = params.get('q') || undefined
  const type = params.get('product') ? 'product' : q ? 'search' : params.get('category') ? 'department' : params.get('brand') ? 'brand' : 'route'
  const isMobile = params.get('mobile') === '1'
  return {
    route: { id: type === 'route' ? 'store.home' : `store.${type}`, params: { brand: params.get('brand') || undefined }, pageContext: { type, id: type } },
    query: { _q: q },
    deviceInfo: { isMobile, type: isMobile ? 'phone' : 'desktop' },
  }
}

export const ExtensionPoint = ({ id, ...props }: { id: string; [prop: string]: unknown }) =>
  id === 'product-summary' ? <ProductSummary {...(props as { product: never })} /> : null
