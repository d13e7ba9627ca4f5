/** The part of vtex.render-runtime the sponsored blocks read (provided by the VTEX runtime, not npm). */
declare module 'vtex.render-runtime' {
  export interface RuntimeRoute {
    id?: string
    params?: Record<string, string | undefined>
    pageContext?: { type?: string; id?: string }
    queryString?: Record<string, string | undefined>
  }
  export interface Runtime {
    route: RuntimeRoute
    query?: Record<string, string | undefined>
    deviceInfo?: { isMobile?: boolean; type?: string }
  }
  export function useRuntime(): Runtime
  /** Whether the theme gave this block a child block of interface `id`: `{ props }`, else null (vtex-apps/render-runtime react/components/useChildBlock.tsx). */
  export function useChildBlock(childBlock: { id: string }): { props: Record<string, unknown> } | null
  /** Renders the theme's block at `id` (e.g. its product-summary), nothing when there is none, with these props. */
  export const ExtensionPoint: import('react').ComponentType<{ id: string; product?: unknown }>
}
