import Ajv, { type ErrorObject } from 'ajv'

/**
 * An OpenAI Conversions API event as the spec defines it (id, type, timestamp_ms and data
 * required; source_url required when action_source is web; amounts are integers in ISO 4217
 * minor units). Used before sending and by the sandbox's stand-in. The time window needs a
 * clock, so it lives in window.ts, not here.
 */
const minorUnits = { type: 'integer', minimum: 0 }
const currency = { type: 'string', pattern: '^[A-Z]{3}$' }

export const EVENT_TYPES = [
  'appointment_scheduled',
  'checkout_started',
  'contents_viewed',
  'custom',
  'items_added',
  'lead_created',
  'order_created',
  'page_viewed',
  'registration_completed',
  'subscription_created',
  'trial_started',
] as const

export const eventSchema = {
  type: 'object',
  required: ['id', 'type', 'timestamp_ms', 'data'],
  properties: {
    id: { type: 'string', minLength: 1 },
    type: { enum: EVENT_TYPES },
    custom_event_name: { type: 'string', minLength: 1 },
    timestamp_ms: { type: 'integer' },
    oppref: { type: 'string', minLength: 1 },
    action_source: { enum: ['web', 'mobile_app', 'offline', 'physical_store', 'phone_call', 'email', 'other'] },
    source_url: { type: 'string', format: 'uri', pattern: '^https?://' },
    opt_out: { type: 'boolean' },
    user: {
      type: 'object',
      properties: {
        email_sha256: { type: 'string', pattern: '^[a-f0-9]{64}$' },
        external_id_sha256: { type: 'string', pattern: '^[a-f0-9]{64}$' },
        country: { type: 'string', pattern: '^[A-Z]{2}$' },
        city: { type: 'string', maxLength: 128 },
        zip_code: { type: 'string', pattern: '^[A-Za-z0-9 -]{1,32}$' },
      },
    },
    data: {
      type: 'object',
      required: ['type'],
      properties: {
        type: { type: 'string' },
        amount: minorUnits,
        currency,
        contents: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'quantity'],
            properties: {
              id: { type: 'string', minLength: 1 },
              name: { type: 'string' },
              content_type: { type: 'string' },
              quantity: { type: 'integer', minimum: 1 },
              amount: minorUnits,
              currency,
            },
          },
        },
      },
      // A monetary amount without its currency means nothing.
      dependentRequired: { amount: ['currency'] },
    },
  },
  allOf: [
    { if: { required: ['action_source'], properties: { action_source: { const: 'web' } } }, then: { required: ['source_url'] } },
    { if: { properties: { type: { const: 'custom' } } }, then: { required: ['custom_event_name'] } },
  ],
} as const

const ajv = new Ajv({ allErrors: true, strict: false, formats: { uri: /^[a-z][a-z0-9+.-]*:[^\s]*$/i } })
const compiled = ajv.compile(eventSchema)

export type EventError = Pick<ErrorObject, 'instancePath' | 'message'>

/** OpenAI-style one-line messages: "events[3].data.amount must be integer". */
export function validateEvent(event: unknown): EventError[] {
  if (compiled(event)) return []
  return (compiled.errors ?? []).map(({ instancePath, message }) => ({ instancePath, message }))
}

export const describeEventErrors = (errors: EventError[], prefix: string): string =>
  errors.map((error) => `${prefix}${error.instancePath.replace(/\//g, '.').replace(/\.(\d+)(?=\.|$)/g, '[$1]')} ${error.message}`).join('; ')
