import type { Conversion } from '../../conversion/conversion'
import { toAdsId } from '../../identity/adsId'
import { orderSessionId } from '../../identity/orderSessionId'

/**
 * The `user_id` and `session_id` of a conversion, in the one format VTEX Ads gets everywhere
 * (toAdsId: letters and digits), so they equal the ids the storefront sent on Get ads and the
 * ad events. A sale without a storefront session still converts (Track conversions: "send this
 * event for every completed sale"): its session id is derived from the order (orderSessionId),
 * never a visitor's. Either is undefined when the order cannot give it.
 */
export interface VtexAdsIds {
  userId?: string
  sessionId?: string
  /** The session id is the order's own: the order carried no (usable) storefront session. */
  sessionFromOrder: boolean
}

/**
 * user_id is required and VTEX orders name the customer's profile (userProfileId); an order
 * without one (an import, a broken integration) has nobody to attribute the sale to, and making up
 * a user would count a new shopper per order in VTEX Ads' metrics: skipped, with this reason.
 */
export const NO_USER_ID = 'no-user-id: the order has no VTEX profile id (userProfileId) and the storefront wrote none; VTEX Ads requires user_id'
export const NO_SESSION_ID = 'no-session-id: no storefront session, and the order id is too long for a session_id derived from it (128 letters and digits)'

export function vtexAdsIds({ identity, orderId }: Pick<Conversion, 'identity' | 'orderId'>): VtexAdsIds {
  const storefront = toAdsId(identity.sessionId)
  return {
    userId: toAdsId(identity.userId),
    sessionId: storefront ?? orderSessionId(orderId),
    sessionFromOrder: storefront === undefined,
  }
}
