import type { EventContext } from '@vtex/api'
import type { Clients } from '../clients'
import { destinations } from '../destinations'
import { clientTransport } from '../destinations/transport'
import type { OrderStatusDeps } from '../delivery/processOrderStatus'
import { RetryQueue } from '../deliveryStore/retryQueue'
import { RETRY_QUEUE_BUCKET } from '../deliveryStore/buckets'
import { vbaseNameFiles } from '../deliveryStore/nameFiles'
import { ORDER_RECORDS_BUCKET } from '../deliveryStore/recordStore'
import { vbaseStateStore } from '../scheduled/stateStore'
import { legacyLedgerOf, orderRecordsOf } from './orderRecords'
import { deadlineIn } from '../coordination/deadline'
import { readSettings } from '../settings/readSettings'
import { logger } from '../lib/logger'
import { customerProfileEmail } from '../clients/customerProfiles'
import { ADMIN_RESOURCES, type AdminAccess } from '../admin/adminAccess'
import { DPP_NO_PROFILE_LOOKUP } from '../order/orderEmail'

/**
 * What one broadcast may take: service.json's `timeout` (30 s) cuts the handler, so everything it
 * does (claim, OMS reads, profile, deliveries with their retries, the record write) fits in this,
 * with room to spare for the answer.
 */
export const HANDLER_BUDGET_MS = 22_000

export interface OrderStatusDepsOptions {
  freshSettings?: boolean
  budgetMs?: number
  /**
   * Set for an admin's action (replay, preview): orders and customer profiles are read on the admin's
   * own token, so their License Manager role decides (App Store engineering guidelines); a refusal
   * ends the action with nothing changed. Unset: the app's token (broadcasts, the scheduled run).
   * The ledger, claims and the index stay on the app's token: the app's own storage.
   */
  admin?: AdminAccess
}

/** Everything the pipeline needs, built from the IO context: real clients at the edges. */
export async function orderStatusDeps(ctx: { clients: Clients; vtex: EventContext<Clients>['vtex'] }, options: OrderStatusDepsOptions = {}): Promise<OrderStatusDeps> {
  const { clients } = ctx
  const { admin } = options
  const log = logger(ctx.vtex.logger)
  const deadline = deadlineIn(options.budgetMs ?? HANDLER_BUDGET_MS)
  const settings = await readSettings(() => clients.apps, ctx.vtex, options)
  // Data Protection Plus stores: the Orders API's PII version (e-mail unmasked with `reason`), no Master Data CL.
  const dpp = settings.dataProtectionPlus
  return {
    settings,
    destinations,
    ...(admin
      ? {
          readOrder: (orderId, timeoutMs) =>
            admin.call(ADMIN_RESOURCES.viewOrder, `read order ${orderId}`, () => (dpp ? clients.adminOms.piiOrder(orderId, timeoutMs) : clients.adminOms.order(orderId, timeoutMs))),
          lookupProfileEmail: dpp
            ? DPP_NO_PROFILE_LOOKUP
            : (userId) =>
                admin.call(ADMIN_RESOURCES.readDocuments, "read the customer's profile (Master Data CL) of a hard-masked order", () => customerProfileEmail(clients.adminMasterdata)(userId)),
          deadline: admin.deadline(deadline),
        }
      : {
          readOrder: (orderId, timeoutMs) => (dpp ? clients.oms.piiOrder(orderId, timeoutMs) : clients.oms.order(orderId, timeoutMs)),
          lookupProfileEmail: dpp ? DPP_NO_PROFILE_LOOKUP : customerProfileEmail(clients.masterdata),
          deadline,
        }),
    // One VBase record per order; the admin's index (Master Data v2) follows each save. Claims
    // share the records' bucket so one listing shows both.
    records: orderRecordsOf(ctx, log),
    claims: vbaseNameFiles(clients.vbase, ORDER_RECORDS_BUCKET),
    legacy: { legacy: legacyLedgerOf(clients.vbase), state: vbaseStateStore(clients.vbase) },
    retryQueue: new RetryQueue(vbaseNameFiles(clients.vbase, RETRY_QUEUE_BUCKET)),
    transport: clientTransport(clients),
    logger: log,
  }
}
