import type { EventContext } from '@vtex/api'
import type { Clients } from '../clients'
import { statusOf } from '../lib/httpStatus'
import { logger } from '../lib/logger'
import { registerOrderFormApp } from '../checkoutRegistration/orderFormConfiguration'
import { scheduledRunSchedule } from '../scheduled/schedule'
import { orderIndexOf } from '../ledgerIndex/forContext'

/**
 * The `apps` sender's `setup` event, sent when an app is installed or updated in the workspace
 * (body `{to: {id}}`; `{from: {id}}` on uninstall), as vtex-apps/return-app subscribes to it. When
 * it is this app's own install, the checkout is told about our customData app right away: orders
 * placed before the first broadcast would otherwise lose the shopper's ids (the checkout refuses
 * customData of an app its configuration does not list).
 */
export const isThisApp = (appId: unknown): boolean => {
  const [name] = typeof appId === 'string' ? appId.split('@') : ['']
  const own = (process.env.VTEX_APP_ID ?? '').split('@')[0]
  return name !== '' && name === own
}

export async function appSetup(ctx: EventContext<Clients>): Promise<void> {
  const log = logger(ctx.vtex.logger)
  const { to } = (ctx.body ?? {}) as { to?: { id?: unknown } }
  if (!isThisApp(to?.id)) return
  try {
    const { changed } = await registerOrderFormApp(ctx.clients)
    log.info({ message: 'orderform-app-registration', changed, trigger: 'app-setup' })
  } catch (error) {
    // Acknowledged anyway: the next broadcast, the scheduled run and the admin action register it too.
    log.warn({ message: 'orderform-app-registration-failed', trigger: 'app-setup', status: statusOf(error) })
  }
  await ensureIndexSchema(ctx)
  await registerSchedule(ctx)
}

/** The admin's index schema, created by the app itself (the first index write would do it too). */
async function ensureIndexSchema(ctx: EventContext<Clients>): Promise<void> {
  const log = logger(ctx.vtex.logger)
  try {
    await orderIndexOf(ctx).ensureSchema()
  } catch (error) {
    log.warn({ message: 'index-schema-failed', trigger: 'app-setup', status: statusOf(error) })
  }
}

/**
 * The scheduled run (later retries, reconciliation, backfill) on VTEX's scheduler, for production
 * workspaces only, as vtex-apps/return-app does: a development workspace gets no broadcasts of its
 * own by default and must not reconcile the account's orders.
 */
async function registerSchedule(ctx: EventContext<Clients>): Promise<void> {
  if (ctx.vtex.production !== true) return
  const appName = (process.env.VTEX_APP_ID ?? '').split('@')[0]
  const log = logger(ctx.vtex.logger)
  try {
    await ctx.clients.scheduler.register(appName, scheduledRunSchedule(ctx.vtex.account, ctx.vtex.workspace))
    log.info({ message: 'schedule-registered', trigger: 'app-setup' })
  } catch (error) {
    log.warn({ message: 'schedule-registration-failed', trigger: 'app-setup', status: statusOf(error) })
  }
}
