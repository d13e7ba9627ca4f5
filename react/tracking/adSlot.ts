import { trackAdEvent } from './adEvents'
import { observeView, unwatchView, Watch } from './viewability'

/** The three event URLs of one ad, exactly as the Get ads answer gives them (never built by hand). */
export interface AdEventUrls {
  impression_url?: string
  view_url?: string
  click_url?: string
  /** `video` needs 2 s in view instead of 1 s. */
  type?: string
}

export const VIEW_MS = 1000
export const VIDEO_VIEW_MS = 2000

/**
 * The element of a tracked ad carries its slot: the click listener finds the ads a click is inside
 * by walking up from its target, and the debug overlay (react/debug/, loaded only in debug mode)
 * finds every tracked ad the same way, with nothing else kept for it. A slot that moved to another
 * element leaves a stale property behind: only `slot.element === element` counts.
 */
export const SLOT_PROPERTY = 'adsEventsSlot'
type TrackedElement = Element & { [SLOT_PROPERTY]?: AdSlot }

/** One capture listener on window serves every ad. */
let listeningForClicks = false

/**
 * Capture phase on window: runs before any handler of the page, so the beacon leaves before
 * a link or router navigates, and before a button inside the ad (add to cart) can stop the
 * event. Every way of opening or acting on an ad arrives here: a click (with or without
 * modifier keys: new tab, new window), Enter on a link or Enter/Space on a button (the browser
 * dispatches a click), and the middle button ("open in new tab"), which fires `auxclick`
 * instead. The right button opens a menu, not the ad. Each tracked ad the event is inside counts
 * (nested ads too); the tracker keeps one click per ad and page view.
 */
const onClick = (event: MouseEvent) => {
  if (event.type === 'auxclick' && event.button !== 1) return
  for (let node = event.target as TrackedElement | null; node; node = node.parentNode as TrackedElement | null) {
    const slot = node[SLOT_PROPERTY]
    if (slot && slot.element === node) trackAdEvent(slot.ad.click_url, slot.context, true)
  }
}

/**
 * One rendered ad: its URLs and its view state. `attach` is the work of mounting it, O(1) and
 * without closures: the impression goes into the send queue, the element into the shared
 * observer and the click map. No effect, no layout read.
 */
export class AdSlot implements Watch {
  // Set by `update`, which always runs before `attach` (useAdEvents); no initializers, to ship less code on every page.
  ad!: AdEventUrls
  context!: string
  /** What the slot is tracked for: the three URLs, the type and the context. */
  key?: string
  ms!: number
  video!: boolean
  inView!: boolean
  timer?: ReturnType<typeof setTimeout>
  element: Element | null = null

  /** The callback ref of the ad's element (one per slot: React sees the same ref on every render). */
  ref = (element: Element | null) => this.attach(element)

  /** Takes the latest props; when they changed what an attached element is tracked for, re-attaches it. */
  update(ad: AdEventUrls, context: string) {
    const key = [ad.impression_url, ad.view_url, ad.click_url, ad.type, context].join(' ')
    if (key === this.key) return
    this.key = key
    this.ad = ad
    this.context = context
    this.video = ad.type === 'video'
    this.ms = this.video ? VIDEO_VIEW_MS : VIEW_MS
    const element = this.element
    if (element) {
      this.attach(null)
      this.attach(element)
    }
  }

  attach(element: Element | null) {
    if (element === this.element) return
    if (this.element) unwatchView(this.element)
    this.element = element
    if (!element) return
    ;(element as TrackedElement)[SLOT_PROPERTY] = this
    // Decided to be shown = committed to the page. Once per page view, so re-attaching is harmless.
    trackAdEvent(this.ad.impression_url, this.context)
    if (this.ad.view_url) observeView(element, this)
    if (this.ad.click_url && !listeningForClicks) {
      listeningForClicks = true
      addEventListener('click', onClick, true)
      addEventListener('auxclick', onClick, true)
    }
  }

  onViewed() {
    trackAdEvent(this.ad.view_url, this.context)
  }
}
