import type { VBase } from '@vtex/api'
import type { DestinationName } from '../destinations/destination'
import { deliveryOf, foldDeliveries, type OrderRecord } from './orderRecord'
import type { DeliveryRecord } from './ledger'
import { MemoryNameFiles, type NameFiles } from './nameFiles'

/**
 * One VBase file per order (`ads-events-orders/<orderId>`) holding every destination's delivery
 * state. Reads return the file's ETag; a save with that ETag is VBase's conditional write
 * (`If-Match`): a 412 means another writer saved the file after this one read it
 * (RecordConflictError), so the writer reads again and re-applies its transition
 * (recordTransition.ts). A save without an ETag creates the file: done only by the holder of the
 * order's claim (coordination/orderClaim.ts), which is how a creation stays single-writer.
 */
export const ORDER_RECORDS_BUCKET = 'ads-events-orders'

export interface StoredRecord {
  record: OrderRecord
  /** The file's ETag when read; the If-Match of the next save. */
  etag?: string
}

/** The same shape as the index branch's `OrderRecordStore` (its IndexedOrderRecords decorates this). */
export interface OrderRecordStore {
  get(orderId: string): Promise<StoredRecord | undefined>
  /**
   * Saves the record. With `ifMatch` (the ETag read) only if the file is unchanged since, else
   * RecordConflictError (412); without, a creation (only under the order's claim). Resolves with
   * the new ETag when the store tells it.
   */
  save(record: OrderRecord, ifMatch?: string): Promise<string | undefined>
}

/** VBase answered 412 to an If-Match save: someone else moved first. */
export class RecordConflictError extends Error {
  constructor(readonly orderId: string) {
    super(`order record ${orderId} changed since it was read (412)`)
    this.name = 'RecordConflictError'
  }
}

const statusOf = (error: unknown): number | undefined => (error as { response?: { status?: number } })?.response?.status

export class VBaseOrderRecords implements OrderRecordStore {
  constructor(private readonly vbase: VBase) {}

  async get(orderId: string): Promise<StoredRecord | undefined> {
    const response = await this.vbase.getRawJSON<OrderRecord | null>(ORDER_RECORDS_BUCKET, orderId, true)
    if (!response?.data) return undefined
    const headers = (response.headers ?? {}) as Record<string, string | undefined>
    return { record: response.data, etag: headers.etag }
  }

  async save(record: OrderRecord, ifMatch?: string): Promise<string | undefined> {
    try {
      await this.vbase.saveJSON(ORDER_RECORDS_BUCKET, record.orderId, record, undefined, ifMatch)
      // VBase's save answer names the file and its hash, not an ETag: the next conditional write reads first.
      return undefined
    } catch (error) {
      if (statusOf(error) === 412) throw new RecordConflictError(record.orderId)
      throw error
    }
  }
}

/**
 * For tests and the preview: the same contract in memory, ETags included (a new one per save, 412
 * on a stale one), and a per-destination read view (`get`) for assertions.
 */
export class MemoryOrderRecords implements OrderRecordStore {
  readonly records = new Map<string, { record: OrderRecord; etag: string }>()
  private version = 0
  /** Every save, in order (tests count writes). */
  readonly saves: OrderRecord[] = []

  async get(orderId: string): Promise<StoredRecord | undefined> {
    const stored = this.records.get(orderId)
    return stored ? structuredClone(stored) : undefined
  }

  async save(record: OrderRecord, ifMatch?: string): Promise<string> {
    const current = this.records.get(record.orderId)
    if (ifMatch !== undefined && current?.etag !== ifMatch) throw new RecordConflictError(record.orderId)
    const etag = `"v${++this.version}"`
    this.records.set(record.orderId, { record: structuredClone(record), etag })
    this.saves.push(structuredClone(record))
    return etag
  }

  /**
   * The claim files of the same bucket (as in VBase, where claims and records share the bucket and
   * one listing shows both): a listing includes the records' names.
   */
  readonly claimFiles: NameFiles = ((claims: MemoryNameFiles) => ({
    put: (path: string) => claims.put(path),
    remove: (path: string) => claims.remove(path),
    list: async (prefix: string) => [...(await claims.list(prefix)), ...[...this.records.keys()].filter((orderId) => orderId.startsWith(prefix))].sort(),
  }))(new MemoryNameFiles())

  /** One destination's state, as the per-destination ledger answered it (tests). */
  async delivery(destination: DestinationName, orderId: string): Promise<DeliveryRecord | undefined> {
    return deliveryOf(this.records.get(orderId)?.record, destination)
  }

  /** Seeds records (tests, migration): each delivery folded into its order's record. */
  seed(...deliveries: DeliveryRecord[]): void {
    for (const delivery of deliveries) {
      const record = foldDeliveries(delivery.orderId, [delivery], this.records.get(delivery.orderId)?.record)!
      this.records.set(delivery.orderId, { record, etag: `"v${++this.version}"` })
    }
  }
}
