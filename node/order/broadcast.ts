import { isOrderId, ORDER_ID_RULE } from '../lib/orderId'

/**
 * The vtex.orders-broadcast `order-status-updated` body. Validated here, at the edge: a malformed
 * broadcast is recorded with its reason and never reaches the pipeline.
 */
export interface OrderStatusBroadcast {
  domain?: string
  orderId: string
  currentState: string
  lastState?: string
  currentChangeDate?: string
  lastChangeDate?: string
}

const STATE = /^[a-z-]{1,64}$/

export type ParsedBroadcast = { ok: true; broadcast: OrderStatusBroadcast } | { ok: false; reason: string }

export function parseBroadcast(body: unknown): ParsedBroadcast {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, reason: 'malformed-broadcast: body is not a JSON object' }
  const { orderId, currentState, domain, lastState, currentChangeDate, lastChangeDate } = body as Record<string, unknown>
  if (!isOrderId(orderId)) return { ok: false, reason: `malformed-broadcast: orderId missing or invalid (${ORDER_ID_RULE})` }
  if (typeof currentState !== 'string' || !STATE.test(currentState))
    return { ok: false, reason: 'malformed-broadcast: currentState missing or invalid' }
  const optional = (value: unknown) => (typeof value === 'string' ? value : undefined)
  return {
    ok: true,
    broadcast: {
      orderId,
      currentState,
      domain: optional(domain),
      lastState: optional(lastState),
      currentChangeDate: optional(currentChangeDate),
      lastChangeDate: optional(lastChangeDate),
    },
  }
}
