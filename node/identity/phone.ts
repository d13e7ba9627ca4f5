import { countriesByCallingCode, countryInfo, type CountryInfo } from './country'

/**
 * E.164 with the plus sign and no masks, as VTEX Ads hashes phones ("phone in E.164 format (e.g.,
 * +15551234567), no masks", vtexads-api-docs 5.6): `(21) 98765-4321` on a Brazilian order →
 * `+5521987654321`. VTEX Ads is the only destination that takes a phone.
 *
 * A number is only returned when it is certain: a wrong number hashes to somebody else's match,
 * a missing one only to fewer matches. So undefined when
 * - the field holds more than a number: letters, `#`, `,`, `/`… (an extension, "ramal 12", two
 *   numbers, a note), since the digits run together would be another number;
 * - it is written nationally but does not fit the order country's numbering plan (a foreign
 *   number without `+` on a Brazilian order is not made `+55…`), or the country's national
 *   format cannot be converted without guessing (see country.ts);
 * - it is international (`+` or `00`) with a calling code we know but a national part that does
 *   not fit that country's plan. `+` with a calling code we have no plan for is taken as written
 *   (8 to 15 digits); `00` then is not, as it may be a carrier's international prefix.
 */
const NUMBER_ONLY = /^\+?[\d\s().-]+$/
const E164 = /^\+[1-9]\d{7,14}$/

function international(digits: string, takeUnknown: boolean): string | undefined {
  const plans = countriesByCallingCode(digits)
  if (plans.length === 0) return takeUnknown && E164.test(`+${digits}`) ? `+${digits}` : undefined
  const fits = plans.some((plan) => plan.nationalNumber.test(digits.slice(plan.callingCode.length)))
  return fits && E164.test(`+${digits}`) ? `+${digits}` : undefined
}

/** The national number without trunk prefix (and carrier code), when one of the readings fits the plan. */
function nationalSignificant(digits: string, country: CountryInfo): string | undefined {
  const readings = [digits]
  const { trunkPrefix, carrierCode } = country
  if (trunkPrefix && digits.startsWith(trunkPrefix)) {
    const afterTrunk = digits.slice(trunkPrefix.length)
    readings.push(afterTrunk)
    const carrier = carrierCode?.exec(afterTrunk)
    if (carrier) readings.push(afterTrunk.slice(carrier[0].length))
  }
  return readings.find((reading) => country.nationalNumber.test(reading))
}

export function normalizePhoneE164(raw: string | null | undefined, countryAlpha3: string | null | undefined): string | undefined {
  // NFC like every identifier that is hashed; what is not a plain number is refused below anyway.
  const trimmed = raw?.normalize('NFC').trim()
  if (!trimmed || !NUMBER_ONLY.test(trimmed)) return undefined
  const digits = trimmed.replace(/\D/g, '')
  if (digits === '') return undefined
  if (trimmed.startsWith('+')) return international(digits, true)
  if (digits.startsWith('00')) return international(digits.slice(2), false)

  const country = countryInfo(countryAlpha3)
  if (!country || country.dialedNationally === false) return undefined
  const national = nationalSignificant(digits, country)
  if (national) return `+${country.callingCode}${national}`
  // The calling code written without its plus: 55 21 98765-4321.
  if (digits.startsWith(country.callingCode) && country.nationalNumber.test(digits.slice(country.callingCode.length))) return `+${digits}`
  return undefined
}
