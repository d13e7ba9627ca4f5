import type { DestinationName } from '../destinations/destination'
import type { Condition } from '../ledgerIndex/where'
import { DAY_MS, type IndexReader } from './indexReader'

/**
 * Skip reasons the destinations and the pipeline record today (the code before the reason's
 * colon). Skips with any other code are counted under `other`, so the list always adds up.
 */
export const KNOWN_SKIP_REASONS = ['no-identity', 'no-attribution-key', 'no-sale-items', 'canceled-before-send'] as const
export const OTHER_REASON = 'other'

export interface IdentityCoverage {
  destination: DestinationName
  since: string
  /** Orders mapped into a conversion for this destination in the window: the base of every share. */
  converted: number
  sessionId: number
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
 */
export async function readIdentityCoverage(index: IndexReader, destination: DestinationName, days: number, nowMs: number): Promise<IdentityCoverage> {
  const fromMs = nowMs - days * DAY_MS
  const base: Condition[] = [
    { field: 'destination', equals: destination },
    { field: 'statusAtMs', greaterThan: fromMs },
  ]
  const mapped: Condition[] = [...base, { field: 'mapped', equals: true }]
  const skipped: Condition[] = [...base, { field: 'status', equals: 'skipped' }]
  const [converted, sessionId, userId, impactClickId, oppref, skippedTotal, ...byReason] = await Promise.all([
    index.count(mapped),
    index.count([...mapped, { field: 'hasSessionId', equals: true }]),
    index.count([...mapped, { field: 'hasUserId', equals: true }]),
    index.count([...mapped, { field: 'hasImpactClickId', equals: true }]),
    index.count([...mapped, { field: 'hasOppref', equals: true }]),
    index.count(skipped),
    ...KNOWN_SKIP_REASONS.map((reason) => index.count([...skipped, { field: 'reasonCode', equals: reason }])),
  ])
  const known = KNOWN_SKIP_REASONS.map((reason, i) => ({ reason, count: byReason[i] }))
  const other = skippedTotal - known.reduce((sum, entry) => sum + entry.count, 0)
  const skippedReasons = [...known, { reason: OTHER_REASON, count: other }].filter((entry) => entry.count > 0).sort((a, b) => b.count - a.count)
  return { destination, since: new Date(fromMs).toISOString(), converted, sessionId, userId, impactClickId, oppref, skipped: skippedTotal, skippedReasons }
}
