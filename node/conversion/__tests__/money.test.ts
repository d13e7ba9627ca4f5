import { toConversion } from '../conversion'
import { centsToIsoMinor, centsToUnits, formatUnits, iso4217Exponent } from '../money'
import { loadOrder } from '../../__fixtures__'

describe('money: VTEX cents are hundredths in every currency', () => {
  it('turns cents into currency units by 100, whatever the store displays', () => {
    expect(centsToUnits(189900)).toBe(1899)
    expect(centsToUnits(15990)).toBe(159.9)
    // CLP 14.990: VTEX holds 1499000 though the store shows no decimals.
    expect(centsToUnits(1499000)).toBe(14990)
    expect(formatUnits(1499000)).toBe('14990.00')
    expect(formatUnits(189990)).toBe('1899.90')
  })

  it('gives OpenAI integers in the ISO 4217 minor unit of the currency', () => {
    expect(centsToIsoMinor(2599, 'USD')).toBe(2599)
    expect(centsToIsoMinor(1499000, 'CLP')).toBe(14990)
    expect(centsToIsoMinor(250000, 'JPY')).toBe(2500)
    // Hundredths a percentage discount leaves on a zero-decimal currency round to the nearest unit.
    expect(centsToIsoMinor(764167, 'CLP')).toBe(7642)
    // Three decimals: VTEX never held the third one, so KWD 12.34 is 12340 fils, exactly.
    expect(centsToIsoMinor(1234, 'KWD')).toBe(12340)
    expect(centsToIsoMinor(1234, 'CLF')).toBe(123400)
  })

  it('knows the exponents that are not 2 and defaults to 2', () => {
    expect([
      iso4217Exponent('CLP'),
      iso4217Exponent('clp'),
      iso4217Exponent('BHD'),
      iso4217Exponent('BRL'),
      iso4217Exponent(undefined),
    ]).toEqual([0, 0, 3, 2, 2])
  })

  it('maps the Chilean order to pesos, not to 100 times the price (CurrencyDecimalDigits is 0 there)', () => {
    const order = loadOrder('chile-clp')
    expect(order.storePreferencesData?.currencyFormatInfo?.CurrencyDecimalDigits).toBe(0)
    const conversion = toConversion(order)
    expect(conversion.currency).toBe('CLP')
    expect(conversion.items.map(({ sku, quantity, listUnit, paidUnit }) => ({ sku, quantity, listUnit, paidUnit }))).toEqual([
      { sku: '880011', quantity: 1, listUnit: 59990, paidUnit: 49990 },
      // 3 pairs for CLP 22.925 (VTEX split the rounding over the units): 7.641,67 each.
      { sku: '880022', quantity: 3, listUnit: 8990, paidUnit: 7641.67 },
    ])
    expect(conversion.totals).toMatchObject({ itemsCents: 7696000, discountCents: 404500, shippingCents: 399000, valueCents: 7690500 })
  })
})
