/**
 * View rule (IAB/MRC, VTEX Ads): the ad is viewed once ≥ 50 % of it has been in the viewport
 * of a visible tab for a continuous `ms` (1 s display, 2 s video). The clock starts when the
 * ratio reaches 50 % with the tab visible and resets when the ratio drops below 50 % or the tab
 * is hidden. One IntersectionObserver and one visibilitychange listener serve every ad; the
 * only timer is the one of an ad currently ≥ 50 % visible.
 */
export const VIEW_RATIO = 0.5

interface Watch {
  ms: number
  onViewed: () => void
  inView: boolean
  timer?: ReturnType<typeof setTimeout>
}

const watches = new Map<Element, Watch>()
let observer: IntersectionObserver | undefined

const tabVisible = () => document.visibilityState === 'visible'

const stopClock = (watch: Watch) => {
  if (watch.timer !== undefined) clearTimeout(watch.timer)
  watch.timer = undefined
}

const startClock = (element: Element, watch: Watch) => {
  if (watch.timer !== undefined || !watch.inView || !tabVisible()) return
  watch.timer = setTimeout(() => {
    unwatchView(element)
    watch.onViewed()
  }, watch.ms)
}

const onIntersections = (entries: IntersectionObserverEntry[]) => {
  for (const entry of entries) {
    const watch = watches.get(entry.target)
    if (!watch) continue
    watch.inView = entry.isIntersecting && entry.intersectionRatio >= VIEW_RATIO
    if (watch.inView) startClock(entry.target, watch)
    else stopClock(watch)
  }
}

const onVisibilityChange = () => {
  watches.forEach((watch, element) => (tabVisible() ? startClock(element, watch) : stopClock(watch)))
}

const sharedObserver = () => {
  if (!observer) {
    observer = new IntersectionObserver(onIntersections, { threshold: [0, VIEW_RATIO] })
    document.addEventListener('visibilitychange', onVisibilityChange)
  }
  return observer
}

export const unwatchView = (element: Element) => {
  const watch = watches.get(element)
  if (!watch) return
  stopClock(watch)
  watches.delete(element)
  observer?.unobserve(element)
}

/** Calls `onViewed` once when the view rule is met; returns the cleanup (unmount). */
export const watchView = (element: Element, ms: number, onViewed: () => void): (() => void) => {
  if (typeof IntersectionObserver === 'undefined') return () => undefined
  unwatchView(element)
  watches.set(element, { ms, onViewed, inView: false })
  sharedObserver().observe(element)
  return () => unwatchView(element)
}
