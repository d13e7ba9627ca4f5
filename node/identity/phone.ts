import { countryInfo } from './country'

const E164 = /^\+[1-9]\d{7,14}$/

/**
 * E.164 with the plus sign and no masks: `(21) 98765-4321` on a Brazilian order → `+5521987654321`.
 * The order's country gives the calling code for national numbers; undefined when the number
 * cannot be made valid (never guess: a wrong number hashes to a wrong match).
 */
export function normalizePhoneE164(raw: string | null | undefined, countryAlpha3: string | null | undefined): string | undefined {
  if (!raw) return undefined
  const trimmed = raw.trim()
  const digits = trimmed.replace(/\D/g, '')
  if (digits === '') return undefined

  let candidate: string | undefined
  if (trimmed.startsWith('+')) candidate = `+${digits}`
  else if (digits.startsWith('00')) candidate = `+${digits.slice(2)}`
  else {
    const country = countryInfo(countryAlpha3)
    if (!country) return undefined
    const national = digits.replace(/^0+/, '')
    if (country.nationalLengths.includes(national.length)) candidate = `+${country.callingCode}${national}`
    else if (national.startsWith(country.callingCode) && country.nationalLengths.includes(national.length - country.callingCode.length)) {
      candidate = `+${national}`
    }
  }
  return candidate && E164.test(candidate) ? candidate : undefined
}
