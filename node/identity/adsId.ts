/**
 * The one format of `session_id` and `user_id` everywhere the app sends them to VTEX Ads (Get ads,
 * impression/view/click events, conversions): letters and digits only.
 *
 * Why: VTEX's OpenAPI for the Ads API ("VTEX - Ads API.json", vtex/openapi-schemas) documents Get
 * ads' `session_id` ("Persistent visitor identifier… Must contain only alphanumeric characters",
 * example `f361661f5986477990092a34562f18347`) and `user_id` ("Must contain only alphanumeric
 * characters") strictly, while its events and Track conversions accept any string (their examples
 * carry hyphenated UUIDs). The strictest documented rule is the only one all three accept, and an id
 * must be identical in all three for VTEX Ads to join an ad's events to the sale. A UUID keeps its
 * 32 hex digits (`6f92d1e9-00b6-…` → `6f92d1e900b6…`), so the rule is a projection, not a new id:
 * the same visitor or profile always maps to the same value.
 */
export const ADS_ID_PATTERN = /^[A-Za-z0-9]{1,128}$/

/** The id in the ads format, or undefined when nothing alphanumeric is left (treated as absent). */
export function toAdsId(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined
  const id = value.replace(/[^A-Za-z0-9]/g, '')
  return ADS_ID_PATTERN.test(id) ? id : undefined
}
