/**
 * What the page sent, as the browser saw it: every beacon and fetch with its answer's status, by
 * absolute URL. The overlay loads after the page's first events left, so it reads them from the
 * browser's Resource Timing buffer (`initiatorType` beacon or fetch, `responseStatus`: 202 accepted,
 * 4xx refused, 0 no answer, e.g. a CORS refusal; Chromium 109+), then hears the next ones from a
 * PerformanceObserver. It also wraps sendBeacon and fetch, to see a request the moment it is
 * queued: a keepalive fetch does not always reach Resource Timing, and a beacon only does once
 * answered. The buffer holds 250 entries by default: on a page that loads more before the
 * overlay, the earliest may be missing (`bufferWasFull`).
 */
export interface RequestSeen {
  /** performance.now() when it was queued or, for requests from before the overlay, answered. */
  at: number
  /** The answer's status once known (0: no answer); undefined while in flight. */
  status?: number
  via: 'beacon' | 'fetch'
  /** The fetch's method (the orderForm bridge's PUT and DELETE); beacons are POSTs. */
  method?: string
}

const requests = new Map<string, RequestSeen>()
let started = false
let bufferWasFull = false
const RESOURCE_BUFFER = 250

/** Absolute form of a URL as Resource Timing names it (event URLs may be root-relative). */
export const absoluteUrl = (url: string): string => {
  try {
    return new URL(url, location.href).href
  } catch {
    return url
  }
}

const statusOf = (entry: PerformanceEntry): number | undefined => {
  const status = (entry as PerformanceEntry & { responseStatus?: number }).responseStatus
  return typeof status === 'number' ? status : undefined
}

const fromTiming = (entry: PerformanceEntry) => {
  const type = (entry as PerformanceResourceTiming).initiatorType
  if (type !== 'beacon' && type !== 'fetch') return
  const known = requests.get(entry.name)
  requests.set(entry.name, { at: known ? known.at : entry.startTime, via: type, status: statusOf(entry), method: known && known.method })
}

const queued = (url: string, via: RequestSeen['via'], method?: string) => {
  const href = absoluteUrl(url)
  requests.set(href, { at: performance.now(), via, method })
  return href
}

/** Starts listening (once per page); safe to call on every render. */
export const startRequestLog = () => {
  if (started) return
  started = true
  const earlier = performance.getEntriesByType('resource')
  bufferWasFull = earlier.length >= RESOURCE_BUFFER
  earlier.forEach(fromTiming)
  if (typeof PerformanceObserver !== 'undefined') new PerformanceObserver((list) => list.getEntries().forEach(fromTiming)).observe({ entryTypes: ['resource'] })

  const beacon = navigator.sendBeacon
  if (beacon) {
    navigator.sendBeacon = (url: string, data?: BodyInit | null) => {
      const sent = beacon.call(navigator, url, data)
      if (sent) queued(url, 'beacon')
      return sent
    }
  }
  const pageFetch = window.fetch
  window.fetch = (...args: Parameters<typeof fetch>) => {
    const [input, init] = args
    const url = typeof input === 'string' ? input : String((input as Request).url || input)
    const href = queued(url, 'fetch', (init && init.method) || 'GET')
    const answer: Promise<Response> = pageFetch.apply(window, args)
    const settle = (status: number) => {
      const seen = requests.get(href)
      if (seen) seen.status = status
    }
    answer.then(
      (response: Response) => settle(response.status),
      () => settle(0)
    )
    return answer
  }
}

export const requestSeen = (url: string | undefined): RequestSeen | undefined => (url ? requests.get(absoluteUrl(url)) : undefined)

/** Requests whose URL contains `part`, oldest first. */
export const requestsMatching = (part: string): Array<RequestSeen & { url: string }> => {
  const matching: Array<RequestSeen & { url: string }> = []
  requests.forEach((seen, url) => {
    if (url.indexOf(part) >= 0) matching.push({ ...seen, url })
  })
  return matching.sort((a, b) => a.at - b.at)
}

export const resourceBufferWasFull = () => bufferWasFull
