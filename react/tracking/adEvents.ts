import { currentIdentity, eventIdentity, Identity, leavingIdentity, onIdentityChange, startIdentity } from '../identity/identity'
import { isBeaconUrl, sendAdEvent } from './transport'
import { firstInPageView } from './pageView'

/**
 * Every event is recorded at once (the decision is final when it is made) and sent at most once
 * per ad and context per page view (VTEX Ads 5.6: "make sure each event is sent only once for the
 * same Ad and context"); for clicks that means once however the ad is opened or acted on.
 *
 * Sending: a sendBeacon call costs the main thread about 1-5 ms in Chromium (more with a slow
 * CPU), so events go out from idle callbacks, never inside a render, in slices that stop after
 * SLICE_MS (one event at least): a task of ours holds SLICE_MS plus one call at most, however
 * many ads a page shows. A click goes at once when the
 * identity is known (the page may be navigating away). Nothing waits longer than the identity:
 * whatever is queued when the page is hidden leaves then, with the identity known by then (see
 * leavingIdentity when it is still undecided).
 */
const queue: string[] = []
let started = false
let scheduled = false

const SLICE_MS = 4

/** Not in every browser (Safari), nor in the react builder's TypeScript 3.9 DOM types. */
type IdleScheduler = (callback: () => void, options: { timeout: number }) => number

const sendSlice = () => {
  scheduled = false
  const identity = eventIdentity()
  if (!identity) return
  const until = performance.now() + SLICE_MS
  while (queue.length > 0) {
    sendAdEvent(queue.shift() as string, identity)
    if (performance.now() >= until) break
  }
  schedule()
}

function schedule() {
  if (scheduled || queue.length === 0 || !eventIdentity()) return
  scheduled = true
  const idle = (window as { requestIdleCallback?: IdleScheduler }).requestIdleCallback
  if (idle) idle(sendSlice, { timeout: 1000 })
  else setTimeout(sendSlice, 1)
}

const sendAll = () => {
  if (queue.length === 0) return
  const identity: Identity = eventIdentity() || currentIdentity() || leavingIdentity()
  while (queue.length > 0) sendAdEvent(queue.shift() as string, identity)
}

const enqueue = (url: string) => {
  if (!started) {
    started = true
    startIdentity()
    onIdentityChange(schedule)
    // The page may be about to go away (tab hidden, navigation, close): the last moment a queued beacon can still leave.
    addEventListener('pagehide', sendAll, true)
    addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && sendAll(), true)
  }
  queue.push(url)
  schedule()
}

/**
 * Records one ad event of an ad shown in `context`; repeats within the page view are dropped.
 * `click`: the page may be leaving, so it goes at once when it can.
 */
export const trackAdEvent = (url: string | undefined, context: string, click?: boolean) => {
  // A valid beacon URL has no whitespace, so '\n' cannot make two keys collide.
  if (!isBeaconUrl(url) || !firstInPageView(context ? url + '\n' + context : url)) return
  enqueue(url)
  // The page may be leaving: with the identity known, the click and what was queued before it go now, in order.
  if (click && eventIdentity()) sendAll()
}
