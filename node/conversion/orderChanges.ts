import type { VtexOrder } from '../typings/order'
import type { ConversionItem } from './conversion'
import { centsToUnits } from './money'
import { unitMultiplierOf } from './unitPrices'

/**
 * Orders changed after they were placed (OMS "Change order": items removed or added, a discount
 * or an increment). OMS keeps `items` as placed and records each change in
 * `changesAttachment.changesData[]` (`itemsRemoved` / `itemsAdded`: SKU id, quantity, price in
 * cents), with a `Change` total holding the net and `value` already net of it: the Orders API
 * example (`GET /api/oms/user/orders/{orderId}`) lists a removed item still in `items`, a
 * `{"id":"Change","value":-3290}` total and a value of shipping only.
 *
 * So the changes are applied here: removed units are not a sale, added units are. They are
 * applied only when the totals show the change was not folded into the items (a `Change` total,
 * or a `value` that differs from the other totals by exactly the changes' net); otherwise the
 * items already are the order as it stands and applying the changes again would count them twice.
 */
export interface OrderChanges {
  items: ConversionItem[]
  /** The changes' net on the order value, in cents (negative when the order got cheaper). */
  changeCents: number
  /** What was done, in counts and SKU ids only. */
  notes: string[]
}

const totalOf = (order: VtexOrder, id: string): number | undefined => order.totals?.find((total) => total.id === id)?.value

const withUnits = (line: ConversionItem): ConversionItem => ({
  ...line,
  listUnit: centsToUnits(line.listUnitCents),
  paidUnit: centsToUnits(line.paidUnitCents),
})

/** The changes' net in cents when the totals say the items do not reflect them yet; undefined otherwise. */
function pendingChangeCents(order: VtexOrder): number | undefined {
  const change = totalOf(order, 'Change')
  if (change !== undefined) return change
  const changes = order.changesAttachment?.changesData ?? []
  const net = changes.reduce((sum, entry) => sum + (entry?.incrementValue ?? 0) - (entry?.discountValue ?? 0), 0)
  const explained = ['Items', 'Discounts', 'Shipping', 'Tax'].reduce((sum, id) => sum + (totalOf(order, id) ?? 0), 0)
  const gap = (order.value ?? explained) - explained
  return gap !== 0 && gap === net ? gap : undefined
}

export function applyOrderChanges(order: VtexOrder, items: ConversionItem[]): OrderChanges {
  const changes = (order.changesAttachment?.changesData ?? []).filter(Boolean)
  if (changes.length === 0) return { items, changeCents: 0, notes: [] }
  const changeCents = pendingChangeCents(order)
  if (changeCents === undefined) return { items, changeCents: 0, notes: ['order-changes-already-in-items'] }

  const lines = items.map((line) => ({ ...line }))
  const touched = new Set<ConversionItem>()
  const unmatched: string[] = []
  let removedUnits = 0
  let addedUnits = 0

  for (const change of changes) {
    for (const removed of change.itemsRemoved ?? []) {
      let left = Math.max(0, removed?.quantity ?? 0)
      for (const line of lines) {
        if (left === 0) break
        if (line.sku !== removed.id || line.quantity === 0) continue
        const take = Math.min(line.quantity, left)
        line.paidTotalCents = Math.round((line.paidTotalCents * (line.quantity - take)) / line.quantity)
        line.quantity -= take
        left -= take
        removedUnits += take
        touched.add(line)
      }
      if (left > 0) unmatched.push(removed.id)
    }
    for (const added of change.itemsAdded ?? []) {
      const quantity = Math.max(0, added?.quantity ?? 0)
      if (quantity === 0) continue
      // Added lines carry the nominal price, like items[].price: one SKU as sold is price × unitMultiplier.
      const unitCents = Math.round((added.price ?? 0) * unitMultiplierOf(added.unitMultiplier))
      const existing = lines.find((line) => line.sku === added.id)
      if (existing) {
        existing.paidTotalCents += unitCents * quantity
        existing.quantity += quantity
        touched.add(existing)
      } else {
        const name = added.name?.trim()
        lines.push({
          sku: added.id,
          ...(name ? { name } : {}),
          categoryIds: [],
          quantity,
          listUnitCents: unitCents,
          paidUnitCents: unitCents,
          paidTotalCents: unitCents * quantity,
          listUnit: 0,
          paidUnit: 0,
        })
        touched.add(lines[lines.length - 1])
      }
      addedUnits += quantity
    }
  }

  const result = lines
    .filter((line) => line.quantity > 0)
    .map((line) => {
      if (!touched.has(line)) return line
      const paidUnitCents = Math.round(line.paidTotalCents / line.quantity)
      return withUnits({ ...line, paidUnitCents, listUnitCents: Math.max(line.listUnitCents, paidUnitCents) })
    })
  const notes = [`order-changed: removed ${removedUnits} unit(s), added ${addedUnits}`]
  if (unmatched.length > 0) notes.push(`order-change-removed-unknown-sku:${unmatched.join(',')}`)
  return { items: result, changeCents, notes }
}
