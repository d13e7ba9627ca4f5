import { marketplaceFulfillmentSkipReason } from '../../conversion/marketplaceFulfillment'
import { classifyHttpStatus, type Destination } from '../destination'
import { toVtexAdsConversion } from './mapping'
import { validateForSend } from './schema'

export const CONVERSION_PATH = '/v1/beacon/conversion'

/** VTEX Ads: the primary destination. Needs the shopper's session id to attribute anything. */
export const vtexAdsDestination: Destination = {
  name: 'vtexAds',

  enabled: (settings) => settings.vtexAdsEnabled,

  prepare(conversion, settings) {
    const fulfillment = marketplaceFulfillmentSkipReason(conversion, settings)
    if (fulfillment) return { kind: 'skipped', reason: fulfillment }
    if (!conversion.identity.sessionId) return { kind: 'skipped', reason: 'no-identity: the order has no valid session_id' }
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
