import type { Conversion } from '../conversion/conversion'
import { convertOrder } from './orderEmail'
import type { Destination, DestinationName, Outcome } from '../destinations/destination'
import { sha256Hex } from '../identity/hash'
import { deliverInBatches } from './batchSplit'
import type { DeliveryRecord } from './ledger'
import { deliverToDestination, describeTransportError, logOutcome, settledChanges, withOrderLock, type DeliveryResult } from './pipeline'
import type { OrderStatusDeps } from './processOrderStatus'

/** Only these are re-opened by a replay: sent and skipped are final by design. */
const REPLAYABLE = new Set(['dead', 'failed'])

/**
 * Re-sends an order's dead or failed deliveries after the merchant fixed the settings (admin
 * action). Reads the order again so the payload reflects the current settings.
 */
export function replayOrder(orderId: string, deps: OrderStatusDeps, only?: DestinationName): Promise<DeliveryResult[]> {
  return withOrderLock(orderId, () => replayLocked(orderId, deps, only), deps.mutex)
}

async function replayLocked(orderId: string, deps: OrderStatusDeps, only?: DestinationName): Promise<DeliveryResult[]> {
  const candidates = deps.destinations.filter((destination) => destination.enabled(deps.settings) && (!only || destination.name === only))
  const records = await Promise.all(candidates.map((destination) => deps.ledger.get(destination.name, orderId)))
  const toReplay = candidates.flatMap((destination, index) => {
    const existing = records[index]
    return existing && REPLAYABLE.has(existing.status) ? [{ destination, existing }] : []
  })
  if (toReplay.length === 0) return []

  const conversion = await convertOrder(await deps.readOrder(orderId), deps.lookupProfileEmail)
  return Promise.all(
    toReplay.map(({ destination, existing }) =>
      deliverToDestination(destination, conversion, deps.settings, deps, { existing, replay: true })
    )
  )
}

interface BatchItem {
  conversion: Conversion
  existing: DeliveryRecord
  payloadHash: string
}

/**
 * Replays many orders' dead letters for one destination. A batch API (OpenAI: ≤ 50 events per
 * request, one bad event fails the request) gets them in batches, bisected on failure so the bad
 * ones are isolated and the others delivered; other destinations replay order by order.
 * Dead and failed records are final for broadcasts, so no broadcast races this admin action.
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

  const now = deps.now ?? Date.now
  const results: DeliveryResult[] = []
  const batchable: BatchItem[] = []
  for (const orderId of unique) {
    const existing = await deps.ledger.get(name, orderId)
    if (!existing || !REPLAYABLE.has(existing.status)) continue
    const conversion = await convertOrder(await deps.readOrder(orderId), deps.lookupProfileEmail)
    const preparation = destination.prepare(conversion, deps.settings, now())
    // Unsendable on its own (skip, invalid): recorded exactly as the pipeline records it, nothing sent.
    if (preparation.kind !== 'ready')
      results.push(await deliverToDestination(destination, conversion, deps.settings, deps, { existing, replay: true }))
    else batchable.push({ conversion, existing, payloadHash: sha256Hex(preparation.request.body) })
  }

  const sendBatch = async (batch: BatchItem[]): Promise<Outcome> => {
    const preparation = destination.prepareBatch!(
      batch.map((item) => item.conversion),
      deps.settings,
      now()
    )
    if (preparation.kind !== 'ready') return { kind: 'dead', reason: preparation.reason }
    try {
      return destination.classify(await deps.transport.send(name, preparation.request), preparation.request)
    } catch (error) {
      return { kind: 'retry', reason: describeTransportError(error) }
    }
  }
  const settled = await deliverInBatches(batchable, destination.maxBatch!, sendBatch, {
    splitOn: destination.splitBatchOn?.bind(destination),
  })
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
  await deps.ledger.put(record)
  logOutcome(deps.logger, destination.name, record.orderId, outcome, attempts)
  return {
    destination: destination.name,
    orderId: record.orderId,
    status: record.status,
    reason: record.reason,
    retryable: outcome.kind === 'retry',
  }
}
