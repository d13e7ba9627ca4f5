import { readFileSync } from 'fs'
import { join } from 'path'
import type { VtexOrder } from '../typings/order'
import type { OrderStatusBroadcast } from '../events/broadcast'

/**
 * Copies of ../shared/fixtures: VTEX OMS orders, orders-broadcast sequences and Master Data CL
 * answers. Inside node/ so the service's tests need nothing outside it; .vtexignore keeps this
 * folder (and every __tests__) away from the VTEX builders.
 */
const FIXTURES = __dirname

/** Orders whose e-mail OMS returns readable (soft mask, or none): mapped without a profile lookup. */
export const ORDER_FIXTURES = ['simple', 'corporate-multiseller', 'no-identity'] as const
/** A default (hard-masked) store's order: its e-mail is only in the customer's Master Data CL document. */
export const HARD_MASKED_FIXTURE = 'hard-masked'
export type OrderFixture = (typeof ORDER_FIXTURES)[number] | typeof HARD_MASKED_FIXTURE

export const loadOrder = (name: OrderFixture): VtexOrder => JSON.parse(readFileSync(join(FIXTURES, 'orders', `${name}.json`), 'utf8'))

export const loadBroadcasts = (name: 'simple-lifecycle' | 'invoiced-only' | 'canceled-after-payment'): OrderStatusBroadcast[] =>
  JSON.parse(readFileSync(join(FIXTURES, 'broadcasts', `${name}.json`), 'utf8'))

/** `GET /api/dataentities/CL/search?_where=userId=<id>&_fields=email,userId` answers, by userId. */
export const loadProfileAnswer = (userId: string): Array<{ userId: string; email: string }> =>
  JSON.parse(readFileSync(join(FIXTURES, 'masterdata', `CL-${userId}.json`), 'utf8'))
