/**
 * vtex.css-handles 1.x (manifest dependency, provided by the VTEX runtime): what the blocks use, no
 * more, as sandbox/storefront/shims/realShapes.ts records it. `useCssHandles` returns
 * `{ handles, withModifiers }`; each handle is `<vendor>-<app>-<major>-x-<handle>`, here
 * `adsevents-ads-events-0-x-<handle>`, the class themes style blocks with. Follows:
 * - vtex-apps/css-handles@1.0.1 (0510555): react/useCssHandles.tsx, react/CssHandlesTypes.ts, react/modules/modifier.ts
 */
declare module 'vtex.css-handles' {
  export type CssHandles<T extends readonly string[]> = Record<T[number], string>
  export function useCssHandles<T extends readonly string[]>(
    handles: T,
    options?: { migrationFrom?: string | string[] }
  ): { handles: CssHandles<T>; withModifiers: (handle: T[number], modifiers: string | string[]) => string }
}
