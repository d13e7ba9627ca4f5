/**
 * The one rule for every id we store, send or write into the orderForm (DESIGN.md "Identity
 * bridge"): anything that does not match is treated as absent, never forwarded or repaired.
 */
const ID_PATTERN = /^[A-Za-z0-9._:~-]{1,128}$/

export const validId = (value: unknown): string | undefined =>
  typeof value === 'string' && ID_PATTERN.test(value) ? value : undefined

/**
 * session_id and user_id as VTEX Ads gets them, identical in Get ads, the events and the orderForm
 * the conversion reads: letters and digits only, the Ads API's strictest documented rule (sources in
 * node/identity/adsId.ts). A valid id maps by dropping every other character: a hyphenated UUID
 * (ours from before, VTEX's visitor cookie, the profile id) keeps its 32 hex digits, so the same
 * visitor or profile always maps to the same id. Nothing left: absent.
 */
export const adsId = (value: unknown): string | undefined => (validId(value) || '').replace(/\W|_/g, '') || undefined
