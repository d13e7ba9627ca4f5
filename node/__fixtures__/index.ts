import { readFileSync } from 'fs'
import { join } from 'path'
import type { VtexOrder } from '../typings/order'
import type { OrderStatusBroadcast } from '../order/broadcast'

/**
 * Copies of ../shared/fixtures: VTEX OMS orders, orders-broadcast sequences and Master Data CL
 * answers. Inside node/ so the service's tests need nothing outside it; .vtexignore keeps this
 * folder (and every __tests__) away from the VTEX builders.
 */
const FIXTURES = __dirname

/**
 * The store's own sales, whose e-mail OMS returns readable (soft mask, or none): mapped without a
 * profile lookup, each one convertible. Besides the plain ones: a Chilean store (CLP, 0 display
 * decimals, amounts still in hundredths), a grocery order with items sold by weight and by pack
 * (unitMultiplier) and a coupon, and an order changed after it was placed (changesAttachment).
 */
export const ORDER_FIXTURES = ['simple', 'corporate-multiseller', 'no-identity', 'chile-clp', 'weighed-and-packs', 'changed-order'] as const
/** A default (hard-masked) store's order: its e-mail is only in the customer's Master Data CL document. */
export const HARD_MASKED_FIXTURE = 'hard-masked'
/** A seller's fulfillment order of a sale made on a marketplace (origin Fulfillment): not the seller's conversion by default. */
export const MARKETPLACE_FULFILLMENT_FIXTURE = 'marketplace-fulfillment'
export type OrderFixture = (typeof ORDER_FIXTURES)[number] | typeof HARD_MASKED_FIXTURE | typeof MARKETPLACE_FULFILLMENT_FIXTURE

export const loadOrder = (name: OrderFixture): VtexOrder => JSON.parse(readFileSync(join(FIXTURES, 'orders', `${name}.json`), 'utf8'))

export const loadBroadcasts = (name: 'simple-lifecycle' | 'invoiced-only' | 'canceled-after-payment'): OrderStatusBroadcast[] =>
  JSON.parse(readFileSync(join(FIXTURES, 'broadcasts', `${name}.json`), 'utf8'))

/** `GET /api/dataentities/CL/search?_where=userId=<id>&_fields=email,userId` answers, by userId. */
export const loadProfileAnswer = (userId: string): Array<{ userId: string; email: string }> =>
  JSON.parse(readFileSync(join(FIXTURES, 'masterdata', `CL-${userId}.json`), 'utf8'))

/** VTEX's own example order from the Orders API's OpenAPI file (Get order, 200 example): no storefront session. */
export const loadVtexExampleOrder = (): VtexOrder => JSON.parse(readFileSync(join(FIXTURES, 'openapi', 'orders-api-get-order.json'), 'utf8'))
