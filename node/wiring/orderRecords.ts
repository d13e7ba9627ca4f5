import type { IOClients, IOContext } from '@vtex/api'
import type { DestinationName } from '../destinations/destination'
import type { DeliveryLogger } from '../lib/logger'
import type { LedgerStore } from '../deliveryStore/ledger'
import { deliveryOf } from '../deliveryStore/orderRecord'
import { VBaseOrderRecords, type OrderRecordStore } from '../deliveryStore/recordStore'
import { VBaseLedger } from '../deliveryStore/vbaseLedger'
import { LEDGER_BUCKET } from '../deliveryStore/buckets'
import type { LegacyLedger } from '../deliveryStore/migration'
import { orderIndexOf } from '../ledgerIndex/forContext'
import { IndexedOrderRecords } from '../ledgerIndex/indexedRecords'
import { VBasePendingQueue } from '../ledgerIndex/pendingReindex'

interface RecordsContext {
  clients: Pick<IOClients, 'masterdata' | 'vbase'>
  vtex: Pick<IOContext, 'account' | 'workspace'>
}

/**
 * The record store every delivery path writes through: VBase (the source of truth), then the
 * admin's index, one document per order. An index failure never fails the save (queued for the
 * scheduled run's repair).
 */
export const orderRecordsOf = (ctx: RecordsContext, logger: DeliveryLogger): OrderRecordStore =>
  new IndexedOrderRecords(new VBaseOrderRecords(ctx.clients.vbase), { index: orderIndexOf(ctx), pending: new VBasePendingQueue(ctx.clients.vbase), logger })

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
