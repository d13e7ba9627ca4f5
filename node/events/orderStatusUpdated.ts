import type { EventContext } from '@vtex/api'
import type { Clients } from '../clients'
import { processOrderStatus, type OrderStatusDeps } from '../delivery/processOrderStatus'
import { statusOf } from '../lib/httpStatus'
import { logger } from '../lib/logger'
import { recordMalformedBroadcast } from '../deliveryStore/vbaseLedger'
import { parseBroadcast } from '../order/broadcast'
import { UnparseableEventBody } from '../runtime/eventBody'
import { registerOrderFormApp } from '../checkoutRegistration/orderFormConfiguration'
import { runOnSettingsChange } from '../settings/onSettingsChange'
import { orderStatusDeps } from '../wiring/orderStatusDeps'

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
    logger(ctx.vtex.logger).warn({ message: 'broadcast-rejected', reason, deadLetter: path })
    return
  }
  const body = asJson(ctx.body)
  const parsed = parseBroadcast(body)
  if (!parsed.ok) {
    const path = await recordMalformedBroadcast(ctx.clients.vbase, parsed.reason, body)
    logger(ctx.vtex.logger).warn({ message: 'broadcast-rejected', reason: parsed.reason, deadLetter: path })
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
