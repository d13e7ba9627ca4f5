import type { AdSlot } from '../tracking/adSlot'
import { SLOT_PROPERTY } from '../tracking/adSlot'

export interface TrackedAd {
  element: Element
  slot: AdSlot
}

/**
 * Every ad the tracker holds on the page now: the elements that carry a live slot (adSlot.ts puts
 * it there; a slot that moved on leaves a stale one, which does not count). A walk over the page's
 * elements: debug mode only, a few times a second.
 */
export const findTrackedAds = (root: ParentNode = document): TrackedAd[] => {
  const found: TrackedAd[] = []
  const elements = root.querySelectorAll('*')
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i]
    const slot = (element as Element & { [SLOT_PROPERTY]?: AdSlot })[SLOT_PROPERTY]
    if (slot && slot.element === element) found.push({ element, slot })
  }
  return found
}

/** The ad's id as VTEX Ads' event URLs end (`…/impression/<ad id>`), for the page where the Get ads answer does not name it. */
export const adIdFromUrl = (url: string | undefined): string | undefined => {
  if (!url) return undefined
  const match = /\/([^/?#]+)\/?(?:[?#].*)?$/.exec(url)
  return match ? match[1] : undefined
}
