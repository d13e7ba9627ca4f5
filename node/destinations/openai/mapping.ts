import type { Conversion } from '../../conversion/conversion'
import { centsToIsoMinor } from '../../conversion/money'
import { undistributedDiscountCents } from '../../conversion/orderDiscount'
import { toOpenAIUser, type OpenAIUser } from './userFields'

/**
 * One OpenAI Ads Conversions API event (POST bzr.openai.com/v1/events). Every `amount` is an
 * integer in the currency's ISO 4217 minor unit (USD 25.99 → 2599, CLP 14990 → 14990): VTEX
 * cents go through centsToIsoMinor, which is the identity for two-decimal currencies.
 */
export interface OpenAIContent {
  id: string
  name?: string
  content_type: 'product'
  quantity: number
  /** UNIT price paid (minor units), like VTEX Ads' and impact's item prices; the line is amount × quantity. */
  amount: number
  currency: string
}

export interface OpenAIEvent {
  id: string
  type: 'order_created'
  timestamp_ms: number
  oppref?: string
  action_source: 'web' | 'other'
  source_url?: string
  user?: OpenAIUser
  data: {
    type: 'contents'
    /** What the shopper paid for the items (minor units): no shipping, no tax, order-level discounts taken off. */
    amount: number
    currency: string
    contents: OpenAIContent[]
  }
}

export interface OpenAIEventsBody {
  validate_only: boolean
  events: OpenAIEvent[]
}

/** The same id a pixel on the order-placed page would send as event_id, so OpenAI dedups the two. */
export const openaiEventId = (orderId: string): string => `order_${orderId}`

/**
 * The store's order-placed page, where the purchase happened. The OMS order carries the account
 * (`hostname`) but not the store's public domain; `{account}.myvtex.com` always serves the
 * checkout, and the page is keyed by the orderGroup (one per purchase, split into seller orders).
 */
export function orderPlacedUrl(conversion: Conversion): string | undefined {
  if (!conversion.hostname || !/^[a-z0-9-]+$/i.test(conversion.hostname)) return undefined
  const orderGroup = conversion.orderGroup ?? conversion.orderId.replace(/-\d+$/, '')
  return `https://${conversion.hostname.toLowerCase()}.myvtex.com/checkout/orderPlaced?og=${encodeURIComponent(orderGroup)}`
}

const compact = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T

export function toOpenAIEvent(conversion: Conversion): OpenAIEvent {
  const { identity } = conversion
  const currency = conversion.currency ?? ''
  const minor = (cents: number) => centsToIsoMinor(cents, conversion.currency)
  const sourceUrl = orderPlacedUrl(conversion)
  const paidCents = conversion.items.reduce((sum, item) => sum + item.paidTotalCents, 0) - undistributedDiscountCents(conversion.items, conversion.totals)
  return compact({
    id: openaiEventId(conversion.orderId),
    type: 'order_created' as const,
    timestamp_ms: conversion.createdAtMs,
    oppref: identity.oppref,
    // source_url is required for 'web'; without a store host the honest source is 'other'.
    action_source: sourceUrl ? ('web' as const) : ('other' as const),
    source_url: sourceUrl,
    user: toOpenAIUser(conversion),
    data: {
      type: 'contents' as const,
      amount: minor(Math.max(0, paidCents)),
      currency,
      contents: conversion.items.map((item) =>
        compact({ id: item.sku, name: item.name, content_type: 'product' as const, quantity: item.quantity, amount: minor(item.paidUnitCents), currency })
      ),
    },
  })
}

export const toOpenAIEventsBody = (events: OpenAIEvent[], validateOnly: boolean): OpenAIEventsBody => ({ validate_only: validateOnly, events })
