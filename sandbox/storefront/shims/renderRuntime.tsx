import React, { createContext, ReactNode, useContext } from 'react'

import { currentDemoPage } from './demoPage'
import ProductSummary from './productSummary'

/**
 * Sandbox stand-in for `vtex.render-runtime` 8.x, reproducing exactly what realShapes.ts records
 * of it. Follows:
 * - vtex-apps/render-runtime@8.136.2 (fef89cd): react/components/RenderContext.tsx, react/typings/runtime.ts, react/utils/withDevice.tsx, react/components/ExtensionPoint/index.tsx, react/components/useChildBlock.tsx, react/core/main.tsx
 * - vtex-apps/store@2.147.0 (f98a6db): store/routes.json
 * - vtex-apps/vtex-ads@0.0.1 (ab4c688): react/hooks/usePageContext.ts
 * - vtex-apps/search-result@3.148.0 (8f27045): react/components/GalleryItem.tsx
 *
 * `useRuntime()`: the route of the demo URL (demoPage.ts) as store/routes.json defines it (id,
 * params, pageContext `{type: contentType, id}`), the query string as render-runtime parses it,
 * and `deviceInfo`. The real runtime takes the device from the request's hints during server-side
 * rendering and then from the viewport (withDevice.tsx: `isMobile` below 64.1rem); here `?mobile=1`
 * stands for a phone and anything else for a desktop, so a test picks the device it means.
 *
 * `ExtensionPoint`: renders the theme's block at `id` with the given props, nothing when the
 * theme has none there; this theme has one, `product-summary`, the stand-in summary.
 */
export const useRuntime = () => {
  const page = currentDemoPage()
  return {
    route: page.route,
    query: page.query,
    deviceInfo: page.isMobile ? { type: 'phone' as const, isMobile: true } : { type: 'desktop' as const, isMobile: false },
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
