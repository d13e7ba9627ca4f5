import type { EventContext } from '@vtex/api'
import type { Clients } from '../clients'
import { destinations } from '../destinations'
import { clientTransport } from '../delivery/transport'
import { processOrderStatus, type OrderStatusDeps } from '../delivery/processOrderStatus'
import { statusOf } from '../delivery/httpStatus'
import { recordMalformedBroadcast } from '../delivery/vbaseLedger'
import { indexedLedgerOf } from '../ledgerIndex/forContext'
import { readSettings } from '../settings/readSettings'
import type { VtexOrder } from '../typings/order'
import { parseBroadcast } from './broadcast'
import { registerOrderFormApp } from '../resolvers/orderFormConfiguration'
import { runOnSettingsChange } from '../settings/onSettingsChange'
import { logger } from './logger'
import { customerProfileEmail } from '../clients/customerProfiles'

/** Everything the pipeline needs, built from the IO context: real clients at the edges. */
export async function orderStatusDeps(
  ctx: { clients: Clients; vtex: EventContext<Clients>['vtex'] },
  options: { freshSettings?: boolean } = {}
): Promise<OrderStatusDeps> {
  const { clients } = ctx
  const log = logger(ctx.vtex.logger)
  return {
    settings: await readSettings(() => clients.apps, ctx.vtex, options),
    destinations,
    readOrder: (orderId) => clients.oms.order(orderId) as Promise<VtexOrder>,
    lookupProfileEmail: customerProfileEmail(clients.masterdata),
    // VBase is the ledger; the admin's index (Master Data v2) follows each write.
    ledger: indexedLedgerOf(ctx, log),
    transport: clientTransport(clients),
    logger: log,
  }
}

/**
 * vtex.orders-broadcast / order-status-updated. Thin: parse, decide, hand to the pipeline.
 * A malformed broadcast is recorded and acknowledged (redelivery cannot fix it); a retryable
 * failure is recorded by the pipeline and rethrown so the broadcaster delivers it again.
 */
export async function orderStatusUpdated(ctx: EventContext<Clients>): Promise<void> {
  const parsed = parseBroadcast(ctx.body)
  if (!parsed.ok) {
    const path = await recordMalformedBroadcast(ctx.clients.vbase, parsed.reason, ctx.body)
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
