/**
 * Names as VTEX Ads normalizes them before hashing: "names normalized (trim, no double spaces)"
 * (vtexads-api-docs, en/docs/5.6-events.md, "Recommended normalization for hashing"). Nothing
 * more: case and accents are kept, since a hash only matches one built by the same rule. VTEX Ads
 * is the only destination that takes names (impact and OpenAI have no name field). In Unicode NFC,
 * so "José" typed with a composed `é` or with `e` + combining accent hashes the same.
 */
export function normalizeName(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined
  const normalized = raw.normalize('NFC').trim().replace(/\s+/g, ' ')
  return normalized === '' ? undefined : normalized
}
