import { UnmappableOrderError } from '../conversion/conversion'
import type { Destination, DestinationName } from '../destinations/destination'
import type { OrderStatusBroadcast } from '../order/broadcast'
import type { AppSettings } from '../settings/appSettings'
import { decideOnState, type TriggerDecision } from '../trigger/orderFlow'
import { claimOrder, releasing } from '../coordination/orderClaim'
import type { NameFiles } from '../deliveryStore/nameFiles'
import { NO_DEADLINE, type Deadline } from '../coordination/deadline'
import { FINAL_STATUSES } from '../deliveryStore/ledger'
import { convertOrder, ProfileUnreadableError, type EmailLookup } from '../order/orderEmail'
import { deliverToDestination, withOrderLock, type DeliveryDeps, type DeliveryResult } from './pipeline'
import { readOrder, type FetchOrder } from '../order/readOrder'
import { nextRetryAt, type RetryQueue } from '../deliveryStore/retryQueue'
import { deliveriesOf, deliveryOf, type OrderRecord } from '../deliveryStore/orderRecord'
import type { OrderRecordStore, StoredRecord } from '../deliveryStore/recordStore'
import { recordTransition } from '../deliveryStore/recordTransition'
import { canceled, dead, delivered, failed, type Transition } from '../deliveryStore/transitions'
import { legacyRecordOf, type LegacyLedger, type StateStore } from '../deliveryStore/migration'
import { enabledDestinations } from '../destinations'
import { sleep } from '../lib/sleep'
import { statusOf } from '../lib/httpStatus'

export interface OrderStatusDeps extends DeliveryDeps {
  settings: AppSettings
  destinations: Destination[]
  /** One record per order (VBase; the admin's index follows each save). */
  records: OrderRecordStore
  /** The raw OMS answer for an order (checked before use). */
  readOrder: FetchOrder
  /** Reads a customer's e-mail from Master Data CL, for orders whose OMS e-mail is hard-masked. */
  lookupProfileEmail?: EmailLookup
  /** Claim files, in the records' bucket (coordination/orderClaim.ts); without it only the in-process lock serializes. */
  claims?: NameFiles
  /** Per-destination files of earlier versions, looked up until their migration is done. */
  legacy?: { legacy: LegacyLedger; state: StateStore }
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

/** Thrown so the broadcaster delivers the event again: the failure is already recorded (and queued). */
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
 * One broadcast, start to finish, in this order: trigger rule → (the record, when one may exist:
 * final → stop) → claim → OMS order → conversion → every destination not yet final, in parallel
 * → one record write (the index follows it). Safe under duplicates, out-of-order delivery and
 * several replicas handling the same order at once.
 */
export function processOrderStatus(broadcast: OrderStatusBroadcast, deps: OrderStatusDeps): Promise<OrderStatusResult> {
  // A broadcast whose previous state was already at or past the trigger comes after the one that
  // converted the order: its record is read first (one GET ends it). The broadcast that crosses
  // the trigger goes straight to the claim, whose listing shows whether a record exists.
  const recordExpected =
    broadcast.lastState !== undefined && decideOnState(broadcast.lastState, deps.settings.conversionStatus) !== 'ignore'
  return withOrderLock(broadcast.orderId, () => processOrder(broadcast.orderId, broadcast.currentState, recordExpected, deps), deps.mutex)
}

/**
 * The same for an order the scheduled run picks up (retry queue, reconciliation, backfill): no
 * broadcast, so the OMS order's own status decides.
 */
export function processOrderFromOms(orderId: string, deps: OrderStatusDeps): Promise<OrderStatusResult> {
  return withOrderLock(orderId, () => processOrder(orderId, undefined, true, deps), deps.mutex)
}

export const enabledNames = (deps: Pick<OrderStatusDeps, 'destinations' | 'settings'>): DestinationName[] =>
  enabledDestinations(deps.destinations, deps.settings).map((destination) => destination.name)
export const allFinal = (record: OrderRecord | undefined, names: DestinationName[]): boolean =>
  names.every((name) => {
    const delivery = deliveryOf(record, name)
    return delivery !== undefined && FINAL_STATUSES.has(delivery.status)
  })
const alreadyFinal = (
  orderId: string,
  decision: TriggerDecision,
  record: OrderRecord | undefined,
  names: DestinationName[]
): OrderStatusResult => ({
  decision,
  results: deliveriesOf(record)
    .filter((delivery) => names.includes(delivery.destination))
    .map((delivery) => ({ destination: delivery.destination, orderId, status: delivery.status, alreadyFinal: true, retryable: false })),
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

/** What the holder of an order's claim works with: the record as read under it, and one way to write it. */
export interface ClaimedOrder {
  orderId: string
  /** The record as read under the claim (with its ETag), folded from the old files if it has none yet. */
  stored: StoredRecord | null
  /**
   * The holder's one write: the transition applied with If-Match (a creation when there was no
   * record), naming the claim as over. Call it last, at most once.
   */
  write(transition: Transition): Promise<OrderRecord | undefined>
  /** For a holder that writes nothing: lets the claim go (a delete). */
  release(): Promise<void>
  /** True once written or released. */
  readonly finished: boolean
}

/** The order held (claim won), or who holds it: the record it saw either way. */
export type HoldResult = ClaimedOrder | { heldUntil: number; stored: StoredRecord | null }

/**
 * Takes the order's cross-replica claim (coordination/orderClaim.ts; without a claim store, only
 * the in-process lock holds it) and reads the record under it: from the claim's listing, or the old
 * per-destination files while their migration is not done.
 */
export async function holdOrder(orderId: string, deps: OrderStatusDeps): Promise<HoldResult> {
  const now = deps.now ?? Date.now
  const claimed = deps.claims
    ? await claimOrder(deps.claims, deps.records, orderId, {
        leaseMs: CLAIM_LEASE_MS,
        now: deps.now,
        random: deps.random,
        sleep: deps.sleep,
      })
    : { won: true as const, claim: undefined, stored: (await deps.records.get(orderId)) ?? null }
  if (!claimed.won) return { heldUntil: claimed.heldUntil, stored: claimed.stored }
  const legacy = !claimed.stored && deps.legacy ? await legacyRecordOf(orderId, enabledNames(deps), deps.legacy) : undefined
  const stored: StoredRecord | null = claimed.stored ?? (legacy ? { record: legacy } : null)
  let finished = false
  return {
    orderId,
    stored,
    get finished() {
      return finished
    },
    async write(transition) {
      finished = true
      const { record, written } = await persistently(deps, orderId, () =>
        recordTransition(deps.records, orderId, transition, { known: stored, releasedClaims: releasing(claimed.claim, now()) })
      )
      // Nothing changed, so no record names the claim as over: let it go.
      if (!written) await claimed.claim?.release()
      return record
    },
    async release() {
      finished = true
      await claimed.claim?.release()
    },
  }
}

/** Below this much time left, the write is not tried again: the answer must still reach the platform in time. */
const WRITE_RETRY_RESERVE_MS = 1_500
const WRITE_RETRY_WAITS_MS = [250, 500, 1_000, 2_000]

/**
 * The holder's one write, tried again while VBase fails (5xx, no answer) and the handler has time:
 * it records what the destinations already accepted, and an unrecorded send is sent again by the
 * next holder once the claim's lease runs out. Each try is cut at the time left (a hung VBase
 * request goes on alone). A 412 is recordTransition's to handle; what still fails is thrown, logged
 * as `order-record-unwritten` (the destinations' dedup keys are then the last line).
 */
async function persistently<T>(deps: OrderStatusDeps, orderId: string, write: () => Promise<T>): Promise<T> {
  const deadline = deps.deadline ?? NO_DEADLINE
  for (let attempt = 0; ; attempt++) {
    try {
      return await withinTime(write(), deadline.remainingMs() - WRITE_RETRY_RESERVE_MS)
    } catch (error) {
      const wait = WRITE_RETRY_WAITS_MS[Math.min(attempt, WRITE_RETRY_WAITS_MS.length - 1)]
      if (deadline.remainingMs() - wait < WRITE_RETRY_RESERVE_MS * 2) {
        deps.logger.warn({
          message: 'order-record-unwritten',
          orderId,
          attempts: attempt + 1,
          status: statusOf(error),
          error: (error as Error).message?.slice(0, 200),
        })
        throw error
      }
      await (deps.sleep ?? sleep)(wait)
    }
  }
}

function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  if (!Number.isFinite(ms)) return work
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`record write took over ${Math.max(0, Math.round(ms))} ms`)), Math.max(0, ms))
  })
  work.catch(() => undefined)
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

export const isHeld = (hold: HoldResult): hold is ClaimedOrder => 'write' in hold

/**
 * Runs `work` holding the order; answers IN_FLIGHT, and queues the order to be looked at again,
 * when another replica holds it. `stopIfFinal`: a claimer that loses but finds the record final
 * (a duplicate of a broadcast already delivered) stops there, without queueing.
 */
export async function underClaim<T>(
  orderId: string,
  deps: OrderStatusDeps,
  work: (claimed: ClaimedOrder) => Promise<T>,
  stopIfFinal?: (record: OrderRecord) => T | undefined
): Promise<T | typeof IN_FLIGHT> {
  const hold = await holdOrder(orderId, deps)
  if (!isHeld(hold)) {
    const stopped = hold.stored ? stopIfFinal?.(hold.stored.record) : undefined
    if (stopped !== undefined) return stopped
    // Another replica is on it. If it crashes, its lease lapses and the queue brings the order back.
    await queueRetry(orderId, deps, hold.heldUntil + AFTER_LEASE_MS)
    deps.logger.info({ message: 'order-in-flight-elsewhere', orderId })
    return IN_FLIGHT
  }
  try {
    return await work(hold)
  } finally {
    // A holder that ended without its write (an exception): the claim goes, so nobody waits for the lease.
    if (!hold.finished) await hold.release()
  }
}

async function processOrder(
  orderId: string,
  broadcastState: string | undefined,
  recordExpected: boolean,
  deps: OrderStatusDeps
): Promise<OrderStatusResult> {
  const names = enabledNames(deps)
  const broadcastDecision = broadcastState === undefined ? undefined : decideOnState(broadcastState, deps.settings.conversionStatus)
  if (names.length === 0 || broadcastDecision === 'ignore') return { decision: 'ignore', results: [] }

  // Duplicates and later statuses of a converted order end here: one read, no claim, no OMS read.
  if (recordExpected && broadcastDecision === 'convert') {
    const seen = await deps.records.get(orderId)
    if (allFinal(seen?.record, names)) return alreadyFinal(orderId, 'convert', seen?.record, names)
  }

  const stopIfFinal = (record: OrderRecord) =>
    broadcastDecision === 'convert' && allFinal(record, names) ? alreadyFinal(orderId, 'convert', record, names) : undefined
  const outcome = await underClaim(orderId, deps, (claimed) => processClaimed(claimed, broadcastDecision, names, deps), stopIfFinal)
  if (outcome !== IN_FLIGHT) return outcome
  return {
    decision: broadcastDecision ?? 'convert',
    results: names.map((destination) => ({ destination, orderId, status: 'in-flight', retryable: false })),
  }
}

/** read → map → deliver to every destination not yet final (in parallel) → one record write. */
async function processClaimed(
  claimed: ClaimedOrder,
  broadcastDecision: TriggerDecision | undefined,
  names: DestinationName[],
  deps: OrderStatusDeps
): Promise<OrderStatusResult> {
  const { orderId } = claimed
  const now = deps.now ?? Date.now
  const at = () => new Date(now()).toISOString()
  const record = claimed.stored?.record
  // An order seen for the first time by a broadcast was never queued: no queue listing to clear it.
  // (A stray in-flight entry of it is cleared by the scheduled run, which finds the order delivered.)
  const mayBeQueued = broadcastDecision === undefined || record !== undefined
  const dequeue = async () => {
    if (mayBeQueued) await deps.retryQueue?.remove(orderId)
  }
  if (broadcastDecision === 'cancel') {
    await claimed.write(canceled({ names, orderId, at: at() }))
    await deps.retryQueue?.remove(orderId)
    return { decision: 'cancel', results: [] }
  }
  if (allFinal(record, names)) {
    await claimed.release()
    await dequeue()
    return alreadyFinal(orderId, broadcastDecision ?? 'convert', record, names)
  }

  const read = await readOrder(orderId, deps.readOrder, { deadline: deps.deadline ?? NO_DEADLINE, sleep: deps.sleep ?? sleep })
  if (read.kind !== 'order') {
    const change = { names, orderId, reason: read.reason, at: at() }
    await claimed.write(read.kind === 'transient' ? failed(change) : dead(change))
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
    await claimed.write(canceled({ names, orderId, at: at() }))
    await dequeue()
    return { decision: 'cancel', results: [] }
  }
  const decision = broadcastDecision ?? decideOnState(order.status ?? '', deps.settings.conversionStatus)
  if (decision !== 'convert') {
    await claimed.release()
    await dequeue()
    return { decision, results: [] }
  }

  let conversion
  try {
    conversion = await convertOrder(order, deps.lookupProfileEmail)
  } catch (error) {
    if (error instanceof ProfileUnreadableError) {
      await claimed.write(failed({ names, orderId, reason: error.reason, at: at() }))
      deps.logger.warn({ message: 'profile-unreadable', orderId, reason: error.reason })
      await queueRetry(orderId, deps)
      throw new RetryableDeliveryError(orderId, [error.reason])
    }
    // Whatever the mapping could not take is this order's dead letter, never an exception the
    // platform would redeliver forever.
    const reason = `unmappable-order: ${error instanceof UnmappableOrderError ? error.reason : (error as Error).message}`.slice(0, 300)
    await claimed.write(dead({ names, orderId, reason, at: at() }))
    await dequeue()
    deps.logger.warn({ message: 'order-unmappable', orderId, reason })
    return { decision, results: [] }
  }

  const enabled = deps.destinations.filter((destination) => names.includes(destination.name))
  const deliveries = await Promise.all(
    enabled.map((destination) =>
      deliverToDestination(destination, conversion, deps.settings, deps, { existing: deliveryOf(record, destination.name) })
    )
  )
  await claimed.write(delivered(deliveries.flatMap((delivery) => (delivery.record ? [delivery.record] : []))))
  const results = deliveries.map((delivery) => delivery.result)
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
