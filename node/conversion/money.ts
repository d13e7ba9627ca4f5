/**
 * VTEX stores every amount as an integer in hundredths of the currency unit, whatever the
 * currency: "Any properties representing monetary values will have cents as their units"
 * (dev-portal-content, orderform-fields.md; the Orders API says "in cents" on every total), and
 * VTEX's own order-placed app divides by 100 for every currency (vtex-apps/order-placed,
 * FormattedPrice.tsx). `currencyFormatInfo.CurrencyDecimalDigits` only says how the store
 * displays prices: it is 0 for CLP, whose amounts are still in hundredths (CLP 14.990 is 1499000).
 */
export const VTEX_CENTS_PER_UNIT = 100

/** VTEX cents → currency units, as VTEX Ads and impact want them (1499000 → 14990, 189990 → 1899.9). */
export const centsToUnits = (cents: number): number => Math.round(cents) / VTEX_CENTS_PER_UNIT

/** Currency units with the two decimals VTEX keeps: "1899.90", "14990.00" (impact's decimal format). */
export const formatUnits = (cents: number): string => centsToUnits(cents).toFixed(2)

/**
 * ISO 4217 minor-unit exponents that are not 2 (ISO 4217 List One, "Minor unit" column; funds,
 * precious metals and testing codes left out). Every other currency has 2.
 */
const ISO_4217_EXPONENTS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
}

export const iso4217Exponent = (currency: string | undefined): number => (currency ? (ISO_4217_EXPONENTS[currency.toUpperCase()] ?? 2) : 2)

/**
 * VTEX cents → an integer in the currency's ISO 4217 minor unit, as OpenAI wants amounts
 * (USD 25.99: 2599 → 2599; CLP 14.990: 1499000 → 14990).
 * - exponent 0 (CLP, JPY…): divided by 100 and rounded to the nearest unit (a percentage
 *   discount can leave hundredths VTEX keeps but the currency has not);
 * - exponent 3 (KWD, BHD…) or 4: multiplied by 10 or 100, exactly. VTEX never held the third
 *   decimal (KWD 12.345 is stored as 1234 or 1235 cents), so 12.34 is sent as 12340 fils: no
 *   precision is invented, none is lost.
 */
export function centsToIsoMinor(cents: number, currency: string | undefined): number {
  const exponent = iso4217Exponent(currency)
  const whole = Math.round(cents)
  return exponent >= 2 ? whole * 10 ** (exponent - 2) : Math.round(whole / 10 ** (2 - exponent))
}
