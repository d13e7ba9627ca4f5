import type { VtexOrder, VtexOrderItem } from '../typings/order'
import { normalizeCustomer, type NormalizedCustomer } from '../identity/customer'
import { readOrderIdentity, type OrderIdentity } from '../identity/orderIdentity'
import { countryInfo } from '../identity/country'
import { centsToUnits } from './money'
import { parseOmsDate, toIsoUtcSeconds } from './dates'
import { toUnitPrices } from './unitPrices'
import { readItemCategory } from './itemCategory'
import { applyOrderChanges } from './orderChanges'
import { readMarketplaceFulfillment, type MarketplaceFulfillment } from './marketplaceFulfillment'

/**
 * A closed order as every destination sees it: destination-neutral, amounts in VTEX cents
 * (hundredths of the currency unit, whatever the currency: see money.ts) and in currency units,
 * identifiers normalized but not yet hashed. Built by a pure function.
 */
export interface ConversionItem {
  sku: string
  productId?: string
  sellerId?: string
  name?: string
  brandName?: string
  /** Category ids from `/12/34/`, root first. */
  categoryIds: string[]
  /** The most specific category's name, when the order carries it (additionalInfo.categories). */
  categoryName?: string
  /** SKUs bought: each one `unitMultiplier` measurement units (a 0.5 kg bag, a 6-pack). */
  quantity: number
  /** List ("from") price of one SKU as sold, on the same basis as the paid price; never below it. See unitPrices.ts. */
  listUnitCents: number
  /** What the shopper paid for one SKU as sold: priceDefinition.total / quantity, else sellingPrice. */
  paidUnitCents: number
  /** What the shopper paid for the line. */
  paidTotalCents: number
  listUnit: number
  paidUnit: number
}

export interface ConversionAddress {
  city?: string
  state?: string
  postalCode?: string
  countryAlpha3?: string
  countryAlpha2?: string
}

export interface Conversion {
  orderId: string
  /** The purchase this order belongs to: the order-placed page is keyed by it (`?og=`). */
  orderGroup?: string
  createdAtMs: number
  /** ISO 8601 UTC, e.g. 2026-11-20T14:31:07Z. */
  createdAt: string
  /** ISO 4217 code (storePreferencesData.currencyCode). */
  currency?: string
  salesChannel?: string
  hostname?: string
  /** Sale lines, order changes applied (orderChanges.ts); gifts excluded. */
  items: ConversionItem[]
  /** In cents; discountCents is positive; changeCents is the applied order changes' net (negative when cheaper). */
  totals: { itemsCents: number; discountCents: number; shippingCents: number; taxCents: number; changeCents: number; valueCents: number }
  /** The coupon code the shopper used (marketingData.coupon). */
  coupon?: string
  /** Set when this is a seller's fulfillment order of a marketplace sale (marketplaceFulfillment.ts). */
  marketplaceFulfillment?: MarketplaceFulfillment
  identity: OrderIdentity
  customer: NormalizedCustomer
  /** The merchant's label for the customer (clientProfileData.customerClass); impact can map it to NEW/EXISTING. */
  customerClass?: string
  address: ConversionAddress
  /** Why something is missing or was dropped (ids and reasons only, never PII). */
  notes: string[]
}

export class UnmappableOrderError extends Error {
  constructor(
    readonly orderId: string,
    readonly reason: string
  ) {
    super(`order ${orderId} cannot be mapped: ${reason}`)
    this.name = 'UnmappableOrderError'
  }
}

const optionalText = (value: string | null | undefined): string | undefined => {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

const totalOf = (order: VtexOrder, id: string): number => order.totals?.find((total) => total.id === id)?.value ?? 0

function toConversionItem(item: VtexOrderItem): ConversionItem {
  const prices = toUnitPrices(item)
  return {
    sku: item.id,
    productId: optionalText(item.productId),
    sellerId: optionalText(item.seller),
    name: optionalText(item.name),
    brandName: optionalText(item.additionalInfo?.brandName),
    ...readItemCategory(item),
    quantity: item.quantity,
    ...prices,
    listUnit: centsToUnits(prices.listUnitCents),
    paidUnit: centsToUnits(prices.paidUnitCents),
  }
}

export function toConversion(order: VtexOrder): Conversion {
  const createdAtMs = parseOmsDate(order.creationDate ?? '')
  if (createdAtMs === undefined) throw new UnmappableOrderError(order.orderId, 'creationDate is not an ISO 8601 date')
  if (!Array.isArray(order.items)) throw new UnmappableOrderError(order.orderId, 'order has no items array')

  const notes: string[] = []
  // Gifts are not sales: they would credit campaigns with revenue nobody paid.
  const sold = order.items.filter((item) => item.isGift !== true && item.quantity > 0)
  if (sold.length < order.items.length) notes.push(`excluded-items:${order.items.length - sold.length}`)
  const changed = applyOrderChanges(order, sold.map(toConversionItem))

  const address = order.shippingData?.address ?? {}
  const countryAlpha3 = optionalText(address.country) ?? optionalText(order.storePreferencesData?.countryCode)
  const identity = readOrderIdentity(order)
  const customer = normalizeCustomer(order)
  const marketplaceFulfillment = readMarketplaceFulfillment(order)

  return {
    orderId: order.orderId,
    orderGroup: optionalText(order.orderGroup),
    createdAtMs,
    createdAt: toIsoUtcSeconds(createdAtMs),
    currency: optionalText(order.storePreferencesData?.currencyCode)?.toUpperCase(),
    salesChannel: optionalText(order.salesChannel),
    hostname: optionalText(order.hostname),
    items: changed.items,
    totals: {
      itemsCents: totalOf(order, 'Items'),
      discountCents: Math.abs(totalOf(order, 'Discounts')),
      shippingCents: totalOf(order, 'Shipping'),
      taxCents: totalOf(order, 'Tax'),
      changeCents: changed.changeCents,
      valueCents: order.value ?? 0,
    },
    coupon: optionalText(order.marketingData?.coupon),
    ...(marketplaceFulfillment ? { marketplaceFulfillment } : {}),
    identity,
    customer,
    customerClass: optionalText(order.clientProfileData?.customerClass),
    address: {
      city: optionalText(address.city),
      state: optionalText(address.state),
      postalCode: optionalText(address.postalCode),
      countryAlpha3,
      countryAlpha2: countryInfo(countryAlpha3)?.alpha2,
    },
    notes: [
      ...notes,
      ...changed.notes,
      ...(marketplaceFulfillment ? ['marketplace-fulfillment'] : []),
      ...identity.notes,
      ...customer.notes,
    ],
  }
}
