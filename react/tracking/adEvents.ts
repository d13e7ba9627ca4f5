import { localIdentity, resolveIdentity, resolvedIdentity, Identity } from '../identity/identity'
import { isBeaconUrl, sendAdEvent } from './transport'
import { onPageHidden } from './onPageHidden'

/**
 * Impressions and views are sent at most once per ad and context per page view (VTEX Ads
 * 5.6). The keys live here, in memory: a new page load starts empty, and a client-side
 * navigation to another URL (Store Framework is a SPA) clears them too.
 */
const sent = new Set<string>()
let pageViewUrl: string | undefined

const startPageViewIfNew = () => {
  const url = location.pathname + location.search
  if (url !== pageViewUrl) {
    pageViewUrl = url
    sent.clear()
  }
}

let queue: string[] | undefined

const bodyOf = (identity: Identity) =>
  identity.user_id ? { session_id: identity.session_id, user_id: identity.user_id } : { session_id: identity.session_id }

/**
 * Each beacon costs the main thread about 1-2 ms in Chromium (Blob + request dispatch), so
 * a long queue (a page of many ads mounted before the identity resolved) is sent in slices
 * of at most this long, yielding in between, instead of one long task.
 */
const FLUSH_SLICE_MS = 8

/** Sends what waited for the identity: when it resolves, or all at once, with the session_id alone, if the page goes away first. */
const flush = (identity: Identity, sliceMs: number) => {
  const started = Date.now()
  while (queue && queue.length > 0 && Date.now() - started < sliceMs) sendAdEvent(queue.shift() as string, bodyOf(identity))
  if (queue && queue.length > 0 && sliceMs !== Infinity) setTimeout(() => flush(identity, sliceMs), 0)
}

const enqueue = (url: string) => {
  if (!queue) {
    queue = []
    resolveIdentity().then((identity) => flush(identity, FLUSH_SLICE_MS))
    onPageHidden(() => flush(resolvedIdentity() || localIdentity(), Infinity))
  }
  queue.push(url)
}

/**
 * Records one ad event. `once`: impression and view (deduplicated per page view and
 * context); clicks are sent on every click (VTEX Ads deduplicates clicks within an hour).
 * Events that come before the identity is resolved wait for it instead of being dropped.
 */
export const trackAdEvent = (url: string | undefined, context: string, once: boolean) => {
  if (!isBeaconUrl(url)) return
  if (once) {
    startPageViewIfNew()
    const key = url + '\n' + context
    if (sent.has(key)) return
    sent.add(key)
  }
  const identity = resolvedIdentity()
  if (identity) sendAdEvent(url, bodyOf(identity))
  else enqueue(url)
}
