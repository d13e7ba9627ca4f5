/**
 * Countries VTEX stores sell in most, keyed by the ISO 3166-1 alpha-3 code OMS uses.
 * alpha2 feeds OpenAI's `country`; callingCode turns national phone numbers into E.164;
 * nationalLengths are the digit counts of a national number without trunk prefix.
 */
export interface CountryInfo {
  alpha2: string
  callingCode: string
  nationalLengths: number[]
}

export const COUNTRIES: Record<string, CountryInfo> = {
  ARG: { alpha2: 'AR', callingCode: '54', nationalLengths: [10, 11] },
  BOL: { alpha2: 'BO', callingCode: '591', nationalLengths: [8] },
  BRA: { alpha2: 'BR', callingCode: '55', nationalLengths: [10, 11] },
  CAN: { alpha2: 'CA', callingCode: '1', nationalLengths: [10] },
  CHL: { alpha2: 'CL', callingCode: '56', nationalLengths: [9] },
  COL: { alpha2: 'CO', callingCode: '57', nationalLengths: [10] },
  CRI: { alpha2: 'CR', callingCode: '506', nationalLengths: [8] },
  DOM: { alpha2: 'DO', callingCode: '1', nationalLengths: [10] },
  ECU: { alpha2: 'EC', callingCode: '593', nationalLengths: [8, 9] },
  ESP: { alpha2: 'ES', callingCode: '34', nationalLengths: [9] },
  FRA: { alpha2: 'FR', callingCode: '33', nationalLengths: [9] },
  GBR: { alpha2: 'GB', callingCode: '44', nationalLengths: [10] },
  GTM: { alpha2: 'GT', callingCode: '502', nationalLengths: [8] },
  ITA: { alpha2: 'IT', callingCode: '39', nationalLengths: [9, 10] },
  MEX: { alpha2: 'MX', callingCode: '52', nationalLengths: [10] },
  PAN: { alpha2: 'PA', callingCode: '507', nationalLengths: [7, 8] },
  PER: { alpha2: 'PE', callingCode: '51', nationalLengths: [8, 9] },
  PRT: { alpha2: 'PT', callingCode: '351', nationalLengths: [9] },
  PRY: { alpha2: 'PY', callingCode: '595', nationalLengths: [9] },
  ROU: { alpha2: 'RO', callingCode: '40', nationalLengths: [9] },
  URY: { alpha2: 'UY', callingCode: '598', nationalLengths: [8] },
  USA: { alpha2: 'US', callingCode: '1', nationalLengths: [10] },
}

export const countryInfo = (alpha3: string | null | undefined): CountryInfo | undefined =>
  alpha3 ? COUNTRIES[alpha3.trim().toUpperCase()] : undefined
