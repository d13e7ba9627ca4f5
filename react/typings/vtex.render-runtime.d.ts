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
  /** Whether the theme gave this block a child block of interface `id` (null: none). vtex-apps/render-runtime react/components/ChildBlock.tsx. */
  export function useChildBlock(childBlock: { id: string }): Record<string, unknown> | null
  /** Renders the block the theme put at `id` (e.g. its product-summary), with these props. */
  export const ExtensionPoint: import('react').ComponentType<{ id: string; [prop: string]: unknown }>
}
