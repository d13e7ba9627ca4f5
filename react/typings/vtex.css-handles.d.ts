/**
 * vtex.css-handles 1.x (manifest dependency, provided by the VTEX runtime): `useCssHandles` returns
 * `{ handles, withModifiers }`; each handle is `<vendor>-<app>-<major>-x-<handle>`, here
 * `adsevents-ads-events-0-x-<handle>`, the class themes style blocks with.
 */
declare module 'vtex.css-handles' {
  export type CssHandles<T extends readonly string[]> = Record<T[number], string>
  export function useCssHandles<T extends readonly string[]>(
    handles: T,
    options?: { migrationFrom?: string | string[] }
  ): { handles: CssHandles<T>; withModifiers: (handle: T[number], modifiers: string | string[]) => string }
}
