/**
 * Page views, the unit of "at most once per ad and context" (VTEX Ads 5.6). Store Framework is
 * a single-page app, so a page view starts on each of these, whichever comes first:
 * - a `vtex:pageView` pixel message (vtex.store's StoreWrapper renders PageViewPixel, which posts
 *   it for every page view, first load and SPA navigation alike);
 * - an event recorded while the URL differs from the page view's (this also covers back/forward:
 *   no event is ever recorded between the URL change and the next check, so listening to
 *   `popstate` as well would change nothing).
 * The message is posted asynchronously, usually after the new page's ads have mounted, so a
 * message for the URL of a page view that no message announced yet is that same page view,
 * not a new one: merging them keeps the ads that mounted first from being counted twice.
 * Only path and query count: a `#fragment` change is the same page view.
 */
const seen = new Set<string>()
let pageUrl: string | undefined
let announced = false
let urlChecked = false

const here = () => location.pathname + location.search

const begin = (url: string) => {
  pageUrl = url
  announced = false
  seen.clear()
}

const onNavigated = () => {
  if (here() !== pageUrl) begin(here())
}

const onMessage = (event: MessageEvent) => {
  const data = event.data as { eventName?: unknown } | null
  // Only the page's own pixel bus, never a message from a frame. It is posted once the page is there: the URL is its own.
  if (event.source !== window || !data || data.eventName !== 'vtex:pageView') return
  if (here() !== pageUrl || announced) begin(here())
  announced = true
}

/**
 * True the first time `key` is seen in the current page view (and records it). Starts listening
 * for page views at the first tracked ad and checks the URL fallback: one location read per
 * synchronous batch (a commit that mounts 1,000 ads cannot navigate in between, so the check
 * waits for the next microtask).
 */
export const firstInPageView = (key: string): boolean => {
  if (!urlChecked) {
    urlChecked = true
    Promise.resolve().then(() => (urlChecked = false))
    // The first check of the page load: pixel messages are heard from now on.
    if (pageUrl === undefined) addEventListener('message', onMessage)
    onNavigated()
  }
  if (seen.has(key)) return false
  seen.add(key)
  return true
}
