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

/** Elements of ads with a click URL; one capture listener on window serves them all. */
const clickable = new Map<Element, AdSlot>()
let listeningForClicks = false

/**
 * Capture phase on window: runs before any handler of the page, so the beacon leaves before
 * a link or router navigates. Each tracked ad the click is inside counts (nested ads too).
 */
const onClick = (event: Event) => {
  for (let node = event.target as Node | null; node; node = node.parentNode) {
    const slot = clickable.get(node as Element)
    if (slot) trackAdEvent(slot.clickUrl, slot.context, false)
  }
}

/**
 * One rendered ad: its URLs and its view state. `attach` is the work of mounting it, O(1) and
 * without closures: the impression goes into the send queue, the element into the shared
 * observer and the click map. No effect, no layout read.
 */
export class AdSlot implements Watch {
  impressionUrl?: string
  viewUrl?: string
  clickUrl?: string
  context = ''
  ms = VIEW_MS
  video = false
  inView = false
  timer?: ReturnType<typeof setTimeout>
  element: Element | null = null

  /** Takes the latest props; true when they changed what an attached element is tracked for. */
  update(ad: AdEventUrls, context: string): boolean {
    const video = ad.type === 'video'
    if (ad.impression_url === this.impressionUrl && ad.view_url === this.viewUrl && ad.click_url === this.clickUrl && context === this.context && video === this.video) return false
    this.impressionUrl = ad.impression_url
    this.viewUrl = ad.view_url
    this.clickUrl = ad.click_url
    this.context = context
    this.video = video
    this.ms = video ? VIDEO_VIEW_MS : VIEW_MS
    return this.element !== null
  }

  attach(element: Element | null) {
    if (element === this.element) return
    if (this.element) {
      unwatchView(this.element)
      clickable.delete(this.element)
    }
    this.element = element
    if (!element) return
    // Decided to be shown = committed to the page. Once per page view, so re-attaching is harmless.
    trackAdEvent(this.impressionUrl, this.context, true)
    if (this.viewUrl) observeView(element, this)
    if (this.clickUrl) {
      if (!listeningForClicks) {
        listeningForClicks = true
        addEventListener('click', onClick, true)
      }
      clickable.set(element, this)
    }
  }

  onViewed() {
    trackAdEvent(this.viewUrl, this.context, true)
  }
}
