import type { DeliveryRecord } from '../deliveryStore/ledger'
import { foldDeliveries, type OrderRecord } from '../deliveryStore/orderRecord'

/**
 * Per-destination records, in any order, folded into one record per order (first seen first):
 * for a full reindex of the earlier layout, and for seeding a store's history.
 */
export function* ordersOf(deliveries: Iterable<DeliveryRecord>): Generator<OrderRecord> {
  const byOrder = new Map<string, DeliveryRecord[]>()
  for (const delivery of deliveries) {
    const list = byOrder.get(delivery.orderId)
    if (list) list.push(delivery)
    else byOrder.set(delivery.orderId, [delivery])
  }
  for (const [orderId, list] of byOrder) {
    const record = foldDeliveries(orderId, list)
    if (record) yield record
  }
}
