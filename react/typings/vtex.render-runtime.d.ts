/**
 * vtex.render-runtime 8.x (manifest dependency, provided by the VTEX runtime, not npm): what the
 * blocks read, no more, as sandbox/storefront/shims/realShapes.ts records it. Follows:
 * - vtex-apps/render-runtime@8.136.2 (fef89cd): react/components/RenderContext.tsx, react/typings/runtime.ts, react/utils/withDevice.tsx, react/components/ExtensionPoint/index.tsx, react/components/useChildBlock.tsx, react/core/main.tsx
 * - vtex-apps/store@2.147.0 (f98a6db): store/routes.json
 * - vtex-apps/vtex-ads@0.0.1 (ab4c688): react/hooks/usePageContext.ts
 * - vtex-apps/search-result@3.148.0 (8f27045): react/components/GalleryItem.tsx
 */
declare module 'vtex.render-runtime' {
  export interface RuntimeRoute {
    /** store.home, store.search, store.search#brand, store.product… (store/routes.json) */
    id?: string
    /** The route path's params (store/routes.json). */
    params?: { id?: string; slug?: string; term?: string; brand?: string; department?: string; category?: string; subcategory?: string }
    /** `type`: the route's contentType (product, search, brand, department, category, subcategory, userRoute) or `route`. */
    pageContext?: { type?: string; id?: string }
  }
  export interface Runtime {
    route: RuntimeRoute
    /** The URL's query string (`_q` on a search). */
    query?: Record<string, string | undefined>
    deviceInfo?: { isMobile?: boolean; type?: 'phone' | 'tablet' | 'desktop' | 'unknown' }
  }
  export function useRuntime(): Runtime
  /** Whether the theme gave this block a child block of interface `id`: `{ props }`, else null (vtex-apps/render-runtime react/components/useChildBlock.tsx). */
  export function useChildBlock(childBlock: { id: string }): { props: Record<string, unknown> } | null
  /** Renders the theme's block at `id` (e.g. its product-summary), nothing when there is none, with these props. */
  export const ExtensionPoint: import('react').ComponentType<{ id: string; product?: unknown }>
}
