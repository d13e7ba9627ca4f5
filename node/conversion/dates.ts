/**
 * OMS dates carry 7 fractional digits and an offset (`2026-11-20T14:31:07.1234567+00:00`).
 * Parsed to epoch ms; formatted as ISO 8601 UTC without fraction (`2026-11-20T14:31:07Z`),
 * the shape of VTEX Ads' examples.
 */
export function parseOmsDate(value: string): number | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim())
  if (!match) return undefined
  const [, seconds, fraction = '', zone = 'Z'] = match
  const ms = Date.parse(`${seconds}.${fraction.padEnd(3, '0').slice(0, 3)}${zone}`)
  return Number.isNaN(ms) ? undefined : ms
}

export const toIsoUtcSeconds = (epochMs: number): string => new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z')
