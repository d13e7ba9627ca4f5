/**
 * OMS masks e-mails for data protection in two shapes:
 * - the real address with a suffix: `maria@example.com-261804309191b.ct.vtex.com.br` (recoverable);
 * - an opaque alias: `7bf3a59b...@ct.vtex.com.br` (not recoverable).
 * A masked address is never hashed: hashing the alias would match nobody and leak nothing useful.
 */
const MASK_SUFFIX = /-\d+b\.ct\.vtex\.com\.br$/i
const OPAQUE_ALIAS = /@ct\.vtex\.com\.br$/i
/**
 * Data Protection Plus stores mask PII with asterisks (`j***.d**@e******.c**`, VTEX's Profile
 * System and Orders API PII version without `reason`). A domain never holds `*`, so such an
 * address is a mask, not an address.
 */
const STARRED_DOMAIN = /@[^@]*\*/
const PLAUSIBLE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export type EmailResult = { email: string } | { reason: 'email-missing' | 'email-masked-unrecoverable' | 'email-invalid' }

/**
 * Trimmed and lower-cased (vtexads-api-docs 5.6 normalization), in Unicode NFC: an address typed
 * with a composed `é` and one with `e` + combining accent are the same address and must hash the
 * same. NFC again after lower-casing, which can decompose (`İ` → `i̇`).
 */
export const normalizeEmail = (email: string): string => email.normalize('NFC').trim().toLowerCase().normalize('NFC')

export function recoverEmail(raw: string | null | undefined): EmailResult {
  if (!raw || raw.trim() === '') return { reason: 'email-missing' }
  const unmasked = raw.trim().replace(MASK_SUFFIX, '')
  if (OPAQUE_ALIAS.test(unmasked) || STARRED_DOMAIN.test(unmasked)) return { reason: 'email-masked-unrecoverable' }
  const email = normalizeEmail(unmasked)
  return PLAUSIBLE_EMAIL.test(email) ? { email } : { reason: 'email-invalid' }
}
