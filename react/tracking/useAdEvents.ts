import { useRef } from 'react'

import { AdSlot, AdEventUrls, VIDEO_VIEW_MS, VIEW_MS } from './adSlot'

export { AdEventUrls, VIDEO_VIEW_MS, VIEW_MS }

/** A callback ref that also reads like a ref object (`ref.current`), as it did before. */
export type AdRef<T> = ((element: T | null) => void) & { readonly current: T | null }

/**
 * Tracks one rendered ad. Put the returned ref on the element that shows the ad. Impression
 * when it is attached (the ad was decided to be shown), view by the shared viewability rule,
 * click on every click. `context` separates the same ad in two placements.
 *
 * Work happens in the ref callback, not in effects: mounting 1,000 ads costs one small object
 * and one closure each, with no effect to schedule. Props that change while mounted (another
 * ad in the same slot) re-attach during render; every step is idempotent (once per page view,
 * keyed by element), so a render React discards does no harm.
 */
export const useAdEvents = <T extends Element = HTMLDivElement>(ad: AdEventUrls, context = ''): AdRef<T> => {
  const held = useRef<AdRef<T> & { slot: AdSlot; current: T | null }>()
  let ref = held.current
  if (!ref) {
    const slot = new AdSlot()
    const state = { slot, current: null as T | null }
    const callback = Object.assign((element: T | null) => {
      state.current = element
      slot.attach(element)
    }, state)
    // `current` reads the live element (a plain copy would stay null).
    Object.defineProperty(callback, 'current', { get: () => state.current })
    ref = held.current = callback
  }
  if (ref.slot.update(ad, context)) {
    const element = ref.slot.element
    ref.slot.attach(null)
    ref.slot.attach(element)
  }
  return ref
}
