import type { Conversion } from '../../conversion/conversion'
import { sha256Hex } from '../../identity/hash'

/**
 * The event's `user` object, by OpenAI's own rules (developers.openai.com/ads/conversions-api,
 * "user"): `email_sha256` is the SHA-256 hex of the address trimmed and lower-cased (what
 * customer.email already is, never a masked alias); `external_id_sha256` the SHA-256 hex of a
 * stable pseudonymous id (the VTEX profile id); `country` ISO 3166-1 alpha-2; `city` at most 128
 * characters (OpenAI trims and lower-cases it itself); `zip_code` letters, digits, spaces or
 * hyphens, at most 32. A value outside those rules is left out rather than cut or rewritten, so
 * it cannot fail the event (and its batch). No phone or name: OpenAI takes none.
 */
export interface OpenAIUser {
  email_sha256?: string
  external_id_sha256?: string
  country?: string
  city?: string
  zip_code?: string
}

export const OPENAI_CITY_MAX_LENGTH = 128
const ZIP_CODE = /^[A-Za-z0-9 -]{1,32}$/
const COUNTRY = /^[A-Z]{2}$/

export function toOpenAIUser(conversion: Conversion): OpenAIUser | undefined {
  const { identity, customer, address } = conversion
  const user: OpenAIUser = {}
  if (customer.email !== undefined) user.email_sha256 = sha256Hex(customer.email)
  if (identity.userId !== undefined) user.external_id_sha256 = sha256Hex(identity.userId)
  if (address.countryAlpha2 && COUNTRY.test(address.countryAlpha2)) user.country = address.countryAlpha2
  if (address.city && address.city.length <= OPENAI_CITY_MAX_LENGTH) user.city = address.city
  if (address.postalCode && ZIP_CODE.test(address.postalCode)) user.zip_code = address.postalCode
  return Object.keys(user).length > 0 ? user : undefined
}
