import { toConversion, UnmappableOrderError } from '../conversion'
import { parseOmsDate, toIsoUtcSeconds } from '../dates'
import { resolveBrand } from '../brand'
import { normalizeSettings } from '../../settings/appSettings'
import { HARD_MASKED_FIXTURE, MARKETPLACE_FULFILLMENT_FIXTURE, ORDER_FIXTURES, loadOrder, type OrderFixture } from '../../__fixtures__'

describe('dates', () => {
  it('parses OMS 7-digit fractions with offsets and formats UTC without fraction', () => {
    expect(toIsoUtcSeconds(parseOmsDate('2026-11-20T14:31:07.1234567+00:00')!)).toBe('2026-11-20T14:31:07Z')
    expect(toIsoUtcSeconds(parseOmsDate('2026-11-20T11:31:07-03:00')!)).toBe('2026-11-20T14:31:07Z')
    expect(parseOmsDate('yesterday')).toBeUndefined()
  })
})

describe('toConversion', () => {
  it('maps the simple order to unit prices in currency units', () => {
    const conversion = toConversion(loadOrder('simple'))
    expect(conversion.orderId).toBe('1390620512853-01')
    expect(conversion.createdAt).toBe('2026-11-20T14:31:07Z')
    expect(conversion.currency).toBe('BRL')
    expect(conversion.items.map(({ sku, quantity, listUnit, paidUnit }) => ({ sku, quantity, listUnit, paidUnit }))).toEqual([
      { sku: '12221', quantity: 1, listUnit: 2000, paidUnit: 1899 },
      // 2 socks: 800.00 paid in total → 400.00 per unit, never 800.
      { sku: '12222', quantity: 2, listUnit: 500, paidUnit: 400 },
    ])
    expect(conversion.customer).toMatchObject({
      email: 'maria.silva@example.com',
      phone: '+5521987654321',
      document: '52998224725',
      isCompany: false,
      firstName: 'Maria',
      lastName: 'Silva',
    })
    expect(conversion.address).toEqual({
      city: 'Rio de Janeiro',
      state: 'RJ',
      postalCode: '22250-040',
      countryAlpha3: 'BRA',
      countryAlpha2: 'BR',
    })
    expect(conversion.totals).toEqual({
      itemsCents: 289900,
      discountCents: 20000,
      shippingCents: 1590,
      taxCents: 0,
      changeCents: 0,
      valueCents: 271490,
    })
    expect(conversion.marketplaceFulfillment).toBeUndefined()
  })

  it('excludes gifts and uses the price when the list price is missing', () => {
    const conversion = toConversion(loadOrder('corporate-multiseller'))
    expect(conversion.items.map((item) => item.sku)).toEqual(['55001', '55002'])
    expect(conversion.notes).toContain('excluded-items:1')
    expect(conversion.items[0]).toMatchObject({ sellerId: 'sellerxyz', quantity: 3, listUnit: 1299, paidUnit: 899 })
    expect(conversion.items[1]).toMatchObject({ listUnit: 159.9, paidUnit: 159.9 })
    expect(conversion.customer).toMatchObject({ isCompany: true, document: '11222333000181', phone: '+551133334444' })
  })

  it('rounds a per-unit share of an uneven line total to whole cents', () => {
    const order = loadOrder('simple')
    order.items = [{ ...order.items[1], quantity: 3, priceDefinition: { total: 100000 } }]
    expect(toConversion(order).items[0]).toMatchObject({ paidUnitCents: 33333, paidUnit: 333.33, paidTotalCents: 100000 })
  })

  it.each<OrderFixture>([...ORDER_FIXTURES, HARD_MASKED_FIXTURE, MARKETPLACE_FULFILLMENT_FIXTURE])(
    "%s: notes (which reach the ledger) carry reasons and ids, never the customer's data",
    (name) => {
      const order = loadOrder(name)
      const conversion = toConversion(order)
      const profile = order.clientProfileData ?? {}
      const { customer } = conversion
      const raw = [
        profile.email,
        profile.firstName,
        profile.lastName,
        profile.document,
        profile.phone,
        profile.corporateDocument,
        profile.corporatePhone,
      ]
      const clear = [...raw, customer.email, customer.phone, customer.document, customer.firstName, customer.lastName]
        .flatMap((value) => (value ? [value.trim(), value.replace(/\D/g, '')] : []))
        .filter((value) => value.length >= 4)
      expect(clear.length).toBeGreaterThan(0)
      const notes = JSON.stringify(conversion.notes)
      for (const value of clear) expect([name, notes.includes(value)]).toEqual([name, false])
    }
  )

  it('refuses an order without a readable creation date', () => {
    const order = loadOrder('simple')
    order.creationDate = 'soon'
    expect(() => toConversion(order)).toThrow(UnmappableOrderError)
  })
})

describe('resolveBrand', () => {
  const settings = normalizeSettings({
    brand: 'Main Store',
    brandMappings: [
      { salesChannel: '2', brand: 'B2B Store' },
      { hostname: 'Outlet', brand: 'Outlet Store' },
      { brand: 'ignored: no match key' },
    ],
  })

  it('maps by sales channel, then hostname, else the store brand', () => {
    expect(settings.brandMappings).toHaveLength(2)
    expect(resolveBrand({ salesChannel: '2', hostname: 'mystore' }, settings)).toBe('B2B Store')
    expect(resolveBrand({ salesChannel: '1', hostname: 'outlet' }, settings)).toBe('Outlet Store')
    expect(resolveBrand({ salesChannel: '1', hostname: 'mystore' }, settings)).toBe('Main Store')
    expect(resolveBrand({}, normalizeSettings({}))).toBeUndefined()
  })
})
