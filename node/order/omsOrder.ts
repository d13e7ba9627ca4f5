import type { VtexOrder } from '../typings/order'

/**
 * What OMS answered, checked before anything maps it. Two different failures:
 * - the answer is not an order at all (HTML from a proxy, truncated JSON left as text, `null`):
 *   OMS or the way to it is having a bad moment, so it is transient;
 * - it is an order with a line or field no mapping can use (a `null` item line, no creation date):
 *   retrying returns the same order, so it is a dead letter with the reason, never an exception.
 */
export type CheckedOrder = { kind: 'order'; order: VtexOrder } | { kind: 'not-an-order'; reason: string } | { kind: 'malformed'; reason: string }

const describeAnswer = (answer: unknown): string => {
  if (typeof answer === 'string') return /^\s*</.test(answer) ? 'an HTML page' : 'text that is not JSON'
  if (answer === null || answer === undefined) return 'an empty answer'
  return Array.isArray(answer) ? 'a JSON array' : `a JSON ${typeof answer}`
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isFiniteNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value)

export function checkOmsOrder(answer: unknown, orderId: string): CheckedOrder {
  if (!isObject(answer) || typeof answer.orderId !== 'string') return { kind: 'not-an-order', reason: `the answer is not an order (${describeAnswer(answer)})` }
  if (answer.orderId !== orderId) return { kind: 'not-an-order', reason: 'the answer is another order' }
  if (typeof answer.creationDate !== 'string') return { kind: 'malformed', reason: 'the order has no creationDate' }
  if (!Array.isArray(answer.items)) return { kind: 'malformed', reason: 'the order has no items array' }
  for (const [index, item] of answer.items.entries()) {
    if (!isObject(item)) return { kind: 'malformed', reason: `items[${index}] is not an item line (${item === null ? 'null' : typeof item})` }
    if (typeof item.id !== 'string' || item.id === '') return { kind: 'malformed', reason: `items[${index}] has no SKU id` }
    if (!isFiniteNumber(item.quantity) || !isFiniteNumber(item.price)) return { kind: 'malformed', reason: `items[${index}] has no numeric quantity and price` }
  }
  return { kind: 'order', order: answer as unknown as VtexOrder }
}
