/**
 * The part of the order's discounts that its item lines do not already carry, in cents. VTEX
 * spreads promotions over the items (priceDefinition.total), so this is usually 0; what remains
 * is a discount given on the order as a whole, such as an order change's `discountValue`.
 *
 * What the order charged for its items is Items + Discounts (negative) + the changes' net; what
 * the lines say was paid is their sum. The difference, when positive, was never charged.
 */
export function undistributedDiscountCents(
  items: Array<{ paidTotalCents: number }>,
  totals: { itemsCents: number; discountCents: number; changeCents: number }
): number {
  const paidForItems = items.reduce((sum, item) => sum + item.paidTotalCents, 0)
  const chargedForItems = totals.itemsCents - totals.discountCents + totals.changeCents
  return Math.max(0, paidForItems - chargedForItems)
}
