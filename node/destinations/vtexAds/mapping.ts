import type { Conversion } from '../../conversion/conversion'
import { resolveBrand } from '../../conversion/brand'
import { sha256Hex } from '../../identity/hash'
import type { AppSettings } from '../../settings/appSettings'
import { vtexAdsIds } from './ids'

/** POST /v1/beacon/conversion body (vtexads-api-docs 5.6). Prices are UNIT values in currency units. */
export interface VtexAdsConversionBody {
  channel: string
  publisher_id: string
  user_id: string
  session_id: string
  order_id: string
  created_at: string
  items: Array<{ sku: string; product_id?: string; seller_id: string | null; quantity: number; price: number; promotional_price: number }>
  brand?: string
  gender: 'F' | 'M' | 'O' | null
  uf?: string
  city?: string
  is_company: boolean
  email_hashed?: string
  phone_hashed?: string
  social_id_hashed?: string
  first_name_hashed?: string
  last_name_hashed?: string
}

const hashed = (value: string | undefined): string | undefined => (value === undefined ? undefined : sha256Hex(value))

/**
 * Drops undefined keys so the body carries only what we know (JSON.stringify would too; tests
 * compare objects). A plain loop: this runs for every order and every item (entries/fromEntries
 * cost about half of the whole mapping).
 */
function compact<T extends object>(value: T): T {
  for (const key in value) if (value[key] === undefined) delete value[key]
  return value
}

/** The body; ids VTEX Ads requires but the order cannot give are empty, which the send schema refuses. */
export function toVtexAdsConversion(conversion: Conversion, settings: AppSettings): VtexAdsConversionBody {
  const { customer, address } = conversion
  const ids = vtexAdsIds(conversion)
  return compact({
    channel: settings.channel,
    publisher_id: settings.publisherId ?? '',
    user_id: ids.userId ?? '',
    session_id: ids.sessionId ?? '',
    order_id: conversion.orderId,
    created_at: conversion.createdAt,
    items: conversion.items.map((item) =>
      compact({
        sku: item.sku,
        product_id: item.productId,
        seller_id: item.sellerId ?? null,
        quantity: item.quantity,
        price: item.listUnit,
        promotional_price: item.paidUnit,
      })
    ),
    brand: resolveBrand(conversion, settings),
    // OMS orders carry no gender: null is the spec's "unidentified".
    gender: null,
    uf: address.state,
    city: address.city,
    is_company: customer.isCompany,
    email_hashed: hashed(customer.email),
    phone_hashed: hashed(customer.phone),
    social_id_hashed: hashed(customer.document),
    first_name_hashed: hashed(customer.firstName),
    last_name_hashed: hashed(customer.lastName),
  })
}
