import { UnmappableOrderError } from '../conversion/conversion'
import { convertOrder, ProfileUnreadableError, type ProfileEmailLookup } from './orderEmail'
import type { Destination } from '../destinations/destination'
import type { OrderStatusBroadcast } from '../events/broadcast'
import type { AppSettings } from '../settings/appSettings'
import { decideOnState } from '../trigger/orderFlow'
import type { VtexOrder } from '../typings/order'
import { FINAL_STATUSES } from './ledger'
import { isTransientStatus, statusOf } from './httpStatus'
import {
  deliverToDestination,
  recordCancellation,
  recordForDestinations,
  withOrderLock,
  type DeliveryDeps,
  type DeliveryResult,
} from './pipeline'

export interface OrderStatusDeps extends DeliveryDeps {
  settings: AppSettings
  destinations: Destination[]
  readOrder(orderId: string): Promise<VtexOrder>
  /** Reads a customer's e-mail from Master Data CL, for orders whose OMS e-mail is hard-masked. */
  lookupProfileEmail?: ProfileEmailLookup
}

/** Thrown so the broadcaster delivers the event again: the failure is already in the ledger. */
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
  decision: 'convert' | 'cancel' | 'ignore'
  results: DeliveryResult[]
}


/**
 * One broadcast, start to finish: trigger rule → (ledger short-circuit) → OMS order → conversion →
 * every enabled destination. Safe under duplicates and out-of-order delivery.
 */
export function processOrderStatus(broadcast: OrderStatusBroadcast, deps: OrderStatusDeps): Promise<OrderStatusResult> {
  return withOrderLock(broadcast.orderId, () => processLocked(broadcast, deps), deps.mutex)
}

async function processLocked(broadcast: OrderStatusBroadcast, deps: OrderStatusDeps): Promise<OrderStatusResult> {
  const { orderId } = broadcast
  const enabled = deps.destinations.filter((destination) => destination.enabled(deps.settings))
  const names = enabled.map((destination) => destination.name)
  const decision = decideOnState(broadcast.currentState, deps.settings.conversionStatus)

  if (decision === 'ignore' || enabled.length === 0) return { decision: 'ignore', results: [] }
  if (decision === 'cancel') {
    await recordCancellation(names, orderId, deps)
    return { decision, results: [] }
  }

  // Duplicates and later statuses of a converted order end here, without reading the order again.
  const records = await Promise.all(names.map((name) => deps.ledger.get(name, orderId)))
  if (records.every((record) => record && FINAL_STATUSES.has(record.status))) {
    return {
      decision,
      results: records.map((record) => ({
        destination: record!.destination,
        orderId,
        status: record!.status,
        alreadyFinal: true,
        retryable: false,
      })),
    }
  }

  let order: VtexOrder
  try {
    order = await deps.readOrder(orderId)
  } catch (error) {
    const status = statusOf(error)
    const transient = isTransientStatus(status)
    const reason = `order-unreadable: ${status ? `http-${status}` : 'no answer'}`
    await recordForDestinations(names, orderId, { status: transient ? 'failed' : 'dead', reason }, deps)
    deps.logger.warn({ message: 'order-unreadable', orderId, status, transient })
    if (transient) throw new RetryableDeliveryError(orderId, [reason])
    return { decision, results: [] }
  }

  // The OMS order is the source of truth: a broadcast may be older than a cancellation.
  if (order.status === 'canceled') {
    await recordCancellation(names, orderId, deps)
    return { decision: 'cancel', results: [] }
  }

  let conversion
  try {
    conversion = await convertOrder(order, deps.lookupProfileEmail)
  } catch (error) {
    if (error instanceof ProfileUnreadableError) {
      await recordForDestinations(names, orderId, { status: 'failed', reason: error.reason }, deps)
      deps.logger.warn({ message: 'profile-unreadable', orderId, reason: error.reason })
      throw new RetryableDeliveryError(orderId, [error.reason])
    }
    if (!(error instanceof UnmappableOrderError)) throw error
    await recordForDestinations(names, orderId, { status: 'dead', reason: `unmappable-order: ${error.reason}` }, deps)
    deps.logger.warn({ message: 'order-unmappable', orderId, reason: error.reason })
    return { decision, results: [] }
  }

  const results = await Promise.all(
    enabled.map((destination, index) => deliverToDestination(destination, conversion, deps.settings, deps, { existing: records[index] }))
  )
  const retryable = results.filter((result) => result.retryable)
  if (retryable.length > 0) {
    throw new RetryableDeliveryError(
      orderId,
      retryable.map((result) => `${result.destination}: ${result.reason}`)
    )
  }
  return { decision, results }
}
