import { toConversion } from '../conversion'
import { undistributedDiscountCents } from '../orderDiscount'
import { loadOrder } from '../../__fixtures__'

describe('order changes (changesAttachment) are honoured', () => {
  const lines = (order = loadOrder('changed-order')) =>
    toConversion(order).items.map(({ sku, quantity, paidUnitCents, paidTotalCents }) => ({ sku, quantity, paidUnitCents, paidTotalCents }))

  it('counts what the shopper kept: removed units are not a sale, the added item is', () => {
    const order = loadOrder('changed-order')
    // OMS keeps the items as placed: 2 headphones, a case, a charger; a Change total of -299.90.
    expect(order.items.map((item) => [item.id, item.quantity])).toEqual([
      ['330011', 2],
      ['330022', 1],
      ['330033', 1],
    ])
    expect(lines(order)).toEqual([
      { sku: '330011', quantity: 1, paidUnitCents: 29990, paidTotalCents: 29990 },
      { sku: '330033', quantity: 1, paidUnitCents: 9990, paidTotalCents: 9990 },
      { sku: '330044', quantity: 1, paidUnitCents: 5990, paidTotalCents: 5990 },
    ])
    const conversion = toConversion(order)
    expect(conversion.totals.changeCents).toBe(-29990)
    expect(conversion.notes).toContain('order-changed: removed 2 unit(s), added 1')
  })

  it('keeps the goodwill discount the change gave on the order as a whole', () => {
    const conversion = toConversion(loadOrder('changed-order'))
    // Lines: 459.70; charged for items: 749.60 + (-299.90) = 449.70; R$ 10.00 the lines do not carry.
    expect(undistributedDiscountCents(conversion.items, conversion.totals)).toBe(1000)
  })

  it('finds the change from value and the change amounts when OMS gives no Change total', () => {
    const order = loadOrder('changed-order')
    order.totals = order.totals!.filter((total) => total.id !== 'Change')
    expect(lines(order).map((line) => [line.sku, line.quantity])).toEqual([
      ['330011', 1],
      ['330033', 1],
      ['330044', 1],
    ])
  })

  it('does not remove twice when the items already are the order as it stands', () => {
    const order = loadOrder('changed-order')
    // Items and totals already net of the change: no Change total, value = the totals' sum.
    order.items = [{ ...order.items[0], quantity: 1, priceDefinition: { total: 29990 } }, order.items[2]]
    order.totals = [
      { id: 'Items', value: 39980 },
      { id: 'Discounts', value: 0 },
      { id: 'Shipping', value: 2500 },
      { id: 'Tax', value: 0 },
    ]
    order.value = 42480
    expect(lines(order).map((line) => [line.sku, line.quantity])).toEqual([
      ['330011', 1],
      ['330033', 1],
    ])
    expect(toConversion(order).notes).toContain('order-changes-already-in-items')
  })

  it('adds units of a SKU already in the order to its line, at the added price', () => {
    const order = loadOrder('changed-order')
    order.changesAttachment = {
      changesData: [
        {
          discountValue: 0,
          incrementValue: 9990,
          itemsAdded: [{ id: '330033', quantity: 1, price: 9990, unitMultiplier: '1.0000' }],
          itemsRemoved: [],
        },
      ],
    }
    order.totals = order.totals!.map((total) => (total.id === 'Change' ? { ...total, value: 9990 } : total))
    expect(lines(order)).toContainEqual({ sku: '330033', quantity: 2, paidUnitCents: 9990, paidTotalCents: 19980 })
  })

  it('removes a whole line, and says so when a removed SKU is not in the order', () => {
    const order = loadOrder('changed-order')
    order.changesAttachment = {
      changesData: [
        {
          discountValue: 59980 + 100,
          incrementValue: 0,
          itemsRemoved: [
            { id: '330011', quantity: 2, price: 29990 },
            { id: '999999', quantity: 1, price: 100 },
          ],
        },
      ],
    }
    order.totals = order.totals!.map((total) => (total.id === 'Change' ? { ...total, value: -60080 } : total))
    const conversion = toConversion(order)
    expect(conversion.items.map((item) => item.sku)).toEqual(['330022', '330033'])
    expect(conversion.notes).toEqual(
      expect.arrayContaining(['order-changed: removed 2 unit(s), added 0', 'order-change-removed-unknown-sku:999999'])
    )
  })

  it('leaves an order without changes as it is', () => {
    const conversion = toConversion(loadOrder('simple'))
    expect(conversion.totals.changeCents).toBe(0)
    expect(conversion.notes.some((note) => note.startsWith('order-change'))).toBe(false)
  })
})
