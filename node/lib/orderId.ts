/**
 * The one order-id rule, checked at every entry (broadcast, replay, preview, backfill, claim).
 * VTEX order ids are letters, digits and dashes (`1390620512853-01`, `SLR-1390620512853-01`,
 * `v502556llux-01`); dots and underscores are allowed for other sellers' formats. A first
 * character that is a letter or digit keeps `.` and `..` out of VBase paths and document ids.
 */
export const ORDER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

export const ORDER_ID_RULE = 'an order id is 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit'

export const isOrderId = (value: unknown): value is string => typeof value === 'string' && ORDER_ID_PATTERN.test(value)

/** The ids that break the rule, each quoted (at most 80 characters of it), for an error message. */
export function invalidOrderIds(values: readonly unknown[]): string[] {
  return values.filter((value) => !isOrderId(value)).map((value) => JSON.stringify(String(value).slice(0, 80)))
}
