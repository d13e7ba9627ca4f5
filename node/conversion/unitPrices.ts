import type { VtexOrderItem, VtexPriceDefinition } from '../typings/order'

/**
 * An item's list and paid prices per unit, where a unit is one SKU as sold (what `quantity`
 * counts), in VTEX cents.
 *
 * VTEX prices items sold by weight or pack per measurement unit: `price` and `listPrice` are the
 * nominal price of one measurement unit ("for a weighable item, such as an apple, the price
 * refers to the kilo price", help center, Adapting your integration for Order modifications),
 * while `sellingPrice` and `priceDefinition` are per SKU as sold, `unitMultiplier` applied
 * ("SellingPrice will be originalPrice*unitMultiplier", known issue "ListPrice shown in a cart
 * doesn't consider … unitMultiplier"; Checkout API simulation example: price 9999, unitMultiplier
 * 300, sellingPrice 2999700). Comparing them as they come shows a discount that does not exist,
 * so the list price is brought to the same basis.
 */
export interface UnitPrices {
  /** List ("from") price of one SKU as sold; never below what was paid for it. */
  listUnitCents: number
  /** What the shopper paid for one SKU as sold. */
  paidUnitCents: number
  /** What the shopper paid for the whole line. */
  paidTotalCents: number
}

/** Measurement units per SKU as sold; 1 when OMS sends nothing usable (it types it as number or string). */
export function unitMultiplierOf(raw: number | string | null | undefined): number {
  const value = typeof raw === 'string' ? Number(raw.trim()) : raw
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 1
}

/** The schema calls it priceDefinitions, OMS sends priceDefinition: read whichever is there. */
export const priceDefinitionOf = (item: VtexOrderItem): VtexPriceDefinition | undefined =>
  item.priceDefinition ?? item.priceDefinitions ?? undefined

const isAmount = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0

export function toUnitPrices(item: VtexOrderItem): UnitPrices {
  const multiplier = unitMultiplierOf(item.unitMultiplier)
  const { quantity } = item
  const definition = priceDefinitionOf(item)
  const nominalUnitCents = Math.round(item.price * multiplier)

  // priceDefinition.total is exact for the line; sellingPrice "may be subject to rounding
  // discrepancies" (orderform-fields.md), so it only stands in when the definition is missing.
  const paidUnitCents = Math.round(
    isAmount(definition?.total) && quantity > 0
      ? definition.total / quantity
      : isAmount(definition?.calculatedSellingPrice)
        ? definition.calculatedSellingPrice
        : isAmount(item.sellingPrice)
          ? item.sellingPrice
          : nominalUnitCents
  )
  const paidTotalCents = isAmount(definition?.total) ? definition.total : paidUnitCents * quantity

  const listNominalCents = Math.max(isAmount(item.listPrice) ? item.listPrice : 0, item.price)
  const listUnitCents = Math.max(Math.round(listNominalCents * multiplier), paidUnitCents)

  return { listUnitCents, paidUnitCents, paidTotalCents }
}
