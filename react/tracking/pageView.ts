/**
 * Page views, the unit of "at most once per ad and context" (VTEX Ads 5.6). Store Framework is
 * a single-page app, so a page view starts on each of these, whichever comes first:
 * - a `vtex:pageView` pixel message (what render-runtime posts for every page view, first load
 *   and SPA navigation alike);
 * - a history navigation to another path or query: the Navigation API's `navigate` (it also
 *   sees `pushState`) where the browser has it, and `popstate` (back/forward);
 * - an event recorded while the URL differs from the page view's (browsers with neither).
 * The message is posted asynchronously, usually after the new page's ads have mounted, so a
 * message for the URL of a page view that no message announced yet is that same page view,
 * not a new one: merging them keeps the ads that mounted first from being counted twice.
 * Only path and query count: a `#fragment` change is the same page view.
 */
const seen = new Set<string>()
let pageUrl: string | undefined
let announced = false
let listening = false
let urlChecked = false

const pathOf = (href: string) => {
  try {
    const url = new URL(href, location.href)
    return url.pathname + url.search
  } catch {
    return undefined
  }
}

const begin = (url: string) => {
  pageUrl = url
  announced = false
  seen.clear()
}

const onNavigated = (url: string | undefined) => {
  if (url !== undefined && url !== pageUrl) begin(url)
}

const onMessage = (event: MessageEvent) => {
  const data = event.data as { eventName?: unknown; pageUrl?: unknown } | null
  // Only the page's own pixel bus, never a message from a frame.
  if (event.source !== window || !data || data.eventName !== 'vtex:pageView') return
  const url = (typeof data.pageUrl === 'string' && pathOf(data.pageUrl)) || location.pathname + location.search
  if (url !== pageUrl || announced) begin(url)
  announced = true
}

interface NavigateEvent extends Event {
  destination: { url: string }
  hashChange: boolean
}

const listen = () => {
  listening = true
  addEventListener('message', onMessage)
  addEventListener('popstate', () => onNavigated(location.pathname + location.search))
  const navigation = (window as unknown as { navigation?: EventTarget }).navigation
  navigation?.addEventListener('navigate', (event) => {
    if (!(event as NavigateEvent).hashChange) onNavigated(pathOf((event as NavigateEvent).destination.url))
  })
}

/**
 * Starts listening for page views (at the first tracked ad, or earlier from the pixel) and
 * checks the URL fallback. One location read per synchronous batch: a commit that mounts
 * 1,000 ads cannot navigate in between, so the check waits for the next microtask.
 */
export const syncPageView = () => {
  if (urlChecked) return
  urlChecked = true
  Promise.resolve().then(() => (urlChecked = false))
  if (!listening) listen()
  onNavigated(location.pathname + location.search)
}

/** True the first time `key` is seen in the current page view (and records it). */
export const firstInPageView = (key: string): boolean => {
  syncPageView()
  if (seen.has(key)) return false
  seen.add(key)
  return true
}
