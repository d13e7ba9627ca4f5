import type { VtexOrder } from '../typings/order'
import { recoverEmail } from './email'
import { normalizePhoneE164 } from './phone'
import { normalizeDocumentDigits } from './document'
import { normalizeName } from './name'

/**
 * The customer's identifiers, normalized and still in clear text. This object lives only in
 * memory while a conversion is mapped: destinations hash what they send, and nothing here
 * is ever logged or stored. `notes` say why a field is absent (safe to log: no PII).
 */
export interface NormalizedCustomer {
  email?: string
  phone?: string
  document?: string
  firstName?: string
  lastName?: string
  isCompany: boolean
  notes: string[]
}

export function normalizeCustomer(order: VtexOrder): NormalizedCustomer {
  const profile = order.clientProfileData ?? {}
  const country = order.shippingData?.address?.country ?? order.storePreferencesData?.countryCode
  const isCompany = profile.isCorporate === true
  const notes: string[] = []

  const emailResult = recoverEmail(profile.email)
  if ('reason' in emailResult) notes.push(emailResult.reason)

  // A company buys under its CNPJ; the buyer's own phone comes first, the company's as fallback.
  const document = normalizeDocumentDigits(isCompany ? profile.corporateDocument || profile.document : profile.document)
  const phone = normalizePhoneE164(profile.phone, country) ?? (isCompany ? normalizePhoneE164(profile.corporatePhone, country) : undefined)
  if (!phone && (profile.phone || profile.corporatePhone)) notes.push('phone-unparseable')

  return {
    email: 'email' in emailResult ? emailResult.email : undefined,
    phone,
    document,
    firstName: normalizeName(profile.firstName),
    lastName: normalizeName(profile.lastName),
    isCompany,
    notes,
  }
}
