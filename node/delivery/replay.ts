import { UnmappableOrderError, type Conversion } from '../conversion/conversion'
import type { Destination, DestinationName, Outcome } from '../destinations/destination'
import { sha256Hex } from '../identity/hash'
import { deliverInBatches } from './batchSplit'
import { NO_DEADLINE } from '../coordination/deadline'
import type { DeliveryRecord } from '../deliveryStore/ledger'
import { convertOrder } from '../order/orderEmail'
import {
  deliverToDestination,
  describeTransportError,
  logOutcome,
  settledChanges,
  withOrderLock,
  withOrderLocks,
  type DeliveryResult,
} from './pipeline'
import { holdOrder, IN_FLIGHT, isHeld, underClaim, type ClaimedOrder, type OrderStatusDeps } from './processOrderStatus'
import { readOrder } from '../order/readOrder'
import { deliveryOf } from '../deliveryStore/orderRecord'
import { replayed } from '../deliveryStore/transitions'
import { enabledDestinations } from '../destinations'
import { sleep } from '../lib/sleep'

/** Only these are re-opened by a replay: sent and skipped are final by design. */
const REPLAYABLE = new Set(['dead', 'failed'])

/**
 * A replay of many orders runs inside one admin call, which the service's `timeout` bounds: an
 * order is only started with time left for its OMS read, a send with its retries and the ledger
 * writes. The ones not started stay as they were (dead), for the next click.
 */
export const REPLAY_START_RESERVE_MS = 8_000
const timeToStart = (deps: OrderStatusDeps) => (deps.deadline ?? NO_DEADLINE).remainingMs() >= REPLAY_START_RESERVE_MS

/**
 * Re-sends an order's dead or failed deliveries after the merchant fixed the settings (admin
 * action). Reads the order again so the payload reflects the current settings. Holds the order
 * like a broadcast does (in-process lock and cross-replica claim): a replay clicked twice, or
 * racing the scheduled run, sends once.
 */
export function replayOrder(orderId: string, deps: OrderStatusDeps, only?: DestinationName): Promise<DeliveryResult[]> {
  if (!timeToStart(deps)) return Promise.resolve([])
  return withOrderLock(
    orderId,
    async () => {
      const results = await underClaim(orderId, deps, (claimed) => replayClaimed(claimed, deps, only))
      return results === IN_FLIGHT ? [] : results
    },
    deps.mutex
  )
}

/** The order, read and mapped for a replay; or why it cannot be now (the records are left as they were). */
async function replayConversion(
  orderId: string,
  deps: OrderStatusDeps
): Promise<{ conversion: Conversion } | { reason: string; retryable: boolean }> {
  const read = await readOrder(orderId, deps.readOrder, { deadline: deps.deadline ?? NO_DEADLINE, sleep: deps.sleep ?? sleep })
  if (read.kind !== 'order') return { reason: read.reason, retryable: read.kind === 'transient' }
  try {
    return { conversion: await convertOrder(read.order, deps.lookupProfileEmail) }
  } catch (error) {
    if (error instanceof UnmappableOrderError) return { reason: `unmappable-order: ${error.reason}`, retryable: false }
    return { reason: (error as Error).message, retryable: true }
  }
}

async function replayClaimed(claimed: ClaimedOrder, deps: OrderStatusDeps, only?: DestinationName): Promise<DeliveryResult[]> {
  const { orderId } = claimed
  const candidates = enabledDestinations(deps.destinations, deps.settings).filter((destination) => !only || destination.name === only)
  const toReplay = candidates.flatMap((destination) => {
    const existing = deliveryOf(claimed.stored?.record, destination.name)
    return existing && REPLAYABLE.has(existing.status) ? [{ destination, existing }] : []
  })
  if (toReplay.length === 0) return []

  const loaded = await replayConversion(orderId, deps)
  if (!('conversion' in loaded))
    return toReplay.map(({ destination, existing }) => ({
      destination: destination.name,
      orderId,
      status: existing.status,
      reason: loaded.reason,
      retryable: loaded.retryable,
    }))
  const deliveries = await Promise.all(
    toReplay.map(({ destination, existing }) =>
      deliverToDestination(destination, loaded.conversion, deps.settings, deps, { existing, replay: true })
    )
  )
  await claimed.write(replayed(deliveries.flatMap((delivery) => (delivery.record ? [delivery.record] : []))))
  return deliveries.map((delivery) => delivery.result)
}

interface BatchItem {
  held: ClaimedOrder
  conversion: Conversion
  existing: DeliveryRecord
  payloadHash: string
}

/**
 * Replays many orders' dead letters for one destination. A batch API (OpenAI: ≤ 50 events per
 * request, one bad event fails the request) gets them in batches, bisected on failure so the bad
 * ones are isolated and the others delivered; other destinations replay order by order. Every
 * order of a batch is held (lock and the one order claim) for the whole batch, and each order's
 * outcome is its one record write.
 */
export async function replayDeliveries(orderIds: string[], name: DestinationName, deps: OrderStatusDeps): Promise<DeliveryResult[]> {
  const destination = deps.destinations.find((candidate) => candidate.name === name && candidate.enabled(deps.settings))
  if (!destination) return []
  const unique = [...new Set(orderIds)]
  if (!destination.prepareBatch || (destination.maxBatch ?? 1) <= 1) {
    const results: DeliveryResult[] = []
    for (const orderId of unique) results.push(...(await replayOrder(orderId, deps, name)))
    return results
  }
  return withOrderLocks(unique, () => replayInBatches(unique, destination, deps), deps.mutex)
}

async function replayInBatches(orderIds: string[], destination: Destination, deps: OrderStatusDeps): Promise<DeliveryResult[]> {
  const results: DeliveryResult[] = []
  const batchable: BatchItem[] = []
  const held: ClaimedOrder[] = []
  try {
    for (const orderId of orderIds) {
      if (!timeToStart(deps)) break
      const hold = await holdOrder(orderId, deps)
      if (!isHeld(hold)) {
        results.push({ destination: destination.name, orderId, status: 'in-flight', reason: 'in-flight elsewhere', retryable: true })
        continue
      }
      held.push(hold)
      const prepared = await prepareForBatch(hold, destination, deps)
      if (prepared && 'result' in prepared) results.push(prepared.result)
      else if (prepared) batchable.push(prepared)
    }
    results.push(...(await sendInBatches(batchable, destination, deps)))
  } finally {
    await Promise.all(held.filter((hold) => !hold.finished).map((hold) => hold.release()))
  }
  return results
}

/** An order's replayable delivery, mapped and ready to batch; its result when it cannot go in a batch; nothing to replay. */
async function prepareForBatch(
  held: ClaimedOrder,
  destination: Destination,
  deps: OrderStatusDeps
): Promise<BatchItem | { result: DeliveryResult } | undefined> {
  const { orderId } = held
  const existing = deliveryOf(held.stored?.record, destination.name)
  if (!existing || !REPLAYABLE.has(existing.status)) return undefined
  const loaded = await replayConversion(orderId, deps)
  if (!('conversion' in loaded))
    return {
      result: { destination: destination.name, orderId, status: existing.status, reason: loaded.reason, retryable: loaded.retryable },
    }
  const preparation = destination.prepare(loaded.conversion, deps.settings, (deps.now ?? Date.now)())
  // Unsendable on its own (skip, invalid): recorded exactly as the pipeline records it, nothing sent.
  if (preparation.kind !== 'ready') {
    const delivery = await deliverToDestination(destination, loaded.conversion, deps.settings, deps, { existing, replay: true })
    await held.write(replayed(delivery.record ? [delivery.record] : []))
    return { result: delivery.result }
  }
  return { held, conversion: loaded.conversion, existing, payloadHash: sha256Hex(preparation.request.body) }
}

async function sendInBatches(items: BatchItem[], destination: Destination, deps: OrderStatusDeps): Promise<DeliveryResult[]> {
  const now = deps.now ?? Date.now
  const sendBatch = async (batch: BatchItem[]): Promise<Outcome> => {
    const preparation = destination.prepareBatch!(
      batch.map((item) => item.conversion),
      deps.settings,
      now()
    )
    if (preparation.kind !== 'ready') return { kind: 'dead', reason: preparation.reason }
    try {
      return destination.classify(await deps.transport.send(destination.name, preparation.request), preparation.request)
    } catch (error) {
      return { kind: 'retry', reason: describeTransportError(error) }
    }
  }
  const settled = await deliverInBatches(items, destination.maxBatch!, sendBatch, { splitOn: destination.splitBatchOn?.bind(destination) })
  const results: DeliveryResult[] = []
  for (const { item, outcome } of settled) results.push(await recordReplayed(destination, item, outcome, deps, now()))
  return results
}

async function recordReplayed(
  destination: Destination,
  item: BatchItem,
  outcome: Outcome,
  deps: OrderStatusDeps,
  nowMs: number
): Promise<DeliveryResult> {
  const attempts = item.existing.attempts + 1
  const record: DeliveryRecord = {
    ...item.existing,
    ...settledChanges(outcome, attempts, nowMs),
    payloadHash: item.payloadHash,
    updatedAt: new Date(nowMs).toISOString(),
  }
  await item.held.write(replayed([record]))
  logOutcome(deps.logger, destination.name, record.orderId, outcome, attempts)
  return {
    destination: destination.name,
    orderId: record.orderId,
    status: record.status,
    reason: record.reason,
    retryable: outcome.kind === 'retry',
  }
}
