import type { DestinationName } from '../destinations/destination'
import type { DeliveryRecord } from './ledger'

/**
 * One record per order: every destination's delivery state in one VBase file, so one write
 * records what one broadcast did for all destinations, and one conditional write (If-Match on
 * the file's ETag) tells two writers apart. Each destination's entry keeps the shape the admin,
 * the replay and the retry queue already read (`DeliveryRecord`); records written before this
 * layout (one file per `destination:orderId`) fold in unchanged.
 */
export interface OrderRecord {
  orderId: string
  deliveries: Partial<Record<DestinationName, DeliveryRecord>>
  updatedAt: string
  /**
   * Order claims (coordination/orderClaim.ts) whose holders wrote their last change here: a later
   * claimer that finds one of those files still inside its lease knows that claim is over.
   */
  releasedClaims?: string[]
}

export const deliveryOf = (record: OrderRecord | undefined, destination: DestinationName): DeliveryRecord | undefined =>
  record?.deliveries[destination]

export const deliveriesOf = (record: OrderRecord | undefined): DeliveryRecord[] =>
  record ? Object.values(record.deliveries).filter((delivery): delivery is DeliveryRecord => delivery !== undefined) : []

/** The record with one destination's state replaced; pure, the input is left as it was. */
export function withDelivery(record: OrderRecord | undefined, delivery: DeliveryRecord): OrderRecord {
  if (record && record.orderId !== delivery.orderId) throw new RangeError(`delivery of ${delivery.orderId} cannot go in the record of ${record.orderId}`)
  const updatedAt = [record?.updatedAt, delivery.updatedAt].filter(Boolean).sort().pop() ?? delivery.updatedAt
  return { ...record, orderId: delivery.orderId, deliveries: { ...record?.deliveries, [delivery.destination]: delivery }, updatedAt }
}

/** Per-destination records of the earlier layout, folded into one order record (the newest wins per destination). */
export function foldDeliveries(orderId: string, deliveries: DeliveryRecord[], into?: OrderRecord): OrderRecord | undefined {
  return deliveries
    .filter((delivery) => delivery.orderId === orderId)
    .reduce<OrderRecord | undefined>((record, delivery) => {
      const current = deliveryOf(record, delivery.destination)
      return current && current.updatedAt > delivery.updatedAt ? record : withDelivery(record, delivery)
    }, into)
}
