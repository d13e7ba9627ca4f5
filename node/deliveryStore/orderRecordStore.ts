import type { OrderRecord } from './orderRecord'

/**
 * The per-order record store, as little as the index needs of it (the record store itself, its
 * VBase file and its conditional write, is built on another branch, issue-18-record): a record and
 * the ETag it was read with; a save that succeeds only when the file still has `ifMatch`.
 */
export interface StoredOrderRecord {
  record: OrderRecord
  etag?: string
}

export interface OrderRecordStore {
  get(orderId: string): Promise<StoredOrderRecord | undefined>
  /** Resolves with the new ETag; rejects when `ifMatch` no longer matches (another writer saved first). */
  save(record: OrderRecord, ifMatch?: string): Promise<string | undefined>
}
