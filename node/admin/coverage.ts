import type { DestinationName } from '../destinations/destination'
import type { Condition } from '../ledgerIndex/where'
import { fieldOf } from '../ledgerIndex/document'
import { DAY_MS, type IndexReader } from './indexReader'

/**
 * Skip reasons the destinations and the pipeline record today (the code before the reason's
 * colon). Skips with any other code are counted under `other`, so the list always adds up.
 */
export const KNOWN_SKIP_REASONS = ['consent-refused', 'no-user-id', 'no-identity', 'no-attribution-key', 'no-sale-items', 'canceled-before-send'] as const
/** The reason code every destination records on an order whose shopper refused consent (skipped, or sent with less). */
export const CONSENT_REFUSED_CODE = 'consent-refused'
export const OTHER_REASON = 'other'

export interface IdentityCoverage {
  destination: DestinationName
  since: string
  /** Orders mapped into a conversion for this destination in the window: the base of every share. */
  converted: number
  /** Sales that carried the storefront's session id (the storefront part ran on the shopper's journey). */
  sessionId: number
  /**
   * Sales without a storefront session (placed before the pixel ran, telesales, marketplace, app, a
   * failed customData write) and no refusal: still sent to VTEX Ads, with a session id of their own.
   */
  noStorefrontSession: number
  /** Sales whose shopper refused consent: not sent to VTEX Ads or OpenAI, sent to impact with the coupon only. */
  consentRefused: number
  userId: number
  impactClickId: number
  oppref: number
  skipped: number
  skippedReasons: Array<{ reason: string; count: number }>
}

export const COVERAGE_DAYS = { default: 7, max: 90 }

/**
 * How many converted orders carried each id (the storefront part works when session_id is near
 * 100 %), and why deliveries were skipped. Counted over one destination's records, one per order.
 *
 * The sales split three ways from the index's existing fields (no new indexed field): with a
 * storefront session (`hasSessionId`), consent refused (every destination records the reason code
 * `consent-refused` on such an order, and a refusal carries no session id: the storefront removed
 * it and the service reads none after a refusal), and the rest, without a storefront session.
 * A refused order that later turned into a dead letter (impact only: VTEX Ads and OpenAI skip it,
 * which is final) carries the dead letter's reason instead, and is counted without session.
 */
export async function readIdentityCoverage(index: IndexReader, destination: DestinationName, days: number, nowMs: number): Promise<IdentityCoverage> {
  const fromMs = nowMs - days * DAY_MS
  const reasonCode = fieldOf(destination, 'ReasonCode')
  const base: Condition[] = [{ field: fieldOf(destination, 'StatusAtMs'), greaterThan: fromMs }]
  const mapped: Condition[] = [...base, { field: 'mapped', equals: true }]
  const skipped: Condition[] = [...base, { field: fieldOf(destination, 'Status'), equals: 'skipped' }]
  const [converted, sessionId, userId, impactClickId, oppref, consentRefused, skippedTotal, ...byReason] = await Promise.all([
    index.count(mapped),
    index.count([...mapped, { field: 'hasSessionId', equals: true }]),
    index.count([...mapped, { field: 'hasUserId', equals: true }]),
    index.count([...mapped, { field: 'hasImpactClickId', equals: true }]),
    index.count([...mapped, { field: 'hasOppref', equals: true }]),
    index.count([...mapped, { field: reasonCode, equals: CONSENT_REFUSED_CODE }]),
    index.count(skipped),
    ...KNOWN_SKIP_REASONS.map((reason) => index.count([...skipped, { field: reasonCode, equals: reason }])),
  ])
  const known = KNOWN_SKIP_REASONS.map((reason, i) => ({ reason, count: byReason[i] }))
  const other = skippedTotal - known.reduce((sum, entry) => sum + entry.count, 0)
  const skippedReasons = [...known, { reason: OTHER_REASON, count: other }].filter((entry) => entry.count > 0).sort((a, b) => b.count - a.count)
  // Searches are counted one by one while writes go on: never below zero.
  const noStorefrontSession = Math.max(0, converted - sessionId - consentRefused)
  return {
    destination,
    since: new Date(fromMs).toISOString(),
    converted,
    sessionId,
    noStorefrontSession,
    consentRefused,
    userId,
    impactClickId,
    oppref,
    skipped: skippedTotal,
    skippedReasons,
  }
}
