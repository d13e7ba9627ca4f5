import type { VtexOrder, VtexOrderItem } from '../typings/order'
import { normalizeCustomer, type NormalizedCustomer } from '../identity/customer'
import { readOrderIdentity, type OrderIdentity } from '../identity/orderIdentity'
import { countryInfo } from '../identity/country'
import { currencyDecimals, minorToUnits } from './money'
import { parseOmsDate, toIsoUtcSeconds } from './dates'

/**
 * A closed order as every destination sees it: destination-neutral, amounts in minor units and
 * in currency units, identifiers normalized but not yet hashed. Built by a pure function.
 */
export interface ConversionItem {
  sku: string
  productId?: string
  sellerId?: string
  name?: string
  brandName?: string
  /** Category ids from `/12/34/`, root first. */
  categoryIds: string[]
  quantity: number
  /** List ("from") price per unit: the larger of listPrice and price. */
  listUnitMinor: number
  /** What the shopper paid per unit: priceDefinition.total / quantity, else sellingPrice. */
  paidUnitMinor: number
  /** What the shopper paid for the line. */
  paidTotalMinor: number
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
  currency?: string
  decimals: number
  salesChannel?: string
  hostname?: string
  items: ConversionItem[]
  totals: { itemsMinor: number; discountMinor: number; shippingMinor: number; taxMinor: number; valueMinor: number }
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

function toConversionItem(item: VtexOrderItem, decimals: number): ConversionItem {
  const quantity = item.quantity
  const paidTotalMinor = item.priceDefinition?.total ?? (item.sellingPrice ?? item.price) * quantity
  const paidUnitMinor = Math.round(
    item.priceDefinition?.total != null && quantity > 0 ? item.priceDefinition.total / quantity : (item.sellingPrice ?? item.price)
  )
  const listUnitMinor = Math.max(item.listPrice ?? 0, item.price)
  return {
    sku: item.id,
    productId: optionalText(item.productId),
    sellerId: optionalText(item.seller),
    name: optionalText(item.name),
    brandName: optionalText(item.additionalInfo?.brandName),
    categoryIds: (item.additionalInfo?.categoriesIds ?? '').split('/').filter(Boolean),
    quantity,
    listUnitMinor,
    paidUnitMinor,
    paidTotalMinor,
    listUnit: minorToUnits(listUnitMinor, decimals),
    paidUnit: minorToUnits(paidUnitMinor, decimals),
  }
}

export function toConversion(order: VtexOrder): Conversion {
  const createdAtMs = parseOmsDate(order.creationDate ?? '')
  if (createdAtMs === undefined) throw new UnmappableOrderError(order.orderId, 'creationDate is not an ISO 8601 date')
  if (!Array.isArray(order.items)) throw new UnmappableOrderError(order.orderId, 'order has no items array')

  const decimals = currencyDecimals(order.storePreferencesData?.currencyFormatInfo?.CurrencyDecimalDigits)
  const notes: string[] = []
  // Gifts are not sales: they would credit campaigns with revenue nobody paid.
  const sold = order.items.filter((item) => item.isGift !== true && item.quantity > 0)
  if (sold.length < order.items.length) notes.push(`excluded-items:${order.items.length - sold.length}`)

  const address = order.shippingData?.address ?? {}
  const countryAlpha3 = optionalText(address.country) ?? optionalText(order.storePreferencesData?.countryCode)
  const identity = readOrderIdentity(order)
  const customer = normalizeCustomer(order)

  return {
    orderId: order.orderId,
    orderGroup: optionalText(order.orderGroup),
    createdAtMs,
    createdAt: toIsoUtcSeconds(createdAtMs),
    currency: optionalText(order.storePreferencesData?.currencyCode),
    decimals,
    salesChannel: optionalText(order.salesChannel),
    hostname: optionalText(order.hostname),
    items: sold.map((item) => toConversionItem(item, decimals)),
    totals: {
      itemsMinor: totalOf(order, 'Items'),
      discountMinor: Math.abs(totalOf(order, 'Discounts')),
      shippingMinor: totalOf(order, 'Shipping'),
      taxMinor: totalOf(order, 'Tax'),
      valueMinor: order.value ?? 0,
    },
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
    notes: [...notes, ...identity.notes, ...customer.notes],
  }
}
