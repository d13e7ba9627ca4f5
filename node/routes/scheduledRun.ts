import type { ServiceContext } from '@vtex/api'
import type { Clients } from '../clients'
import { deadlineIn } from '../coordination/deadline'
import { HANDLER_BUDGET_MS, orderStatusDeps } from '../wiring/orderStatusDeps'
import { registerOrderFormApp } from '../checkoutRegistration/orderFormConfiguration'
import { runScheduled, type ScheduledRunDeps } from '../scheduled/scheduledRun'
import { vbaseStateStore } from '../scheduled/stateStore'
import { logger } from '../lib/logger'
import { fullReindexDepsOf, reindexDepsOf } from '../ledgerIndex/forContext'
import { reindexPending } from '../ledgerIndex/reindex'
import { reindexAll } from '../ledgerIndex/fullReindex'
import { migrateLegacyRecords } from '../deliveryStore/migration'
import { legacyLedgerOf, orderRecordsOf } from '../wiring/orderRecords'

/** The run's own time: the route answers well inside service.json's `timeout` (30 s). */
export const RUN_BUDGET_MS = 25_000

/** Extra upkeep other parts of the app plug into the run (the admin's index repair). */
export const scheduledUpkeep: Array<(ctx: ServiceContext<Clients>) => { name: string; run(): Promise<unknown> }> = [
  (ctx) => ({ name: 'orderform-app-registration', run: () => registerOrderFormApp(ctx.clients) }),
  // Orders delivered before one record per order: their per-destination files folded in, a few pages a run, until done.
  (ctx) => ({
    name: 'order-record-migration',
    // The run reports this run's work only: a finished migration is not news at every tick.
    run: async () => {
      const deadline = deadlineIn(MIGRATION_BUDGET_MS)
      const { migratedThisRun } = await migrateLegacyRecords({
        legacy: legacyLedgerOf(ctx.clients.vbase),
        records: orderRecordsOf(ctx, logger(ctx.vtex.logger)),
        state: vbaseStateStore(ctx.clients.vbase),
        remainingMs: () => deadline.remainingMs(),
      })
      return { migrated: migratedThisRun }
    },
  }),
  // Index writes that failed at delivery time (queued), from the order's record as it is now.
  (ctx) => ({
    name: 'admin-index-repair',
    run: () => reindexPending(reindexDepsOf(ctx, logger(ctx.vtex.logger)), { deadline: deadlineIn(INDEX_REPAIR_BUDGET_MS) }),
  }),
  // The index's migration to one document per order, a page at a time, until done (then a single VBase read).
  (ctx) => ({
    name: 'admin-index-migration',
    run: async () => {
      const { reindexed, failed } = await reindexAll(fullReindexDepsOf(ctx, logger(ctx.vtex.logger)), {
        deadline: deadlineIn(INDEX_MIGRATION_BUDGET_MS),
      })
      return { reindexed, failed }
    },
  }),
]

/** The migration's share of a run (it stops between pages; the next run resumes). */
const MIGRATION_BUDGET_MS = 5_000

/** The index repair's share of a run: it comes last, and what it leaves waits for the next run. */
const INDEX_REPAIR_BUDGET_MS = 8_000
/** The migration's share, after the repair. */
const INDEX_MIGRATION_BUDGET_MS = 5_000

/**
 * POST /_v/ads-events/scheduled-run, called by VTEX's scheduler every 5 minutes (service.json: only
 * vtex.scheduler's principal may call it). Answers the run's report: counts, never an order's data.
 */
export async function scheduledRun(ctx: ServiceContext<Clients>): Promise<void> {
  const deadline = deadlineIn(RUN_BUDGET_MS)
  const base = await orderStatusDeps(ctx)
  const deps: ScheduledRunDeps = {
    orderDeps: async () => ({ ...base, deadline: deadlineIn(Math.min(HANDLER_BUDGET_MS, deadline.remainingMs())) }),
    listOrders: (query) => ctx.clients.oms.listOrders(query),
    state: vbaseStateStore(ctx.clients.vbase),
    claims: base.claims!,
    retryQueue: base.retryQueue!,
    deadline,
    logger: base.logger,
    upkeep: scheduledUpkeep.map((step) => step(ctx)),
  }
  ctx.set('cache-control', 'no-store')
  ctx.status = 200
  ctx.body = await runScheduled(deps)
}
