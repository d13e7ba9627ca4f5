/** A controllable IntersectionObserver for jsdom: tests say which ratio an element has. */
export class FakeIntersectionObserver {
  static instances: FakeIntersectionObserver[] = []
  observed = new Set<Element>()
  constructor(
    private readonly callback: IntersectionObserverCallback,
    readonly options?: IntersectionObserverInit,
  ) {
    FakeIntersectionObserver.instances.push(this)
  }
  observe(element: Element) {
    this.observed.add(element)
  }
  unobserve(element: Element) {
    this.observed.delete(element)
  }
  disconnect() {
    this.observed.clear()
  }
  takeRecords() {
    return []
  }
  /** Reports `ratio` for `element` of the given size (CSS px), as the browser would after layout. */
  report(element: Element, ratio: number, size = { width: 300, height: 200 }) {
    if (!this.observed.has(element)) return
    const boundingClientRect = { x: 0, y: 0, top: 0, left: 0, ...size, right: size.width, bottom: size.height }
    const entry = { target: element, intersectionRatio: ratio, isIntersecting: ratio > 0, boundingClientRect } as unknown as IntersectionObserverEntry
    this.callback([entry], this as unknown as IntersectionObserver)
  }
}

export const setTabVisibility = (state: 'visible' | 'hidden') => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state })
  document.dispatchEvent(new Event('visibilitychange'))
}
