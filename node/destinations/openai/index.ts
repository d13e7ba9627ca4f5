import type { Conversion } from '../../conversion/conversion'
import { marketplaceFulfillmentSkipReason } from '../../conversion/marketplaceFulfillment'
import type { AppSettings } from '../../settings/appSettings'
import { classifyHttpStatus, parseAnswerBody, type Destination, type DestinationResponse, type OutboundRequest, type Outcome, type Preparation } from '../destination'
import { toOpenAIEvent, toOpenAIEventsBody, type OpenAIEvent } from './mapping'
import { describeEventErrors, validateEvent } from './schema'
import { timestampWindowError } from './window'

/** OpenAI fails a whole batch for one bad event: small batches keep the damage (and the bisecting) small. */
export const OPENAI_MAX_BATCH = 50
/** The API's own limit per request. */
export const OPENAI_API_MAX_EVENTS = 1000

const KEY_HELP =
  'use a Conversions API key (sk-svcacct-…, scope ads.third_party_events.write) from Ads Manager → Conversions → Manage conversion keys; an Advertiser API key does not work'

/**
 * A shopper who refused consent: the storefront dropped `oppref`, and what is left to attribute
 * the sale by are hashed identifiers of the shopper (e-mail, profile id), i.e. matching the person
 * who refused. OpenAI's `opt_out: true` only "opts the event out of future user-level
 * personalisation"; the matching itself would still happen. So nothing is sent.
 */
export const CONSENT_REFUSED_SKIP = 'consent-refused: the shopper refused consent; OpenAI could only attribute the order by matching the shopper'

type EventPreparation = { kind: 'event'; event: OpenAIEvent } | Exclude<Preparation, { kind: 'ready' }>

function prepareEvent(conversion: Conversion, settings: AppSettings, nowMs: number): EventPreparation {
  const { identity, customer } = conversion
  const fulfillment = marketplaceFulfillmentSkipReason(conversion, settings)
  if (fulfillment) return { kind: 'skipped', reason: fulfillment }
  if (identity.consentRefused) return { kind: 'skipped', reason: CONSENT_REFUSED_SKIP }
  if (!identity.oppref && !identity.userId && !customer.email)
    return { kind: 'skipped', reason: 'no-identity: no oppref, no VTEX profile id and no usable e-mail to attribute the order' }
  if (conversion.items.length === 0) return { kind: 'skipped', reason: 'no-sale-items: only gifts or empty lines' }

  const missing = [
    ['openaiPixelId', 'set the OpenAI Ads pixel ID (Ads Manager → Conversions)'],
    ['openaiApiKey', `set the OpenAI Conversions API key: ${KEY_HELP}`],
  ].filter(([key]) => !settings[key as keyof AppSettings])
  if (missing.length > 0) {
    return {
      kind: 'invalid',
      reason: `missing-setting: ${missing.map(([key]) => key).join(', ')}`,
      errors: missing.map(([setting, message]) => ({ setting, message })),
    }
  }

  const outOfWindow = timestampWindowError(conversion.createdAtMs, nowMs)
  // Too old is final (OpenAI will never take it: a backfill, a late broadcast), not a dead letter a
  // merchant could fix; a date ahead of now is a clock problem worth a dead letter.
  if (outOfWindow?.startsWith('too-old')) return { kind: 'skipped', reason: outOfWindow }
  if (outOfWindow) return { kind: 'invalid', reason: outOfWindow, errors: [{ field: 'timestamp_ms', message: outOfWindow }] }

  const event = toOpenAIEvent(conversion)
  const errors = validateEvent(event)
  if (errors.length > 0) return { kind: 'invalid', reason: `invalid-event: ${describeEventErrors(errors, 'event')}`.slice(0, 500), errors }
  return { kind: 'event', event }
}

function toRequest(events: OpenAIEvent[], settings: AppSettings): Preparation {
  return {
    kind: 'ready',
    request: {
      method: 'POST',
      url: `${settings.openaiBaseUrl}/v1/events?pid=${encodeURIComponent(settings.openaiPixelId ?? '')}`,
      headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${settings.openaiApiKey}` },
      body: JSON.stringify(toOpenAIEventsBody(events, settings.openaiValidateOnly)),
    },
  }
}

/** OpenAI's own message: `{error: {message}}` (its API convention), `{message}`, or plain text. */
export function openaiMessage(body: unknown): string {
  const parsed = parseAnswerBody(body) as { error?: { message?: unknown } | string; message?: unknown } | string | null
  if (typeof parsed === 'string') return parsed
  if (typeof parsed?.error === 'object' && typeof parsed.error?.message === 'string') return parsed.error.message
  if (typeof parsed?.error === 'string') return parsed.error
  if (typeof parsed?.message === 'string') return parsed.message
  return JSON.stringify(parsed)
}

/** validate_only answers 2xx without saving: recorded as sent (final) with a note, not as a delivery. */
const VALIDATE_ONLY_NOTE = 'validate-only: OpenAI validated the event and saved nothing (test mode was on)'

const wasValidateOnly = (request: OutboundRequest | undefined): boolean => {
  try {
    return request !== undefined && (JSON.parse(request.body) as { validate_only?: unknown }).validate_only === true
  } catch {
    return false
  }
}

function classifyOpenAI(response: DestinationResponse, request?: OutboundRequest): Outcome {
  if (response.status === 401 || response.status === 403) {
    return { kind: 'dead', reason: `http-${response.status}: ${openaiMessage(response.body)}; ${KEY_HELP}`.slice(0, 500) }
  }
  const transient = classifyHttpStatus(response, openaiMessage)
  if (transient) return transient
  if (response.status >= 200 && response.status < 300) return wasValidateOnly(request) ? { kind: 'sent', note: VALIDATE_ONLY_NOTE } : { kind: 'sent' }
  return { kind: 'dead', reason: `unexpected-status-${response.status}` }
}

/**
 * For deliverInBatches: a 400 names one bad event and is worth bisecting; a refused key fails
 * every half alike, so it is not.
 */
export const splitOpenAIBatchOn = (outcome: Outcome): boolean => outcome.kind === 'dead' && !/^http-40[13]\b/.test(outcome.reason)

/** OpenAI Ads Conversions API: order_created events, attributed by oppref and hashed user fields. */
export const openaiDestination: Destination = {
  name: 'openai',

  enabled: (settings) => settings.openaiEnabled,

  prepare(conversion, settings, nowMs) {
    const prepared = prepareEvent(conversion, settings, nowMs)
    return prepared.kind === 'event' ? toRequest([prepared.event], settings) : prepared
  },

  prepareBatch(conversions, settings, nowMs) {
    if (conversions.length === 0) return { kind: 'skipped', reason: 'empty-batch' }
    if (conversions.length > OPENAI_API_MAX_EVENTS)
      return { kind: 'invalid', reason: `batch-too-large: ${conversions.length} events, OpenAI accepts ${OPENAI_API_MAX_EVENTS}`, errors: [] }
    const events: OpenAIEvent[] = []
    const unsendable: Array<{ orderId: string; reason: string }> = []
    for (const conversion of conversions) {
      const prepared = prepareEvent(conversion, settings, nowMs)
      if (prepared.kind === 'event') events.push(prepared.event)
      else unsendable.push({ orderId: conversion.orderId, reason: prepared.reason })
    }
    // One unsendable event would fail the whole request: the caller must leave it out (prepare says why).
    if (unsendable.length > 0)
      return { kind: 'invalid', reason: `batch-has-unsendable-events: ${unsendable.map((entry) => entry.orderId).join(', ')}`.slice(0, 500), errors: unsendable }
    return toRequest(events, settings)
  },

  maxBatch: OPENAI_MAX_BATCH,

  splitBatchOn: splitOpenAIBatchOn,

  classify: classifyOpenAI,

  secrets: (settings) => (settings.openaiApiKey ? [settings.openaiApiKey] : []),
}
