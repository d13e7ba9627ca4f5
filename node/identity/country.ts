/**
 * Countries VTEX stores sell in most, keyed by the ISO 3166-1 alpha-3 code OMS uses. alpha2 feeds
 * OpenAI's `country`; the rest is each country's numbering plan, what normalizePhoneE164 needs to
 * tell a valid number from a guess:
 * - nationalNumber: the national significant number (what follows the calling code in E.164),
 *   mobile and fixed lines, simplified from the plans in libphonenumber's metadata
 *   (google/libphonenumber, resources/PhoneNumberMetadata.xml) and the national regulators';
 * - trunkPrefix: dialed before a national number inside the country, never part of E.164
 *   (Brazil's 0 in "021 …", the 1 of "1 415 …" in North America);
 * - carrierCode: a long-distance carrier code that may follow the trunk prefix (Brazil's
 *   "0 21 11 …", Anatel's carrier selection codes);
 * - dialedNationally: false where a number written the national way cannot be turned into E.164
 *   without rules we do not apply (Argentina inserts a 9 and drops a 15 for mobiles).
 */
export interface CountryInfo {
  alpha2: string
  callingCode: string
  nationalNumber: RegExp
  trunkPrefix?: string
  carrierCode?: RegExp
  dialedNationally?: false
}

const NANP = /^[2-9]\d{2}[2-9]\d{6}$/

export const COUNTRIES: Record<string, CountryInfo> = {
  ARG: { alpha2: 'AR', callingCode: '54', nationalNumber: /^9?(?:11|[2368]\d)\d{8}$/, trunkPrefix: '0', dialedNationally: false },
  BOL: { alpha2: 'BO', callingCode: '591', nationalNumber: /^[2-467]\d{7}$/ },
  // Two-digit area code (DDD), then 8 digits starting 2-5 (fixed) or 9 digits starting 9 (mobile).
  BRA: {
    alpha2: 'BR',
    callingCode: '55',
    nationalNumber: /^(?:[14689][1-9]|2[12478]|3[1-578]|5[13-5]|7[13-579])(?:[2-5]\d{7}|9\d{8})$/,
    trunkPrefix: '0',
    carrierCode: /^(?:1[245]|2[1-35]|31|4[13]|[56]5|99)/,
  },
  CAN: { alpha2: 'CA', callingCode: '1', nationalNumber: NANP, trunkPrefix: '1' },
  CHL: { alpha2: 'CL', callingCode: '56', nationalNumber: /^[2-9]\d{8}$/ },
  COL: { alpha2: 'CO', callingCode: '57', nationalNumber: /^(?:3\d{9}|60[1-8]\d{7})$/ },
  CRI: { alpha2: 'CR', callingCode: '506', nationalNumber: /^[2-8]\d{7}$/ },
  DOM: { alpha2: 'DO', callingCode: '1', nationalNumber: NANP, trunkPrefix: '1' },
  ECU: { alpha2: 'EC', callingCode: '593', nationalNumber: /^(?:[2-7]\d{7}|9\d{8})$/, trunkPrefix: '0' },
  ESP: { alpha2: 'ES', callingCode: '34', nationalNumber: /^[5-9]\d{8}$/ },
  FRA: { alpha2: 'FR', callingCode: '33', nationalNumber: /^[1-9]\d{8}$/, trunkPrefix: '0' },
  GBR: { alpha2: 'GB', callingCode: '44', nationalNumber: /^(?:[1-3]\d{8,9}|7\d{9})$/, trunkPrefix: '0' },
  GTM: { alpha2: 'GT', callingCode: '502', nationalNumber: /^[2-7]\d{7}$/ },
  // Italy keeps the leading 0 of fixed lines in E.164 (+39 06 …): it is not a trunk prefix.
  ITA: { alpha2: 'IT', callingCode: '39', nationalNumber: /^(?:0\d{5,10}|3\d{8,9})$/ },
  MEX: { alpha2: 'MX', callingCode: '52', nationalNumber: /^[2-9]\d{9}$/ },
  PAN: { alpha2: 'PA', callingCode: '507', nationalNumber: /^(?:6\d{7}|[2-9]\d{6})$/ },
  PER: { alpha2: 'PE', callingCode: '51', nationalNumber: /^(?:9\d{8}|[1-8]\d{7})$/, trunkPrefix: '0' },
  PRT: { alpha2: 'PT', callingCode: '351', nationalNumber: /^(?:[26-9]\d|30)\d{7}$/ },
  PRY: { alpha2: 'PY', callingCode: '595', nationalNumber: /^(?:9\d{8}|[2-8]\d{6,8})$/, trunkPrefix: '0' },
  ROU: { alpha2: 'RO', callingCode: '40', nationalNumber: /^[237]\d{8}$/, trunkPrefix: '0' },
  URY: { alpha2: 'UY', callingCode: '598', nationalNumber: /^(?:[24]\d{7}|9[1-9]\d{6})$/, trunkPrefix: '0' },
  USA: { alpha2: 'US', callingCode: '1', nationalNumber: NANP, trunkPrefix: '1' },
}

export const countryInfo = (alpha3: string | null | undefined): CountryInfo | undefined =>
  alpha3 ? COUNTRIES[alpha3.trim().toUpperCase()] : undefined

/** The countries whose calling code starts `digits` (several for +1). */
export const countriesByCallingCode = (digits: string): CountryInfo[] =>
  Object.values(COUNTRIES).filter((country) => digits.startsWith(country.callingCode))
