import { readFileSync } from 'fs'
import { join } from 'path'
import type { VtexOrder } from '../node/typings/order'
import type { OrderStatusBroadcast } from '../node/events/broadcast'

/** Copies of ../shared/fixtures: VTEX OMS orders and orders-broadcast sequences. */
const FIXTURES = join(__dirname, 'fixtures')

export const ORDER_FIXTURES = ['simple', 'corporate-multiseller', 'no-identity'] as const
export type OrderFixture = (typeof ORDER_FIXTURES)[number]

export const loadOrder = (name: OrderFixture): VtexOrder => JSON.parse(readFileSync(join(FIXTURES, 'orders', `${name}.json`), 'utf8'))

export const loadBroadcasts = (name: 'simple-lifecycle' | 'invoiced-only' | 'canceled-after-payment'): OrderStatusBroadcast[] =>
  JSON.parse(readFileSync(join(FIXTURES, 'broadcasts', `${name}.json`), 'utf8'))
