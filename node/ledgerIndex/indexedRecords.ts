import type { OrderRecord } from '../deliveryStore/orderRecord'
import type { OrderRecordStore } from '../deliveryStore/recordStore'
import { indexAfterSave, type IndexWriteDeps } from './indexWrite'

/**
 * The per-order record store, indexed: every save goes to the store (VBase, the source of truth)
 * and then to the admin's index, one document write per record save. A refused save (If-Match)
 * is the caller's to handle and indexes nothing; an index failure never fails the save.
 */
export class IndexedOrderRecords implements OrderRecordStore {
  constructor(
    private readonly store: OrderRecordStore,
    private readonly indexing: IndexWriteDeps
  ) {}

  get(orderId: string) {
    return this.store.get(orderId)
  }

  async save(record: OrderRecord, ifMatch?: string): Promise<string | undefined> {
    const etag = await this.store.save(record, ifMatch)
    await indexAfterSave(record, this.indexing)
    return etag
  }
}
