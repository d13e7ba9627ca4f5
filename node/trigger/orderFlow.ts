import type { ConversionTrigger } from '../settings/appSettings'

/**
 * Position of each OMS status in the order flow, so "at or past the trigger" is a comparison:
 * a store whose flow skips the trigger status (or a broadcast that was lost) still converts at
 * the next status. Statuses off the main path (payment-denied, cancellation-requested, replaced)
 * are not progress and never trigger.
 */
const FLOW_RANK: Record<string, number> = {
  'order-created': 0,
  'order-completed': 1,
  'on-order-completed': 1,
  'payment-pending': 2,
  'approve-payment': 2,
  'payment-approved': 3,
  'waiting-for-seller-decision': 4,
  'waiting-for-sellers-confirmation': 4,
  'authorize-fulfillment': 4,
  'waiting-ffmt-authorization': 4,
  'window-to-cancel': 4,
  'ready-for-handling': 5,
  'start-handling': 6,
  handling: 6,
  invoice: 7,
  invoiced: 8,
}

export const CANCELED_STATUS = 'canceled'

export type TriggerDecision = 'convert' | 'cancel' | 'ignore'

/** Pure: what a broadcast of `state` means for an order whose trigger is `trigger`. */
export function decideOnState(state: string, trigger: ConversionTrigger): TriggerDecision {
  if (state === CANCELED_STATUS) return 'cancel'
  const rank = FLOW_RANK[state]
  if (rank === undefined) return 'ignore'
  return rank >= FLOW_RANK[trigger] ? 'convert' : 'ignore'
}
