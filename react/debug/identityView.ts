import { CUSTOM_DATA_APP, BRIDGE_FIELDS, BridgeValues } from '../identity/bridgeFields'
import { Consent, readConsent } from '../identity/consent'
import { readCookie } from '../identity/cookies'
import { eventIdentity, Identity } from '../identity/identity'
import { customDataValues } from '../identity/orderFormBridge'
import { SESSION_COOKIE } from '../identity/sessionId'
import { requestsMatching, RequestSeen } from './requestLog'

/**
 * The shopper's identity as the app holds it on this page: ids only (session, user, click ids),
 * never anything personal. `eventIdentity` is what the events go with; reading it does nothing the
 * orderForm bridge does not already do on every identity change.
 */
export interface IdentityView {
  /** undefined: not decided yet (the store's setting, the session or the consent manager). */
  identity?: Identity
  /** The session id is the stored one (our cookie), not an id for this page only. */
  stored: boolean
  consent: Consent
  /** Consent managers the page has (globals the app reads: consent.ts). */
  managers: string[]
}

const MANAGERS: Array<[string, string]> = [
  ['adsEventsConsent', 'window.adsEventsConsent'],
  ['Cookiebot', 'Cookiebot'],
  ['CookieScript', 'Cookie Script'],
  ['__tcfapi', 'IAB TCF (__tcfapi)'],
]

export const identityView = (): IdentityView => {
  const identity = eventIdentity()
  const w = window as unknown as Record<string, unknown>
  return {
    identity,
    stored: !!identity && readCookie(document, SESSION_COOKIE) === identity.session_id,
    consent: readConsent(),
    managers: MANAGERS.filter(([global]) => w[global] !== undefined).map(([, name]) => name),
  }
}

/** What the orderForm holds of ours (customData, app `ads-events`): the bridge's fields only. */
export const ourFields = (customData: unknown): BridgeValues => customDataValues(customData)

/** The bridge's writes this page made (PUT of the fields, DELETE of one), oldest first, with their answers. */
export const bridgeWrites = (): Array<RequestSeen & { field?: string }> =>
  requestsMatching(`/customData/${CUSTOM_DATA_APP}`).map((write) => {
    const field = /\/customData\/[^/]+\/([^/?#]+)/.exec(write.url)
    return { ...write, field: field ? field[1] : undefined }
  })

/** The current cart's customData, read as order-manager does (same origin, the shopper's cookie); only our fields are kept. */
export const fetchOurFields = (): Promise<{ orderFormId?: string; fields: BridgeValues } | undefined> =>
  fetch('/api/checkout/pub/orderForm', { credentials: 'same-origin' })
    .then((response) => (response.ok ? response.json() : undefined))
    .then(
      (orderForm: { orderFormId?: string; customData?: unknown } | undefined) => orderForm && { orderFormId: orderForm.orderFormId, fields: ourFields(orderForm.customData) },
      () => undefined
    )

export { BRIDGE_FIELDS }
