import type { LedgerStore, DeliveryRecord } from '../deliveryStore/ledger'
import { foldDeliveries, type OrderRecord } from '../deliveryStore/orderRecord'
import type { OrderRecordStore } from '../deliveryStore/recordStore'
import { DESTINATION_NAMES } from './destinations'

/** An order's record as it is now, for the reindex: undefined when there is none. */
export type OrderRecordSource = (orderId: string) => Promise<OrderRecord | undefined>

/** The order's per-destination ledger records (the earlier layout) folded into one record, with `known` records folded in too. */
export async function legacyOrderRecord(ledger: Pick<LedgerStore, 'get'>, orderId: string, known: DeliveryRecord[] = []): Promise<OrderRecord | undefined> {
  const read = await Promise.all(DESTINATION_NAMES.filter((destination) => !known.some((record) => record.destination === destination)).map((destination) => ledger.get(destination, orderId)))
  return foldDeliveries(orderId, [...known, ...read.filter((record): record is DeliveryRecord => record !== undefined)])
}

/**
 * The per-order record, with any per-destination record the migration has not folded in yet
 * (the newer state of each destination wins: foldDeliveries). Either source may be absent.
 */
export const orderRecordSource =
  (sources: { records?: Pick<OrderRecordStore, 'get'>; ledger?: Pick<LedgerStore, 'get'> }): OrderRecordSource =>
  async (orderId) => {
    const stored = (await sources.records?.get(orderId))?.record
    if (!sources.ledger) return stored
    const legacy = await legacyOrderRecord(sources.ledger, orderId)
    return legacy ? foldDeliveries(orderId, Object.values(legacy.deliveries).filter((d): d is DeliveryRecord => d !== undefined), stored) : stored
  }
