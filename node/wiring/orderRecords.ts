import type { IOClients, IOContext } from '@vtex/api'
import type { DestinationName } from '../destinations/destination'
import type { DeliveryLogger } from '../lib/logger'
import type { LedgerStore } from '../deliveryStore/ledger'
import { deliveriesOf, deliveryOf, type OrderRecord } from '../deliveryStore/orderRecord'
import { VBaseOrderRecords, type OrderRecordStore } from '../deliveryStore/recordStore'
import { VBaseLedger } from '../deliveryStore/vbaseLedger'
import { LEDGER_BUCKET } from '../deliveryStore/buckets'
import type { LegacyLedger } from '../deliveryStore/migration'
import { deliveryIndexOf } from '../ledgerIndex/forContext'
import { IndexedLedger } from '../ledgerIndex/indexedLedger'
import { VBasePendingQueue } from '../ledgerIndex/pendingReindex'

interface RecordsContext {
  clients: Pick<IOClients, 'masterdata' | 'vbase'>
  vtex: Pick<IOContext, 'account' | 'workspace'>
}

/** What the record store needs of the admin's index: one write after each record save. */
export interface OrderIndexWriter {
  write(record: OrderRecord): Promise<void>
}

/**
 * The record store every delivery path writes through: VBase (the source of truth), then the
 * admin's index. An index failure never fails the save (queued for the scheduled run's repair).
 */
export class IndexedOrderRecords implements OrderRecordStore {
  constructor(
    private readonly store: OrderRecordStore,
    private readonly index: OrderIndexWriter
  ) {}

  get(orderId: string) {
    return this.store.get(orderId)
  }

  async save(record: OrderRecord, ifMatch?: string) {
    const etag = await this.store.save(record, ifMatch)
    await this.index.write(record)
    return etag
  }
}

/**
 * Until the index keeps one document per order (issue-18-index): the per-destination index
 * documents, written for each delivery of the saved record through the existing IndexedLedger
 * (its VBase half is a no-op here, the record is already saved), failures queued as before.
 */
const perDeliveryIndex = (ctx: RecordsContext, logger: DeliveryLogger): OrderIndexWriter => {
  const indexOnly = new IndexedLedger({ get: async () => undefined, put: async () => undefined }, deliveryIndexOf(ctx), new VBasePendingQueue(ctx.clients.vbase), logger)
  return { write: async (record) => void (await Promise.all(deliveriesOf(record).map((delivery) => indexOnly.put(delivery)))) }
}

export const orderRecordsOf = (ctx: RecordsContext, logger: DeliveryLogger): OrderRecordStore =>
  new IndexedOrderRecords(new VBaseOrderRecords(ctx.clients.vbase), perDeliveryIndex(ctx, logger))

/** A per-destination read view of the order records (the index repair reads deliveries one by one). */
export const deliveryView = (records: Pick<OrderRecordStore, 'get'>): Pick<LedgerStore, 'get'> => ({
  get: async (destination: DestinationName, orderId: string) => deliveryOf((await records.get(orderId))?.record, destination),
})

/** The per-destination files of earlier versions, for their migration. */
export const legacyLedgerOf = (vbase: IOClients['vbase']): LegacyLedger => {
  const ledger = new VBaseLedger(vbase)
  return {
    get: (destination, orderId) => ledger.get(destination, orderId),
    async page(next, limit) {
      const page = await vbase.listFiles(LEDGER_BUCKET, { limit, ...(next ? { next } : {}) })
      return { names: page.data.map((file) => decodeURIComponent(file.path)), next: page.next || undefined }
    },
  }
}
