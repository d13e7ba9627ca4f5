import type { DestinationName } from '../destinations/destination'
import { FINAL_STATUSES, type DeliveryRecord } from './ledger'
import { deliveryOf, withDelivery, type OrderRecord } from './orderRecord'

/**
 * Every change of an order's record, named: the broadcast, the scheduled run and the replay all
 * go through these (applied by recordTransition, which re-applies one on a 412). Pure: from the
 * record as read (or nothing) to the next one; `undefined` means there is nothing to write.
 *
 * - delivered: what one run of the pipeline did per destination (sent, skipped, failed, dead).
 *   A final state already in the record wins over a non-final outcome computed against an older
 *   read (another writer finished first); nothing ever turns a final state back, except replayed.
 * - failed / dead: the same reason for every destination not yet final, when the order never
 *   reached mapping (unreadable, unmappable, profile unreadable).
 * - canceled: a sent (or skipped, dead) delivery keeps its state and gets `canceledAt`; one not
 *   yet sent becomes skipped `canceled-before-send`.
 * - gaveUp: after the retry queue's bound, a still-failing delivery is dead `gave-up`.
 * - replayed: an admin replay's outcome replaces a dead or failed delivery.
 */
export type Transition = (current: OrderRecord | undefined) => OrderRecord | undefined

const apply = (current: OrderRecord | undefined, deliveries: DeliveryRecord[]): OrderRecord | undefined =>
  deliveries.reduce<OrderRecord | undefined>((record, delivery) => withDelivery(record, delivery), current)

const isFinal = (delivery: DeliveryRecord | undefined): boolean => delivery !== undefined && FINAL_STATUSES.has(delivery.status)

/** Outcomes of one pipeline run, one per destination it worked on. */
export const delivered =
  (deliveries: DeliveryRecord[]): Transition =>
  (current) => {
    const changes = deliveries.filter((delivery) => !isFinal(deliveryOf(current, delivery.destination)))
    return changes.length === 0 ? undefined : apply(current, changes)
  }

/** Aliases that say which outcome a caller records; the rule is `delivered`'s. */
export const sent = delivered
export const skipped = delivered

interface Blanket {
  names: DestinationName[]
  orderId: string
  reason: string
  at: string
}

const blanket = (status: 'failed' | 'dead', { names, orderId, reason, at }: Blanket, errors?: unknown[]): Transition => (current) => {
  const changes = names
    .map((destination) => ({ destination, existing: deliveryOf(current, destination) }))
    .filter(({ existing }) => !isFinal(existing))
    .map(
      ({ destination, existing }): DeliveryRecord => ({
        destination,
        orderId,
        attempts: existing?.attempts ?? 0,
        createdAt: existing?.createdAt ?? at,
        ...existing,
        status,
        reason,
        ...(errors ? { errors } : {}),
        lastError: status === 'failed' ? reason : existing?.lastError,
        updatedAt: at,
        leaseUntil: undefined,
      })
    )
  return changes.length === 0 ? undefined : apply(current, changes)
}

/** Every destination not yet final: failed with this reason (retried later). */
export const failed = (change: Blanket): Transition => blanket('failed', change)

/** Every destination not yet final: dead with this reason (replayable from the admin). */
export const dead = (change: Blanket): Transition => blanket('dead', change)

/** The order was canceled: recorded on what was sent; what was not sent never will be. */
export const canceled =
  ({ names, orderId, at }: Omit<Blanket, 'reason'>): Transition =>
  (current) => {
    const changes = names.flatMap((destination): DeliveryRecord[] => {
      const existing = deliveryOf(current, destination)
      if (existing?.canceledAt) return []
      if (existing && isFinal(existing)) return [{ ...existing, canceledAt: at, updatedAt: at }]
      return [
        {
          destination,
          orderId,
          attempts: existing?.attempts ?? 0,
          createdAt: existing?.createdAt ?? at,
          status: 'skipped',
          reason: 'canceled-before-send',
          canceledAt: at,
          updatedAt: at,
        },
      ]
    })
    return changes.length === 0 ? undefined : apply(current, changes)
  }

/** Deliveries still failing past the retry queue's bound: dead, with the last reason. */
export const gaveUp =
  ({ names, hours, at }: { names: DestinationName[]; hours: number; at: string }): Transition =>
  (current) => {
    const changes = names.flatMap((destination): DeliveryRecord[] => {
      const existing = deliveryOf(current, destination)
      if (!existing || isFinal(existing)) return []
      const reason = `gave-up: still failing after ${hours} h (${existing.reason ?? existing.lastError ?? 'unknown'})`
      return [{ ...existing, status: 'dead', reason, leaseUntil: undefined, updatedAt: at }]
    })
    return changes.length === 0 ? undefined : apply(current, changes)
  }

/** A replay's outcomes: they replace the dead or failed deliveries they were computed from (never a sent one). */
export const replayed =
  (deliveries: DeliveryRecord[]): Transition =>
  (current) => {
    const changes = deliveries.filter((delivery) => {
      const existing = deliveryOf(current, delivery.destination)
      return !existing || existing.status === 'dead' || existing.status === 'failed'
    })
    return changes.length === 0 ? undefined : apply(current, changes)
  }

/** The destinations whose delivery this transition changed: what the caller logs. */
export const changedDestinations = (before: OrderRecord | undefined, after: OrderRecord | undefined): DestinationName[] =>
  after ? (Object.keys(after.deliveries) as DestinationName[]).filter((name) => deliveryOf(before, name) !== deliveryOf(after, name)) : []
