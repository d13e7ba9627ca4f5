import type { Conversion, ConversionItem } from '../../conversion/conversion'
import { formatUnits } from '../../conversion/money'
import { undistributedDiscountCents } from '../../conversion/orderDiscount'
import { sha1Hex } from '../../identity/hash'
import type { AppSettings } from '../../settings/appSettings'

/**
 * impact.com "Create a conversion" fields (POST /Advertisers/{AccountSid}/Conversions), in the
 * order they are form-encoded. Every value is a string; money is in currency units.
 */
export type ImpactConversionFields = Record<string, string>

/**
 * impact accepts an event type by numeric id (EventTypeId) or by the code configured on the
 * event type (EventTypeCode). The setting holds either: all digits → id, anything else → code.
 */
export function eventTypeField(setting: string): { EventTypeId: string } | { EventTypeCode: string } {
  return /^\d+$/.test(setting) ? { EventTypeId: setting } : { EventTypeCode: setting }
}

/**
 * ItemCategory on every line: impact requires it whenever item-level details are sent
 * ("ItemCategory[i] required if passing item-level details"). The most specific category's name
 * where the order has it (additionalInfo.categories), else its id; a line the order gives no
 * category (e.g. a new item added by an order change) says so rather than borrow another line's.
 */
export const UNCATEGORIZED = 'uncategorized'
export const impactItemCategory = (item: Pick<ConversionItem, 'categoryIds' | 'categoryName'>): string =>
  item.categoryName ?? item.categoryIds[item.categoryIds.length - 1] ?? UNCATEGORIZED

export function toImpactConversion(conversion: Conversion, settings: AppSettings): ImpactConversionFields {
  const { identity } = conversion
  // A shopper who refused consent: the sale is still reported (a partner's coupon is owed its
  // commission) with nothing that identifies or locates who bought.
  const customer = identity.consentRefused ? { email: undefined } : conversion.customer
  const address = identity.consentRefused ? {} : conversion.address
  const fields: Record<string, string | undefined> = {
    CampaignId: settings.impactCampaignId,
    ...eventTypeField(settings.impactEventTypeId ?? ''),
    EventDate: conversion.createdAt,
    OrderId: conversion.orderId,
    ClickId: identity.impactClickId,
    CustomerId: identity.consentRefused ? undefined : identity.userId,
    // The coupon the shopper used: an attribution key when impact assigned it to a partner.
    OrderPromoCode: conversion.coupon,
    // impact wants SHA-1 (not SHA-256) of the normalized address; a masked address is never hashed.
    CustomerEmail: customer.email === undefined ? undefined : sha1Hex(customer.email),
    CustomerStatus: identity.consentRefused ? undefined : customerStatus(conversion, settings),
    CurrencyCode: conversion.currency,
    // VTEX spreads promotions over the item prices; impact subtracts OrderDiscount from the items
    // again, so only the discount the items do not carry is sent (usually 0). Currency units.
    OrderDiscount: formatUnits(undistributedDiscountCents(conversion.items, conversion.totals)),
    OrderShipping: formatUnits(conversion.totals.shippingCents),
    OrderTax: formatUnits(conversion.totals.taxCents),
    CustomerCity: address.city,
    CustomerPostCode: address.postalCode,
    // impact's own example uses alpha-3 ("USA"); VTEX addresses carry alpha-3 too.
    CustomerCountry: address.countryAlpha3,
  }
  conversion.items.forEach((item, index) => {
    const i = index + 1
    fields[`ItemSku${i}`] = item.sku
    fields[`ItemName${i}`] = item.name
    fields[`ItemCategory${i}`] = impactItemCategory(item)
    fields[`ItemQuantity${i}`] = String(item.quantity)
    // Unit price (impact multiplies by ItemQuantity), never the line total.
    fields[`ItemPrice${i}`] = formatUnits(item.paidUnitCents)
  })
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''))
}

/** NEW/EXISTING only when the merchant mapped the order's customer class to one; never guessed. */
function customerStatus(conversion: Conversion, settings: AppSettings): string | undefined {
  const customerClass = conversion.customerClass?.toLowerCase()
  if (!customerClass) return undefined
  return settings.impactCustomerStatusMappings.find((row) => row.customerClass.toLowerCase() === customerClass)?.status
}

/** application/x-www-form-urlencoded, as impact's API expects. */
export const toFormBody = (fields: ImpactConversionFields): string => new URLSearchParams(fields).toString()
