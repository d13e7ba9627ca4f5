import { adsIdentity, onIdentityChange, startIdentity } from '../identity/identity'
import type { AdPageContext } from './pageContext'
import type { PlacementRequest, SponsoredAd } from './types'

/**
 * One Get ads query per page for every sponsored block placed on it (Get ads takes several
 * placements per request; with `dedupAds` it repeats no ad, and the service no product, across
 * them). Blocks register their placement when they mount; the query leaves once the identity for
 * ads is known and the blocks of the same render had their turn (a macrotask after the first), so
 * blocks rendered together share one request. A block mounted after the query left (lazy, below
 * the fold) starts the next one. Identical placements (the search badge of every product card)
 * are asked once.
 *
 * No ad is better than a slow page: an answer later than CLIENT_DEADLINE_MS after the query left
 * counts as no ads (the service itself answers within 600 ms; this adds the store's GraphQL
 * gateway and the network).
 */
export const CLIENT_DEADLINE_MS = 1000

export interface PageAds extends AdPageContext {
  channel: 'site' | 'msite'
}

export interface AdQueryInput extends PageAds {
  sessionId: string
  userId?: string
  /** Get ads' `userAgent`: "for browsers, use navigator.userAgent" (developers.vtex.com, Retrieving ads). */
  userAgent?: string
  placements: PlacementRequest[]
  dedupAds: boolean
}

/** Runs the sponsoredAds query; resolves with its placements in the order asked. */
export type RunAdQuery = (input: AdQueryInput) => Promise<Array<{ name: string; ads: SponsoredAd[] }> | undefined>

/** `null`: settled without ads (none answered, an error, or too late). */
type Deliver = (ads: SponsoredAd[] | null) => void

/**
 * The page's last ad queries, newest last, for the debug overlay (react/debug/, loaded only in
 * debug mode, after they left): what was asked, when it left and settled (performance.now()), and
 * the placements of the answer; no placements: the deadline came first (settled
 * CLIENT_DEADLINE_MS after it left) or it failed. Ids and page context only, as the query itself.
 */
export interface AdQueryRecord {
  input: AdQueryInput
  sentAt: number
  settledAt?: number
  placements?: Array<{ name: string; ads: SponsoredAd[] }>
}
export const adQueryLog: AdQueryRecord[] = []

interface Waiter {
  placement: PlacementRequest
  deliver: Deliver
}

interface Batch {
  key: string
  waiters: Waiter[]
  ready: boolean
}

let collecting: Batch | undefined

const placementKey = (placement: PlacementRequest) =>
  [placement.name || '', placement.position, placement.types.join(','), placement.size || '', (placement.assetTypes || []).join(',')].join('|')

/** The distinct placements of a batch (largest quantity wins) and, per waiter, the index of its placement. */
export const mergePlacements = (waiters: Waiter[]) => {
  const keys: string[] = []
  const placements: PlacementRequest[] = []
  const indexOf = waiters.map((waiter) => {
    const key = placementKey(waiter.placement)
    let at = keys.indexOf(key)
    if (at < 0) {
      at = keys.push(key) - 1
      placements.push(waiter.placement)
    } else if (waiter.placement.quantity > placements[at].quantity) placements[at] = waiter.placement
    return at
  })
  return { placements, indexOf }
}

const send = (batch: Batch, page: PageAds, run: RunAdQuery) => {
  const identity = adsIdentity()
  if (!batch.ready || !identity || collecting !== batch) return false
  collecting = undefined
  const { placements, indexOf } = mergePlacements(batch.waiters)
  const input: AdQueryInput = { ...page, sessionId: identity.session_id, userId: identity.user_id, userAgent: navigator.userAgent, placements, dedupAds: placements.length > 1 }
  const record: AdQueryRecord = { input, sentAt: performance.now() }
  if (adQueryLog.push(record) > 20) adQueryLog.shift()
  let settled = false
  const settle = (answer: Array<{ name: string; ads: SponsoredAd[] }> | undefined) => {
    if (settled) return
    settled = true
    record.settledAt = performance.now()
    record.placements = answer
    batch.waiters.forEach((waiter, index) => {
      const ads = answer && answer[indexOf[index]] && answer[indexOf[index]].ads
      waiter.deliver(ads && ads.length > 0 ? ads : null)
    })
  }
  setTimeout(() => settle(undefined), CLIENT_DEADLINE_MS)
  run(input).then(settle, () => settle(undefined))
  return true
}

/** Adds a block's placement to the page's query; returns the cancel (unmount: nothing is delivered). */
export const requestAds = (page: PageAds, placement: PlacementRequest, deliver: Deliver, run: RunAdQuery): (() => void) => {
  startIdentity()
  const key = JSON.stringify(page)
  let live = true
  const waiter: Waiter = { placement, deliver: (ads) => live && deliver(ads) }
  if (collecting && collecting.key === key) {
    collecting.waiters.push(waiter)
  } else {
    const batch: Batch = (collecting = { key, waiters: [waiter], ready: false })
    const stop = onIdentityChange(() => send(batch, page, run) && stop())
    setTimeout(() => {
      batch.ready = true
      if (send(batch, page, run)) stop()
    }, 0)
  }
  return () => {
    live = false
  }
}
