import { toConversion } from '../conversion/conversion'
import type { DestinationName } from '../destinations/destination'
import { deliverToDestination, withOrderLock, type DeliveryResult } from './pipeline'
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

  const conversion = toConversion(await deps.readOrder(orderId))
  return Promise.all(
    toReplay.map(({ destination, existing }) =>
      deliverToDestination(destination, conversion, deps.settings, deps, { existing, replay: true })
    )
  )
}
