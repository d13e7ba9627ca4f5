import manifest from '../../../manifest.json'

/**
 * Sandbox stand-in for `vtex.css-handles` 1.x, reproducing exactly what realShapes.ts records of
 * it. Follows:
 * - vtex-apps/css-handles@1.0.1 (0510555): react/useCssHandles.tsx, react/CssHandlesTypes.ts, react/modules/modifier.ts
 *
 * `useCssHandles(list)` returns the 1.x bag `{ handles, withModifiers }`. The real hook reads the
 * namespace from the rendering block's component (`vendor.name@major…` → `vendor-name-major-x`);
 * outside VTEX there is no block tree, so it comes from manifest.json, which gives the same class:
 * `adsevents-ads-events-0-x-<handle>`. A handle must start with a non-digit followed by one or more
 * letters, digits, `_` or `-`, else it gets '' (and an error in the console), as in the real hook.
 * `withModifiers(handle, modifiers)` appends `<class>--<modifier>` for each valid modifier (no
 * character outside `A-z`, digits and `-`; '' is skipped). Not reproduced: the theme's
 * `blockClass` (the sandbox has no block tree) and the `classes` override (we never pass one).
 */
const NAMESPACE = `${manifest.vendor}-${manifest.name}-${manifest.version.split('.')[0]}-x`

// The real patterns, as written in useCssHandles.tsx and modules/modifier.ts (A-z includes [ \ ] ^ _ `).
const VALID_HANDLE = /^[^\d][\w-]+$/
const INVALID_MODIFIER = /[^A-z0-9-]/

const isValidModifier = (modifier: unknown): modifier is string =>
  typeof modifier === 'string' && modifier !== '' && !INVALID_MODIFIER.test(modifier)

export const useCssHandles = <T extends readonly string[]>(list: T) => {
  const handles = {} as Record<T[number], string>
  for (const handle of list) {
    const valid = VALID_HANDLE.test(handle)
    if (!valid) console.error(`Invalid CSS handle "${handle}". It should only contain letters or numbers, and should start with a letter.`)
    handles[handle as T[number]] = valid ? `${NAMESPACE}-${handle}` : ''
  }
  const withModifiers = (handle: T[number], modifiers: string | string[]) => {
    const classes = handles[handle].split(' ')
    const modified = ([] as string[])
      .concat(modifiers)
      .filter(isValidModifier)
      .map((modifier) => classes.map((name) => `${name}--${modifier}`).join(' '))
    return classes.concat(modified).join(' ').trim()
  }
  return { handles, withModifiers }
}
