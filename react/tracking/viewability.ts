/**
 * View rule (IAB/MRC, VTEX Ads): the ad is viewed once ≥ 50 % of it has been in the viewport
 * of a visible tab for a continuous `ms` (1 s display, 2 s video). The clock starts when the
 * ratio reaches the threshold with the tab visible and resets when the ratio drops below it or
 * the tab is hidden. One IntersectionObserver and one visibilitychange listener serve every
 * ad; the only timer is the one of an ad currently in view.
 *
 * Large ads (MRC): a display ad over 242,500 CSS px² (e.g. 970×250) needs only 30 % in view,
 * so an ad taller than twice the viewport can be viewed at all. Its size comes from the
 * observer's own entry (no layout read); video keeps 50 %.
 */
export const VIEW_RATIO = 0.5
export const LARGE_AD_VIEW_RATIO = 0.3
export const LARGE_AD_PX = 242500

/** What the observer keeps per ad. Ad slots implement it themselves, so watching allocates nothing. */
export interface Watch {
  ms: number
  video: boolean
  inView: boolean
  timer?: ReturnType<typeof setTimeout>
  onViewed(): void
}

const watches = new Map<Element, Watch>()
let observer: IntersectionObserver | undefined

const tabVisible = () => document.visibilityState === 'visible'

const stopClock = (watch: Watch) => {
  clearTimeout(watch.timer as ReturnType<typeof setTimeout>)
  watch.timer = undefined
}

const fire = (element: Element) => {
  const watch = watches.get(element)
  if (!watch) return
  unwatchView(element)
  watch.onViewed()
}

const startClock = (element: Element, watch: Watch) => {
  if (watch.timer !== undefined || !watch.inView || !tabVisible()) return
  watch.timer = setTimeout(fire, watch.ms, element)
}

/** The entry's rect is read (a DOMRect allocated) only for a ratio between 30 % and 50 %, where size decides. */
const meetsViewRatio = (watch: Watch, entry: IntersectionObserverEntry) => {
  const ratio = entry.intersectionRatio
  if (ratio >= VIEW_RATIO) return true
  if (ratio < LARGE_AD_VIEW_RATIO || watch.video) return false
  const rect = entry.boundingClientRect
  return rect.width * rect.height > LARGE_AD_PX
}

const onIntersections = (entries: IntersectionObserverEntry[]) => {
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]
    const watch = watches.get(entry.target)
    if (!watch) continue
    watch.inView = entry.isIntersecting && meetsViewRatio(watch, entry)
    if (watch.inView) startClock(entry.target, watch)
    else stopClock(watch)
  }
}

const onVisibilityChange = () => {
  const visible = tabVisible()
  watches.forEach((watch, element) => (visible ? startClock(element, watch) : stopClock(watch)))
}

const sharedObserver = () => {
  if (!observer) {
    observer = new IntersectionObserver(onIntersections, { threshold: [0, LARGE_AD_VIEW_RATIO, VIEW_RATIO] })
    document.addEventListener('visibilitychange', onVisibilityChange)
  }
  return observer
}

export const unwatchView = (element: Element) => {
  const watch = watches.get(element)
  if (!watch) return
  stopClock(watch)
  watches.delete(element)
  if (observer) observer.unobserve(element)
}

/** Watches `element` for the view rule; `watch.onViewed` runs once when it is met. */
export const observeView = (element: Element, watch: Watch) => {
  if (typeof IntersectionObserver === 'undefined') return
  unwatchView(element)
  watch.inView = false
  watches.set(element, watch)
  sharedObserver().observe(element)
}

/** Calls `onViewed` once when the view rule is met; returns the cleanup (unmount). */
export const watchView = (element: Element, ms: number, onViewed: () => void, video = false): (() => void) => {
  observeView(element, { ms, video, inView: false, onViewed })
  return () => unwatchView(element)
}
