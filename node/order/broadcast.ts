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

const ORDER_ID = /^[A-Za-z0-9._-]{1,64}$/
const STATE = /^[a-z-]{1,64}$/

export type ParsedBroadcast = { ok: true; broadcast: OrderStatusBroadcast } | { ok: false; reason: string }

export function parseBroadcast(body: unknown): ParsedBroadcast {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, reason: 'malformed-broadcast: body is not a JSON object' }
  const { orderId, currentState, domain, lastState, currentChangeDate, lastChangeDate } = body as Record<string, unknown>
  if (typeof orderId !== 'string' || !ORDER_ID.test(orderId))
    return { ok: false, reason: 'malformed-broadcast: orderId missing or invalid' }
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
