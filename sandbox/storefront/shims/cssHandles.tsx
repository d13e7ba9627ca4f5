import manifest from '../../../manifest.json'

/**
 * Sandbox stand-in for `vtex.css-handles` 1.x. The real hook reads the app from the rendering block's
 * component id (`vendor.name@major`); outside VTEX there is no block tree, so the namespace comes from
 * manifest.json, which gives the same class names: `adsevents-ads-events-0-x-<handle>`, and
 * `handle handle--modifier` for modifiers.
 */
const NAMESPACE = `${manifest.vendor}-${manifest.name}-${manifest.version.split('.')[0]}-x`

const withModifiersOf = (className: string, modifiers: string | string[]) =>
  [className, ...([] as string[]).concat(modifiers).filter((modifier) => /^[\w-]+$/.test(modifier)).map((modifier) => `${className}--${modifier}`)].join(' ')

export const useCssHandles = <T extends readonly string[]>(list: T) => {
  const handles = {} as Record<T[number], string>
  for (const handle of list) handles[handle as T[number]] = `${NAMESPACE}-${handle}`
  return { handles, withModifiers: (handle: T[number], modifiers: string | string[]) => withModifiersOf(handles[handle], modifiers) }
}
