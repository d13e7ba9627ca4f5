/** VTEX amounts are integers in minor units; the order says how many decimals its currency has. */
export const currencyDecimals = (digits: number | null | undefined): number =>
  Number.isInteger(digits) && (digits as number) >= 0 && (digits as number) <= 4 ? (digits as number) : 2

/** Minor units → decimal currency units, rounded to the currency's precision (no float artifacts). */
export function minorToUnits(minor: number, decimals: number): number {
  const factor = 10 ** decimals
  return Math.round(minor) / factor
}
