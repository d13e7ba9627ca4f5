import type { AdSlot } from '../tracking/adSlot'
import { LARGE_AD_PX, LARGE_AD_VIEW_RATIO, VIEW_RATIO } from '../tracking/viewability'

/**
 * The view rule as a theme developer watches it: how much of each ad is in view (the overlay's own
 * IntersectionObserver, in 5 % steps, so the tracker's stays as it is), the share it needs, and the
 * tracker's own clock (a slot's `timer` runs while it counts: viewability.ts), timed here from the
 * moment the overlay saw it start.
 */
const SHARES = Array.from({ length: 21 }, (_, step) => step / 20)

interface Seen {
  share: number
  area: number
}

const seen = new Map<Element, Seen>()
const clockSince = new Map<AdSlot, number>()
let observer: IntersectionObserver | undefined

export const watchShare = (element: Element) => {
  if (typeof IntersectionObserver === 'undefined' || seen.has(element)) return
  if (!observer) {
    observer = new IntersectionObserver((entries) =>
      entries.forEach((entry) => {
        const rect = entry.boundingClientRect
        seen.set(entry.target, { share: entry.isIntersecting ? entry.intersectionRatio : 0, area: rect.width * rect.height })
      }), { threshold: SHARES }
    )
  }
  seen.set(element, { share: 0, area: 0 })
  observer.observe(element)
}

/** Stops watching the elements that are no longer tracked ads (an SPA page went away). */
export const watchOnly = (elements: Set<Element>) =>
  seen.forEach((_, element) => {
    if (elements.has(element)) return
    seen.delete(element)
    if (observer) observer.unobserve(element)
  })

export type ViewState =
  | { kind: 'no-url' }
  | { kind: 'counting'; share: number; needed: number; seconds: number; of: number }
  | { kind: 'not-counting'; share: number; needed: number; why: 'tab-hidden' | 'under-share' | 'not-in-view' | 'pending' }
  | { kind: 'done'; share: number; needed: number }

/** The share an ad needs: 50 %, or 30 % for a display ad over 242,500 px² (MRC), as viewability.ts decides. */
export const neededShare = (slot: AdSlot, area: number) => (!slot.video && area > LARGE_AD_PX ? LARGE_AD_VIEW_RATIO : VIEW_RATIO)

/**
 * Where the ad's view stands now. `viewRecorded`: the tracker recorded its view (it left or is
 * queued), so the clock is done.
 */
export const viewState = (slot: AdSlot, element: Element, viewRecorded: boolean, now: number, tabVisible: boolean): ViewState => {
  const { share, area } = seen.get(element) || { share: 0, area: 0 }
  const needed = neededShare(slot, area)
  if (!slot.ad.view_url) return { kind: 'no-url' }
  if (viewRecorded) {
    clockSince.delete(slot)
    return { kind: 'done', share, needed }
  }
  if (slot.timer !== undefined) {
    if (!clockSince.has(slot)) clockSince.set(slot, now)
    return { kind: 'counting', share, needed, seconds: (now - (clockSince.get(slot) as number)) / 1000, of: slot.ms / 1000 }
  }
  clockSince.delete(slot)
  // In view enough and no clock: the tracker has not seen it yet, or it recorded the view and holds it until the identity is known.
  const why = !tabVisible ? 'tab-hidden' : share <= 0 ? 'not-in-view' : share < needed ? 'under-share' : 'pending'
  return { kind: 'not-counting', share, needed, why }
}
