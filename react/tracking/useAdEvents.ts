import { useRef } from 'react'

import { AdSlot, AdEventUrls, VIDEO_VIEW_MS, VIEW_MS } from './adSlot'

export { AdEventUrls, VIDEO_VIEW_MS, VIEW_MS }

/** The callback ref to put on the ad's element. */
export type AdRef<T> = (element: T | null) => void

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
  const held = useRef<AdSlot>()
  const slot = held.current || (held.current = new AdSlot())
  slot.update(ad, context)
  return slot.ref
}
