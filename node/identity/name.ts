/**
 * Names: trimmed, inner whitespace collapsed to one space, lower-cased, Unicode NFC
 * (so a decomposed "João" hashes like a composed one). Accents are kept.
 */
export function normalizeName(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined
  const normalized = raw.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()
  return normalized === '' ? undefined : normalized
}
