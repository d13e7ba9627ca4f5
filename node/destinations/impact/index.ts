import { marketplaceFulfillmentSkipReason } from '../../conversion/marketplaceFulfillment'
import type { AppSettings } from '../../settings/appSettings'
import { classifyHttpStatus, parseAnswerBody, type Destination, type DestinationResponse, type Outcome } from '../destination'
import { toFormBody, toImpactConversion } from './mapping'

/** Settings without which nothing can be sent, and what the merchant should put there. */
const REQUIRED_SETTINGS = [
  ['impactAccountSid', 'set the impact.com Account SID (Settings → API in impact.com)'],
  ['impactAuthToken', 'set the impact.com Auth Token (Settings → API in impact.com)'],
  ['impactCampaignId', 'set the impact.com Campaign (program) ID'],
  ['impactEventTypeId', 'set the impact.com event type ID or event type code (Event Types → Actions)'],
] as const

export interface ImpactError {
  field?: string
  level?: string
  message?: string
}

const errorsOf = (body: unknown): ImpactError[] | undefined => {
  const errors = (body as { errors?: unknown } | null)?.errors
  return Array.isArray(errors) ? (errors as ImpactError[]) : undefined
}

/** "Margin: Invalid numeric format (fifty)" — impact's own words, field by field. */
const describeErrors = (errors: ImpactError[]): string =>
  errors.map((error) => [error.field, error.message].filter(Boolean).join(': ')).join('; ') || 'no error details'

const describeBody = (body: unknown): string => {
  const errors = errorsOf(body)
  if (errors) return describeErrors(errors)
  const message = (body as { Message?: unknown; message?: unknown } | null)
  if (typeof message?.Message === 'string') return message.Message
  if (typeof message?.message === 'string') return message.message
  return typeof body === 'string' ? body : JSON.stringify(body)
}

const statusOf = (body: unknown): string | undefined => {
  const status = (body as { Status?: unknown } | null)?.Status
  return typeof status === 'string' ? status.toUpperCase() : undefined
}

function classifyImpact(response: DestinationResponse): Outcome {
  const body = parseAnswerBody(response.body)
  if (response.status === 401 || response.status === 403) {
    return {
      kind: 'dead',
      reason: `http-${response.status}: impact.com refused the credentials; check the Account SID and Auth Token in the app settings`,
    }
  }
  const transient = classifyHttpStatus({ ...response, body }, describeBody)
  if (transient) return transient.kind === 'dead' ? { ...transient, errors: errorsOf(body) ?? transient.errors } : transient
  const status = statusOf(body)
  if (status === 'QUEUED') return { kind: 'sent' }
  if (status === 'ERROR') {
    const errors = errorsOf(body) ?? []
    return { kind: 'dead', reason: `impact-error: ${describeErrors(errors)}`.slice(0, 500), errors }
  }
  // A 2xx without QUEUED is not proof of receipt; a replay is safe (impact dedups OrderId per event type).
  return { kind: 'dead', reason: `unexpected-answer: http-${response.status} without Status QUEUED` }
}

/**
 * A shopper who refused consent: impact's Conversions API has a TrackingConsent field and its
 * Consent Mode guide keeps server-side conversions flowing, since a partner's promised reward is
 * owed whatever the cookies (help.impact.com "Ensure GDPR compliance using Consent Mode"). So the
 * sale goes when the partner's coupon can attribute it, without any customer field; without a
 * coupon nothing is left to attribute it by. TrackingConsent itself is not sent: its values are
 * not in impact's public reference.
 */
export const CONSENT_REFUSED_SKIP = "consent-refused: the shopper refused consent and the order has no coupon, the only attribution key left"
export const CONSENT_REFUSED_NOTE = 'consent-refused: sent with the coupon (OrderPromoCode) only, no customer field'

/** impact.com affiliate conversions: attributed by the click id the storefront captured, or by the customer id. */
export const impactDestination: Destination = {
  name: 'impact',

  enabled: (settings) => settings.impactEnabled,

  prepare(conversion, settings) {
    const fulfillment = marketplaceFulfillmentSkipReason(conversion, settings)
    if (fulfillment) return { kind: 'skipped', reason: fulfillment }
    // A refusal leaves the coupon as the only key: impact credits the partner it assigned the code to.
    const refused = conversion.identity.consentRefused
    if (refused && !conversion.coupon) return { kind: 'skipped', reason: CONSENT_REFUSED_SKIP }
    // A coupon is an attribution key too: impact credits the partner it assigned the code to (OrderPromoCode).
    if (!conversion.identity.impactClickId && !conversion.identity.userId && !conversion.coupon)
      return { kind: 'skipped', reason: 'no-attribution-key: the order has no impact click id, no VTEX profile id and no coupon' }
    if (conversion.items.length === 0) return { kind: 'skipped', reason: 'no-sale-items: only gifts or empty lines' }

    const missing = REQUIRED_SETTINGS.filter(([key]) => !settings[key])
    if (missing.length > 0) {
      return {
        kind: 'invalid',
        reason: `missing-setting: ${missing.map(([key]) => key).join(', ')}`,
        errors: missing.map(([setting, message]) => ({ setting, message })),
      }
    }
    if (!conversion.currency) {
      return { kind: 'invalid', reason: 'missing-currency: the order has no currency code', errors: [{ field: 'CurrencyCode', message: 'order without storePreferencesData.currencyCode' }] }
    }

    const accountSid = settings.impactAccountSid as string
    const credentials = Buffer.from(`${accountSid}:${settings.impactAuthToken}`, 'utf8').toString('base64')
    return {
      kind: 'ready',
      ...(refused ? { note: CONSENT_REFUSED_NOTE } : {}),
      request: {
        method: 'POST',
        url: `${settings.impactBaseUrl}/Advertisers/${encodeURIComponent(accountSid)}/Conversions`,
        headers: {
          accept: 'application/json',
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${credentials}`,
        },
        body: toFormBody(toImpactConversion(conversion, settings)),
      },
    }
  },

  classify: classifyImpact,

  // The Basic header is base64 of sid:token: redact it too, or a preview would leak the token.
  secrets: (settings: AppSettings) =>
    settings.impactAuthToken
      ? [settings.impactAuthToken, Buffer.from(`${settings.impactAccountSid ?? ''}:${settings.impactAuthToken}`, 'utf8').toString('base64')]
      : [],
}
