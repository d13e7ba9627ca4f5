import { marketplaceFulfillmentSkipReason } from '../../conversion/marketplaceFulfillment'
import { classifyHttpStatus, type Destination } from '../destination'
import { NO_SESSION_ID, NO_USER_ID, vtexAdsIds } from './ids'
import { toVtexAdsConversion } from './mapping'
import { validateForSend } from './schema'

export const CONVERSION_PATH = '/v1/beacon/conversion'

/**
 * The shopper refused consent in the store's consent manager: VTEX Ads gets nothing of the sale,
 * the one exception to "every completed sale" (DESIGN.md, identity bridge).
 */
export const CONSENT_REFUSED_SKIP = "consent-refused: the shopper refused consent in the store's consent manager; VTEX Ads gets no conversion for this order"
/** Recorded on a sale sent without a storefront session (the ledger's reason of a sent record). */
export const NO_STOREFRONT_SESSION_NOTE = 'no-storefront-session: sent with a session_id derived from the order (no ad event can match it)'

/**
 * VTEX Ads: the primary destination. Every completed sale converts ("regardless of whether an ad
 * led to the purchase"), with a session id derived from the order when the storefront's is absent;
 * not when the shopper refused consent, or when the order names no customer (user_id is required).
 */
export const vtexAdsDestination: Destination = {
  name: 'vtexAds',

  enabled: (settings) => settings.vtexAdsEnabled,

  prepare(conversion, settings) {
    const fulfillment = marketplaceFulfillmentSkipReason(conversion, settings)
    if (fulfillment) return { kind: 'skipped', reason: fulfillment }
    if (conversion.identity.consentRefused) return { kind: 'skipped', reason: CONSENT_REFUSED_SKIP }
    const ids = vtexAdsIds(conversion)
    if (!ids.userId) return { kind: 'skipped', reason: NO_USER_ID }
    if (!ids.sessionId) return { kind: 'skipped', reason: NO_SESSION_ID }
    if (!settings.publisherId) {
      return {
        kind: 'invalid',
        reason: 'missing-setting: publisherId',
        errors: [{ setting: 'publisherId', message: 'set the VTEX Ads publisher ID in the app settings' }],
      }
    }
    if (conversion.items.length === 0) return { kind: 'skipped', reason: 'no-sale-items: only gifts or empty lines' }

    const body = toVtexAdsConversion(conversion, settings)
    const errors = validateForSend(body)
    if (errors.length > 0) {
      // Why the e-mail is missing (masked, unresolved and why): the merchant's first question about a dead letter.
      const emailNotes = conversion.notes.filter((note) => note.startsWith('email-')).join('; ')
      return { kind: 'invalid', reason: `invalid-body${emailNotes ? `: ${emailNotes}` : ''}`, errors }
    }
    return {
      kind: 'ready',
      ...(ids.sessionFromOrder ? { note: NO_STOREFRONT_SESSION_NOTE } : {}),
      request: {
        method: 'POST',
        url: `${settings.eventsBaseUrl}${CONVERSION_PATH}`,
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
    }
  },

  classify(response) {
    const transient = classifyHttpStatus(response, (body) =>
      Array.isArray(body) ? body.map((e) => (e as { message?: string }).message).join('; ') : JSON.stringify(body)
    )
    if (transient) return transient
    if (response.status === 202 || (response.status >= 200 && response.status < 300)) return { kind: 'sent' }
    return { kind: 'dead', reason: `unexpected-status-${response.status}` }
  },

  secrets: () => [],
}
