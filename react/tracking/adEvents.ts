import { localIdentity, resolveIdentity, resolvedIdentity, Identity } from '../identity/identity'
import { isBeaconUrl, sendAdEvent } from './transport'
import { onPageHidden } from './onPageHidden'
import { firstInPageView } from './pageView'

const bodyOf = (identity: Identity) =>
  identity.user_id ? { session_id: identity.session_id, user_id: identity.user_id } : { session_id: identity.session_id }

/**
 * Impressions and views are recorded synchronously (the decision is final when it is made)
 * but sent later, in idle slices: each beacon costs the main thread 1-2 ms in Chromium (Blob
 * plus the hand-off to the network process), so a page mounting many ads must not send them
 * inside its commit. Clicks are sent at once when the identity is known: the page may be
 * navigating away. Whatever is still queued when the page is hidden leaves then, all at once.
 */
const queue: string[] = []
let started = false
let scheduled = false

/** Longest run of beacons in one task. Idle callbacks only trigger a slice: one that fires on its timeout has no idle time left and must still send. */
const FLUSH_SLICE_MS = 8

const flushSlice = () => {
  scheduled = false
  if (queue.length === 0) return
  const body = bodyOf(resolvedIdentity() as Identity)
  const until = performance.now() + FLUSH_SLICE_MS
  do sendAdEvent(queue.shift() as string, body)
  while (queue.length > 0 && performance.now() < until)
  if (queue.length > 0) schedule()
}

/** Not in every browser (Safari), nor in the react builder's TypeScript 3.9 DOM types. */
type IdleScheduler = (callback: () => void, options: { timeout: number }) => number

const schedule = () => {
  if (scheduled || queue.length === 0 || !resolvedIdentity()) return
  scheduled = true
  const idle = (window as { requestIdleCallback?: IdleScheduler }).requestIdleCallback
  if (typeof idle === 'function') idle(flushSlice, { timeout: 1000 })
  else setTimeout(flushSlice, 1)
}

const flushAll = () => {
  const body = bodyOf(resolvedIdentity() || localIdentity())
  while (queue.length > 0) sendAdEvent(queue.shift() as string, body)
}

const enqueue = (url: string) => {
  if (!started) {
    started = true
    resolveIdentity().then(schedule)
    onPageHidden(flushAll)
  }
  queue.push(url)
  schedule()
}

/**
 * Records one ad event. `once`: impression and view, at most once per ad and context per
 * page view (see pageView.ts); clicks are sent on every click (VTEX Ads deduplicates clicks
 * within an hour). Nothing is dropped while the identity is unknown: it waits in the queue.
 */
export const trackAdEvent = (url: string | undefined, context: string, once: boolean) => {
  if (!isBeaconUrl(url)) return
  if (once) {
    // A valid beacon URL has no whitespace, so '\n' cannot make two keys collide.
    if (firstInPageView(context ? url + '\n' + context : url)) enqueue(url)
    return
  }
  const identity = resolvedIdentity()
  if (identity) sendAdEvent(url, bodyOf(identity))
  else enqueue(url)
}
