import type { IOClients, IOContext } from '@vtex/api'
import type { LedgerStore } from '../deliveryStore/ledger'
import type { DeliveryLogger } from '../lib/logger'
import { VBaseLedger } from '../deliveryStore/vbaseLedger'
import { DeliveryIndex } from './deliveryIndex'
import { IndexedLedger } from './indexedLedger'
import { VBasePendingQueue } from './pendingReindex'
import type { ReindexDeps } from './reindex'

/** The IO pieces the index needs: Master Data (ADMIN_DS) for the index, VBase for the ledger and the queue. */
export interface IndexContext {
  clients: Pick<IOClients, 'masterdata' | 'vbase'>
  vtex: Pick<IOContext, 'account' | 'workspace'>
}

export const deliveryIndexOf = (ctx: IndexContext): DeliveryIndex =>
  new DeliveryIndex(ctx.clients.masterdata, { account: ctx.vtex.account, workspace: ctx.vtex.workspace })

/** The ledger every delivery path writes through: VBase first, then the admin's index. */
export const indexedLedgerOf = (ctx: IndexContext, logger: DeliveryLogger): LedgerStore =>
  new IndexedLedger(new VBaseLedger(ctx.clients.vbase), deliveryIndexOf(ctx), new VBasePendingQueue(ctx.clients.vbase), logger)

/** For the scheduled run: `await reindexPending(reindexDepsOf(ctx, logger))`. */
export const reindexDepsOf = (ctx: IndexContext, logger: DeliveryLogger): ReindexDeps => ({
  ledger: new VBaseLedger(ctx.clients.vbase),
  index: deliveryIndexOf(ctx),
  pending: new VBasePendingQueue(ctx.clients.vbase),
  logger,
})
