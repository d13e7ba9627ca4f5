import type { EventContext } from '@vtex/api'
import type { Clients } from '../clients'
import { destinations } from '../destinations'
import { clientTransport } from '../delivery/transport'
import { processOrderStatus, type OrderStatusDeps } from '../delivery/processOrderStatus'
import { statusOf } from '../delivery/httpStatus'
import { recordMalformedBroadcast } from '../delivery/vbaseLedger'
import { indexedLedgerOf } from '../ledgerIndex/forContext'
import { readSettings } from '../settings/readSettings'
import { parseBroadcast } from './broadcast'
import { UnparseableEventBody } from '../runtime/eventBody'
import { CLAIMS_BUCKET, RETRY_QUEUE_BUCKET } from '../delivery/buckets'
import { vbaseNameFiles } from '../delivery/nameFiles'
import { RetryQueue } from '../delivery/retryQueue'
import { deadlineIn } from '../delivery/deadline'
import { registerOrderFormApp } from '../resolvers/orderFormConfiguration'
import { runOnSettingsChange } from '../settings/onSettingsChange'
import { logger } from './logger'
import { customerProfileEmail } from '../clients/customerProfiles'
import { ADMIN_RESOURCES, type AdminAccess } from '../admin/adminAccess'
import { DPP_NO_PROFILE_LOOKUP } from '../delivery/orderEmail'

/**
 * What one broadcast may take: service.json's `timeout` (30 s) cuts the handler, so everything it
 * does (claim, OMS reads, profile, deliveries with their retries, ledger writes) fits in this,
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
    // VBase is the ledger; the admin's index (Master Data v2) follows each write.
    ledger: indexedLedgerOf(ctx, log),
    claims: vbaseNameFiles(clients.vbase, CLAIMS_BUCKET),
    retryQueue: new RetryQueue(vbaseNameFiles(clients.vbase, RETRY_QUEUE_BUCKET)),
    transport: clientTransport(clients),
    logger: log,
  }
}

/** A broadcast sent as text/plain arrives as its text: still a broadcast. */
const asJson = (body: unknown): unknown => {
  if (typeof body !== 'string') return body
  try {
    return JSON.parse(body)
  } catch {
    return body
  }
}

/**
 * vtex.orders-broadcast / order-status-updated. Thin: parse, decide, hand to the pipeline.
 * A malformed broadcast is recorded and acknowledged (redelivery cannot fix it); a retryable
 * failure is recorded by the pipeline and rethrown so the broadcaster delivers it again.
 */
export async function orderStatusUpdated(ctx: EventContext<Clients>): Promise<void> {
  if (ctx.body instanceof UnparseableEventBody) {
    const { reason, excerpt, bytes } = ctx.body
    const path = await recordMalformedBroadcast(ctx.clients.vbase, reason, undefined, Date.now(), { excerpt, bytes })
    ctx.vtex.logger.warn({ message: 'broadcast-rejected', reason, deadLetter: path })
    return
  }
  const body = asJson(ctx.body)
  const parsed = parseBroadcast(body)
  if (!parsed.ok) {
    const path = await recordMalformedBroadcast(ctx.clients.vbase, parsed.reason, body)
    ctx.vtex.logger.warn({ message: 'broadcast-rejected', reason: parsed.reason, deadLetter: path })
    return
  }
  const deps = await orderStatusDeps(ctx)
  ensureOrderFormApp(ctx, deps)
  await processOrderStatus(parsed.broadcast, deps)
}

/**
 * The checkout drops customData of apps missing from its orderForm configuration, so the
 * registration (also an admin mutation) is re-checked whenever the settings change. In the
 * background: a broadcast never waits for it or fails because of it.
 */
function ensureOrderFormApp(ctx: EventContext<Clients>, deps: OrderStatusDeps): void {
  runOnSettingsChange(ctx.vtex, deps.settings, async () => {
    const { changed } = await registerOrderFormApp(ctx.clients)
    deps.logger.info({ message: 'orderform-app-registration', changed })
  })?.catch((error) => deps.logger.warn({ message: 'orderform-app-registration-failed', status: statusOf(error) }))
}
