import type { DestinationName } from '../destinations/destination'
import type { DeliveryRecord, LedgerStore } from '../deliveryStore/ledger'
import { KeyedMutex } from '../coordination/keyedMutex'
import { withDelivery, type OrderRecord } from '../deliveryStore/orderRecord'
import { indexAfterSave, type IndexWriteDeps } from './indexWrite'
import { legacyOrderRecord } from './orderRecordSource'

/**
 * Until the delivery pipeline saves one record per order (IndexedOrderRecords then replaces this):
 * the per-destination ledger, indexed as one document per order. Each put is written to the ledger,
 * then the order's record is folded from its destinations' records as the ledger holds them and
 * indexed; puts of one order are indexed one after the other, so the last write holds every
 * destination. An index failure never fails the put (indexAfterSave).
 */
export class IndexedLedger implements LedgerStore {
  private readonly perOrder = new KeyedMutex()

  constructor(
    private readonly ledger: LedgerStore,
    private readonly indexing: IndexWriteDeps
  ) {}

  get(destination: DestinationName, orderId: string) {
    return this.ledger.get(destination, orderId)
  }

  async put(record: DeliveryRecord): Promise<void> {
    await this.ledger.put(record)
    await this.perOrder.run(record.orderId, async () => {
      // The put just made is the newest state of its destination, whatever a read returns.
      let order: OrderRecord
      try {
        order = (await legacyOrderRecord(this.ledger, record.orderId, [record])) ?? withDelivery(undefined, record)
      } catch (error) {
        // A document without the other destinations would hide them: queue the order instead.
        await indexAfterSave(withDelivery(undefined, record), { ...this.indexing, index: { write: () => Promise.reject(error) } })
        return
      }
      await indexAfterSave(order, this.indexing)
    })
  }
}
