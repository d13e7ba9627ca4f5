/**
 * The one rule for every id we store, send or write into the orderForm (DESIGN.md "Identity
 * bridge"): anything that does not match is treated as absent, never forwarded or repaired.
 */
const ID_PATTERN = /^[A-Za-z0-9._:~-]{1,128}$/

export const validId = (value: unknown): string | undefined =>
  typeof value === 'string' && ID_PATTERN.test(value) ? value : undefined
