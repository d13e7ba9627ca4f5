/** CPF/CNPJ (and other tax ids): digits only, so `529.982.247-25` and `52998224725` hash the same. */
export function normalizeDocumentDigits(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined
  const digits = raw.replace(/\D/g, '')
  return digits === '' ? undefined : digits
}
