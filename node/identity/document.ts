/**
 * CPF/CNPJ (and other tax ids): digits only, so `529.982.247-25` and `52998224725` hash the same.
 * NFC first, like every identifier that is hashed (a no-op for ASCII digits, kept for one rule).
 */
export function normalizeDocumentDigits(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined
  const digits = raw.normalize('NFC').replace(/\D/g, '')
  return digits === '' ? undefined : digits
}
