import type { AppSettings } from '../settings/appSettings'
import type { VtexOrder } from '../typings/order'

/**
 * A seller's copy of an order placed on a marketplace. When a marketplace sells a seller's
 * product, OMS holds two orders: the marketplace's and the seller's fulfillment order (help
 * center, "Order flow on the OMS": marketplace flow and seller flow), the latter with
 * `origin: "Fulfillment"` and the marketplace's order id in `marketplaceOrderId` (Orders API,
 * Get order: origin is one of Marketplace, Fulfillment, Chain). The shopper bought on the
 * marketplace's site, so the sale is the marketplace's conversion; counting the seller's copy too
 * would report it twice and as the seller's own web sale. A store that wants them anyway turns
 * on `convertFulfillmentOrders`.
 */
export interface MarketplaceFulfillment {
  marketplaceOrderId?: string
  affiliateId?: string
}

const text = (value: string | null | undefined): string | undefined => value?.trim() || undefined

export function readMarketplaceFulfillment(order: VtexOrder): MarketplaceFulfillment | undefined {
  if (order.origin?.trim().toLowerCase() !== 'fulfillment') return undefined
  return { marketplaceOrderId: text(order.marketplaceOrderId), affiliateId: text(order.affiliateId) }
}

/** Why a destination sends nothing for this order, or undefined when it is the store's own sale (or the store wants these). */
export function marketplaceFulfillmentSkipReason(
  conversion: { marketplaceFulfillment?: MarketplaceFulfillment },
  settings: Pick<AppSettings, 'convertFulfillmentOrders'>
): string | undefined {
  const fulfillment = conversion.marketplaceFulfillment
  if (!fulfillment || settings.convertFulfillmentOrders) return undefined
  const of = [
    fulfillment.marketplaceOrderId && `marketplace order ${fulfillment.marketplaceOrderId}`,
    fulfillment.affiliateId && `affiliate ${fulfillment.affiliateId}`,
  ].filter(Boolean)
  return `marketplace-fulfillment: this order fulfills a sale made on a marketplace${of.length > 0 ? ` (${of.join(', ')})` : ''}, which reports it; turn on convertFulfillmentOrders to send it too`
}
