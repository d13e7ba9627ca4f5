import React, { createContext, ReactNode, useContext } from 'react'

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

/**
 * The child blocks a theme gives a block in its `blocks` list, by interface name (the sandbox has no
 * block tree): a page wraps a block in `<ChildBlocks blocks={{ 'sponsored-fallback': … }}>`, and the
 * block's `useChildBlock({ id })` and `<ExtensionPoint id>` find them, as render-runtime resolves
 * `<treePath>/<id>` (react/components/useChildBlock.tsx: `{ props }` when the theme gave one, else null).
 */
const ChildBlocksContext = createContext<Record<string, ReactNode>>({})

export const ChildBlocks = ({ blocks, children }: { blocks: Record<string, ReactNode>; children: ReactNode }) => (
  <ChildBlocksContext.Provider value={blocks}>{children}</ChildBlocksContext.Provider>
)

export const useChildBlock = ({ id }: { id: string }): { props: Record<string, unknown> } | null => (id in useContext(ChildBlocksContext) ? { props: {} } : null)

export const ExtensionPoint = ({ id, ...props }: { id: string; [prop: string]: unknown }) => {
  const blocks = useContext(ChildBlocksContext)
  if (id === 'product-summary') return <ProductSummary {...(props as { product: never })} />
  return id in blocks ? <>{blocks[id]}</> : null
}
