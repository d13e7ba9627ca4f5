import type { IOClients, IOContext } from '@vtex/api'
import type { DeliveryLogger } from '../lib/logger'
import { VBaseLedger } from '../deliveryStore/vbaseLedger'
import { VBaseOrderRecords } from '../deliveryStore/recordStore'
import { OrderIndex } from './orderIndex'
import { orderRecordSource } from './orderRecordSource'
import { VBasePendingQueue } from './pendingReindex'
import type { ReindexDeps } from './reindex'
import { allOrderPages, vbaseReindexProgress, type FullReindexDeps } from './fullReindex'

/** The IO pieces the index needs: Master Data (ADMIN_DS) for the index, VBase for the ledger and the queue. */
export interface IndexContext {
  clients: Pick<IOClients, 'masterdata' | 'vbase'>
  vtex: Pick<IOContext, 'account' | 'workspace'>
}

export const orderIndexOf = (ctx: IndexContext): OrderIndex =>
  new OrderIndex(ctx.clients.masterdata, { account: ctx.vtex.account, workspace: ctx.vtex.workspace })

/**
 * For the scheduled run: `await reindexPending(reindexDepsOf(ctx, logger))`. Each order is read
 * from its record, with any per-destination file of an earlier version folded in (the newer
 * state of each destination wins), so a repair before the record migration is done is still right.
 */
export const reindexDepsOf = (ctx: IndexContext, logger: DeliveryLogger): ReindexDeps => ({
  source: orderRecordSource({ records: new VBaseOrderRecords(ctx.clients.vbase), ledger: new VBaseLedger(ctx.clients.vbase) }),
  index: orderIndexOf(ctx),
  pending: new VBasePendingQueue(ctx.clients.vbase),
  logger,
})

/** For the scheduled run: the index's migration to one document per order, `await reindexAll(fullReindexDepsOf(ctx, logger))`. */
export const fullReindexDepsOf = (ctx: IndexContext, logger: DeliveryLogger): FullReindexDeps => ({
  listOrders: allOrderPages(ctx.clients.vbase),
  source: orderRecordSource({ records: new VBaseOrderRecords(ctx.clients.vbase), ledger: new VBaseLedger(ctx.clients.vbase) }),
  index: orderIndexOf(ctx),
  progress: vbaseReindexProgress(ctx.clients.vbase),
  logger,
})
