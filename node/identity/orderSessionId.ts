import { ADS_ID_PATTERN } from './adsId'

/**
 * The `session_id` of a sale that carried no storefront session (placed before the pixel ran, by
 * telesales, on a marketplace, in an app, or when the customData write failed). VTEX Ads' Track
 * conversions asks for every completed sale ("regardless of whether an ad led to the purchase":
 * attribution windows, assisted sales) and requires `session_id`, so the order gets one of its own:
 *
 * - in the ads id format (toAdsId: letters and digits only, at most 128);
 * - deterministic: the same order always gets the same id, so a resend or a replay is the same body;
 * - injective: two order ids never share one. Letters and digits stay as they are, except `x`,
 *   which escapes every other character as `x` + its UTF-8 bytes in two lower-case hex digits
 *   (`-` → `x2d`, `x` → `x78`). Each piece decodes one way (a prefix-free code), so the id decodes
 *   back to exactly one order id: `1172452900788-01` → `order1172452900788x2d01`;
 * - never a visitor's id: visitor ids are UUIDs (ours, and VTEX's `VtexRCMacIdv7`), 32 hex digits
 *   once in the ads format, and this id starts with `order`, whose `o` and `r` are not hex digits.
 *   So no ad event of any visitor is ever joined to a sale it did not lead to.
 *
 * Undefined when the encoding would exceed 128 characters (an order id far longer than VTEX's
 * `{sequence}-{nn}`): no id is better than a cut one, which could be another order's.
 */
export const ORDER_SESSION_PREFIX = 'order'

const KEPT = /[A-Za-wyz0-9]/

const escapeChar = (char: string): string =>
  KEPT.test(char)
    ? char
    : [...Buffer.from(char, 'utf8')].map((byte) => `x${byte.toString(16).padStart(2, '0')}`).join('')

export function orderSessionId(orderId: string): string | undefined {
  if (orderId === '') return undefined
  const id = ORDER_SESSION_PREFIX + Array.from(orderId, escapeChar).join('')
  return ADS_ID_PATTERN.test(id) ? id : undefined
}
