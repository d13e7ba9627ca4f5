import { UnmappableOrderError } from '../conversion/conversion'
import type { Destination, DestinationName } from '../destinations/destination'
import type { OrderStatusBroadcast } from '../order/broadcast'
import type { AppSettings } from '../settings/appSettings'
import { decideOnState, type TriggerDecision } from '../trigger/orderFlow'
import { claim, type ClaimFiles } from '../coordination/claims'
import { NO_DEADLINE, type Deadline } from '../coordination/deadline'
import { FINAL_STATUSES, type DeliveryRecord } from '../deliveryStore/ledger'
import { convertOrder, ProfileUnreadableError, type EmailLookup } from '../order/orderEmail'
import {
  deliverToDestination,
  recordCancellation,
  recordForDestinations,
  withOrderLock,
  type DeliveryDeps,
  type DeliveryResult,
} from './pipeline'
import { readOrder, type FetchOrder } from '../order/readOrder'
import { nextRetryAt, type RetryQueue } from '../deliveryStore/retryQueue'

export interface OrderStatusDeps extends DeliveryDeps {
  settings: AppSettings
  destinations: Destination[]
  /** The raw OMS answer for an order (checked before use). */
  readOrder: FetchOrder
  /** Reads a customer's e-mail from Master Data CL, for orders whose OMS e-mail is hard-masked. */
  lookupProfileEmail?: EmailLookup
  /** Where cross-replica claims live (VBase); without it only the in-process lock serializes. */
  claims?: ClaimFiles
  /** Orders to retry later without a broadcast (the scheduled run drains it). */
  retryQueue?: RetryQueue
  /** What is left of the handler's time (service.json `timeout`). */
  deadline?: Deadline
}

/**
 * How long a claim holds an order: longer than any handler may run (service.json `timeout`, 30 s,
 * which cuts the handler), so a live claimer never loses its claim while working; a crashed one's
 * is taken over this long after.
 */
export const CLAIM_LEASE_MS = 45_000
/** A claim held elsewhere: look at the order again shortly after it must have been released. */
const AFTER_LEASE_MS = 5_000

/** Thrown so the broadcaster delivers the event again: the failure is already in the ledger (and the retry queue). */
export class RetryableDeliveryError extends Error {
  constructor(
    readonly orderId: string,
    readonly reasons: string[]
  ) {
    super(`order ${orderId}: delivery will be retried (${reasons.join('; ')})`)
    this.name = 'RetryableDeliveryError'
  }
}

export interface OrderStatusResult {
  decision: TriggerDecision
  results: DeliveryResult[]
}

/**
 * One broadcast, start to finish: trigger rule → (ledger short-circuit) → claim → OMS order →
 * conversion → every enabled destination not yet final. Safe under duplicates, out-of-order
 * delivery and several replicas handling the same order at once.
 */
export function processOrderStatus(broadcast: OrderStatusBroadcast, deps: OrderStatusDeps): Promise<OrderStatusResult> {
  return withOrderLock(broadcast.orderId, () => processOrder(broadcast.orderId, broadcast.currentState, deps), deps.mutex)
}

/**
 * The same for an order the scheduled run picks up (retry queue, reconciliation, backfill): no
 * broadcast, so the OMS order's own status decides.
 */
export function processOrderFromOms(orderId: string, deps: OrderStatusDeps): Promise<OrderStatusResult> {
  return withOrderLock(orderId, () => processOrder(orderId, undefined, deps), deps.mutex)
}

const enabledDestinations = (deps: OrderStatusDeps) => deps.destinations.filter((destination) => destination.enabled(deps.settings))
const readRecords = (names: DestinationName[], orderId: string, deps: OrderStatusDeps) => Promise.all(names.map((name) => deps.ledger.get(name, orderId)))
const allFinal = (records: Array<DeliveryRecord | undefined>) => records.every((record) => record && FINAL_STATUSES.has(record.status))
const alreadyFinal = (orderId: string, decision: TriggerDecision, records: Array<DeliveryRecord | undefined>): OrderStatusResult => ({
  decision,
  results: records.map((record) => ({ destination: record!.destination, orderId, status: record!.status, alreadyFinal: true, retryable: false })),
})

/** Queues the order for a later retry (or moves it to its next due time). */
export async function queueRetry(orderId: string, deps: Pick<OrderStatusDeps, 'retryQueue' | 'now'>, dueAt?: number): Promise<void> {
  if (!deps.retryQueue) return
  const now = (deps.now ?? Date.now)()
  const existing = await deps.retryQueue.get(orderId)
  await deps.retryQueue.schedule({
    orderId,
    firstFailedAt: existing?.firstFailedAt ?? now,
    attempts: existing ? existing.attempts + 1 : 0,
    dueAt: dueAt ?? nextRetryAt(existing ? existing.attempts + 1 : 0, now),
  })
}

export const IN_FLIGHT = Symbol('in-flight')

/**
 * Runs `work` holding the order's cross-replica claim (when the deps have a claim store); answers
 * IN_FLIGHT, and queues the order to be looked at again, when another replica holds it.
 */
export async function underClaim<T>(orderId: string, deps: OrderStatusDeps, work: () => Promise<T>): Promise<T | typeof IN_FLIGHT> {
  const claimed = deps.claims ? await claim(deps.claims, orderId, { leaseMs: CLAIM_LEASE_MS, now: deps.now, random: deps.random, sleep: deps.sleep }) : undefined
  if (claimed && !claimed.won) {
    // Another replica is on it. If it crashes, its lease lapses and the queue brings the order back.
    await queueRetry(orderId, deps, claimed.heldUntil + AFTER_LEASE_MS)
    deps.logger.info({ message: 'order-in-flight-elsewhere', orderId })
    return IN_FLIGHT
  }
  try {
    return await work()
  } finally {
    if (claimed?.won) await claimed.claim.release()
  }
}

async function processOrder(orderId: string, broadcastState: string | undefined, deps: OrderStatusDeps): Promise<OrderStatusResult> {
  const enabled = enabledDestinations(deps)
  const names = enabled.map((destination) => destination.name)
  const trigger = deps.settings.conversionStatus
  const broadcastDecision = broadcastState === undefined ? undefined : decideOnState(broadcastState, trigger)
  if (enabled.length === 0 || broadcastDecision === 'ignore') return { decision: 'ignore', results: [] }

  // Duplicates and later statuses of a converted order end here, without a claim or an OMS read.
  const seen = await readRecords(names, orderId, deps)
  if (broadcastDecision === 'convert' && allFinal(seen)) return alreadyFinal(orderId, 'convert', seen)

  const outcome = await underClaim(orderId, deps, () => processClaimed(orderId, broadcastDecision, names, deps))
  if (outcome !== IN_FLIGHT) return outcome
  return { decision: broadcastDecision ?? 'convert', results: names.map((destination) => ({ destination, orderId, status: 'in-flight', retryable: false })) }
}

async function processClaimed(
  orderId: string,
  broadcastDecision: TriggerDecision | undefined,
  names: DestinationName[],
  deps: OrderStatusDeps
): Promise<OrderStatusResult> {
  if (broadcastDecision === 'cancel') {
    await recordCancellation(names, orderId, deps)
    await deps.retryQueue?.remove(orderId)
    return { decision: 'cancel', results: [] }
  }
  // Read again under the claim: another replica may have finished between the first read and the claim.
  const records = await readRecords(names, orderId, deps)
  // An order seen for the first time by a broadcast was never queued: no queue listing to clear it.
  // (A stray in-flight entry of it is cleared by the scheduled run, which finds the order delivered.)
  const mayBeQueued = broadcastDecision === undefined || records.some((record) => record !== undefined)
  const dequeue = async () => {
    if (mayBeQueued) await deps.retryQueue?.remove(orderId)
  }
  if (allFinal(records)) {
    await dequeue()
    return alreadyFinal(orderId, broadcastDecision ?? 'convert', records)
  }

  const read = await readOrder(orderId, deps.readOrder, { deadline: deps.deadline ?? NO_DEADLINE, sleep: deps.sleep ?? defaultSleep })
  if (read.kind !== 'order') {
    await recordForDestinations(names, orderId, { status: read.kind === 'transient' ? 'failed' : 'dead', reason: read.reason }, deps)
    deps.logger.warn({ message: 'order-unreadable', orderId, reason: read.reason })
    if (read.kind === 'final') {
      await dequeue()
      return { decision: broadcastDecision ?? 'convert', results: [] }
    }
    await queueRetry(orderId, deps)
    throw new RetryableDeliveryError(orderId, [read.reason])
  }
  const { order } = read

  // The OMS order is the source of truth: a broadcast may be older than a cancellation, and an
  // order the scheduled run picks up has no broadcast at all.
  if (order.status === 'canceled') {
    await recordCancellation(names, orderId, deps)
    await dequeue()
    return { decision: 'cancel', results: [] }
  }
  const decision = broadcastDecision ?? decideOnState(order.status ?? '', deps.settings.conversionStatus)
  if (decision !== 'convert') {
    await dequeue()
    return { decision, results: [] }
  }

  let conversion
  try {
    conversion = await convertOrder(order, deps.lookupProfileEmail)
  } catch (error) {
    if (error instanceof ProfileUnreadableError) {
      await recordForDestinations(names, orderId, { status: 'failed', reason: error.reason }, deps)
      deps.logger.warn({ message: 'profile-unreadable', orderId, reason: error.reason })
      await queueRetry(orderId, deps)
      throw new RetryableDeliveryError(orderId, [error.reason])
    }
    // Whatever the mapping could not take is this order's dead letter, never an exception the
    // platform would redeliver forever.
    const reason = `unmappable-order: ${error instanceof UnmappableOrderError ? error.reason : (error as Error).message}`.slice(0, 300)
    await recordForDestinations(names, orderId, { status: 'dead', reason }, deps)
    await dequeue()
    deps.logger.warn({ message: 'order-unmappable', orderId, reason })
    return { decision, results: [] }
  }

  const enabled = enabledDestinations(deps)
  const results = await Promise.all(
    enabled.map((destination, index) => deliverToDestination(destination, conversion, deps.settings, deps, { existing: records[index] }))
  )
  const retryable = results.filter((result) => result.retryable)
  if (retryable.length > 0) {
    await queueRetry(orderId, deps)
    throw new RetryableDeliveryError(
      orderId,
      retryable.map((result) => `${result.destination}: ${result.reason}`)
    )
  }
  await dequeue()
  return { decision, results }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
