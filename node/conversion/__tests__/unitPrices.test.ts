import { toConversion } from '../conversion'
import { toUnitPrices, unitMultiplierOf } from '../unitPrices'
import { loadOrder } from '../../__fixtures__'

describe('unit prices: list and paid on the same basis (one SKU as sold)', () => {
  const order = loadOrder('weighed-and-packs')
  const line = (sku: string) => {
    const item = order.items.find((entry) => entry.id === sku)
    if (!item) throw new Error(`fixture has no ${sku}`)
    return item
  }

  it('prices a 0.5 kg unit of a per-kg item without inventing a discount', () => {
    // R$ 5.98/kg, sold in 0.5 kg units at R$ 2.99: list and paid are both 2.99.
    expect(line('440011')).toMatchObject({ measurementUnit: 'kg', unitMultiplier: 0.5, price: 598, listPrice: 598, sellingPrice: 299 })
    expect(toUnitPrices(line('440011'))).toEqual({ listUnitCents: 299, paidUnitCents: 299, paidTotalCents: 1196 })
  })

  it('keeps a real discount on a pack: list per bottle times 6 against the paid pack', () => {
    // R$ 3.00 a bottle listed, 2.50 sold, 6 per pack: 18.00 listed, 15.00 paid per pack.
    expect(toUnitPrices(line('440022'))).toEqual({ listUnitCents: 1800, paidUnitCents: 1500, paidTotalCents: 3000 })
  })

  it('keeps a promotion on a weighed piece: 0.4 kg at R$ 49.90/kg, R$ 2.00 off', () => {
    expect(toUnitPrices(line('440033'))).toEqual({ listUnitCents: 1996, paidUnitCents: 1796, paidTotalCents: 1796 })
  })

  it('never lists below what was paid', () => {
    // A manual price set above the catalog's list price (Change the price of an item in the cart).
    const raised = { ...line('440033'), priceDefinition: { total: 2500, calculatedSellingPrice: 2500 } }
    expect(toUnitPrices(raised)).toEqual({ listUnitCents: 2500, paidUnitCents: 2500, paidTotalCents: 2500 })
  })

  it('reads priceDefinitions (the schema spelling) when priceDefinition is absent, and falls back to price × unitMultiplier', () => {
    const schemaSpelling = {
      ...line('440022'),
      priceDefinition: undefined,
      priceDefinitions: { total: 2900, calculatedSellingPrice: 1450 },
    }
    expect(toUnitPrices(schemaSpelling)).toEqual({ listUnitCents: 1800, paidUnitCents: 1450, paidTotalCents: 2900 })
    const bare = { ...line('440022'), priceDefinition: null, sellingPrice: null }
    expect(toUnitPrices(bare)).toEqual({ listUnitCents: 1800, paidUnitCents: 1500, paidTotalCents: 3000 })
  })

  it('treats a missing or unusable unitMultiplier as 1, and reads the string form order changes use', () => {
    expect([
      unitMultiplierOf(undefined),
      unitMultiplierOf(null),
      unitMultiplierOf(0),
      unitMultiplierOf('abc'),
      unitMultiplierOf('0.5000'),
      unitMultiplierOf(6),
    ]).toEqual([1, 1, 1, 1, 0.5, 6])
  })

  it('maps the grocery order to the unit prices VTEX Ads and impact receive', () => {
    expect(toConversion(order).items.map(({ sku, quantity, listUnit, paidUnit }) => ({ sku, quantity, listUnit, paidUnit }))).toEqual([
      { sku: '440011', quantity: 4, listUnit: 2.99, paidUnit: 2.99 },
      { sku: '440022', quantity: 2, listUnit: 18, paidUnit: 15 },
      { sku: '440033', quantity: 1, listUnit: 19.96, paidUnit: 17.96 },
    ])
  })
})
