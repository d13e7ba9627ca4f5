import { loadOrder } from '../../node/__fixtures__'
import type { VtexOrder } from '../../node/typings/order'

/**
 * The admin demo's settings mistake: the store runs a second site (sales channel 3, "My Store
 * Outlet") under the same VTEX Ads publisher, and its brand mapping row has a typo. VTEX Ads
 * refuses the outlet's conversions (422: the brand is none of the publisher's sites), so they
 * become dead letters; fixing the row in the settings and replaying them delivers them.
 */
export const OUTLET_SALES_CHANNEL = '3'
export const OUTLET_BRAND = 'My Store Outlet'
export const MISTYPED_OUTLET_BRAND = 'My Store Outlt'

export const withOutletBrand = (settings: Record<string, unknown>, brand: string): Record<string, unknown> => ({
  ...settings,
  brandMappings: [{ salesChannel: OUTLET_SALES_CHANNEL, brand }],
})

/** An order placed on the outlet site (the simple fixture's cart and shopper), `minutesAgo` minutes ago. */
export function outletOrder(orderId: string, nowMs: number, minutesAgo = 30): VtexOrder {
  return { ...loadOrder('simple'), orderId, salesChannel: OUTLET_SALES_CHANNEL, creationDate: new Date(nowMs - minutesAgo * 60_000).toISOString() }
}

export const OUTLET_ORDER_ID = '1390660515333-01'

/**
 * The screenshots' second mistake: impact.com's auth token was revoked, so impact answers 401 to
 * every conversion since: its dead letters pile up with no success, and Health opens with the
 * failure banner (fixed by a new token in the settings, then a replay).
 */
export const withRevokedImpactToken = (settings: Record<string, unknown>): Record<string, unknown> => ({ ...settings, impactAuthToken: 'revoked-impact-token' })

/** npm start's settings: the sandbox's, with the outlet's mistyped brand row. */
export const withAdminDemoMistake = (settings: Record<string, unknown>) => withOutletBrand(settings, MISTYPED_OUTLET_BRAND)

/**
 * Places the outlet order and sends its broadcast, as the platform would: with the mistyped brand
 * row in the settings, VTEX Ads refuses it and the admin shows a dead letter to fix and replay.
 */
export async function seedAdminDemo(sandbox: { state: { orders: Map<string, VtexOrder> }; service?: { sendEvent(body: unknown): Promise<number> } }, nowMs = Date.now()): Promise<string> {
  sandbox.state.orders.set(OUTLET_ORDER_ID, outletOrder(OUTLET_ORDER_ID, nowMs))
  await sandbox.service!.sendEvent({ domain: 'Marketplace', orderId: OUTLET_ORDER_ID, currentState: 'order-created', lastState: '' })
  return OUTLET_ORDER_ID
}
