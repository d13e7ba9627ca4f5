import Ajv, { type ErrorObject } from 'ajv'
import addFormats from 'ajv-formats'

/**
 * The conversion body as VTEX Ads defines it (POST /v1/beacon/conversion, vtexads-api-docs 5.6 and
 * VTEX's OpenAPI schema). `specSchema` is what the platform enforces; `sendSchema` adds what we
 * promise on top (hash shapes, unit prices ≥ 0, channel and ISO date) so a bad body never leaves.
 */
const hashed = { type: 'string', pattern: '^[a-f0-9]{64}$' }

const item = {
  type: 'object',
  required: ['sku', 'quantity', 'price', 'promotional_price'],
  properties: {
    sku: { type: 'string' },
    quantity: { type: 'number' },
    price: { type: 'number' },
    promotional_price: { type: 'number' },
    seller_id: { type: ['string', 'null'] },
    product_id: { type: 'string' },
  },
}

export const specSchema = {
  type: 'object',
  required: ['publisher_id', 'user_id', 'session_id', 'order_id', 'email_hashed', 'items', 'created_at'],
  properties: {
    channel: { type: 'string' },
    publisher_id: { type: 'string' },
    user_id: { type: 'string' },
    session_id: { type: 'string' },
    order_id: { type: 'string' },
    email_hashed: { type: 'string' },
    items: { type: 'array', items: item },
    created_at: { type: 'string' },
    brand: { type: 'string' },
    is_company: { type: 'boolean' },
    gender: { enum: ['F', 'M', 'O', null] },
    uf: { type: 'string' },
    city: { type: 'string' },
    phone_hashed: { type: 'string' },
    social_id_hashed: { type: 'string' },
    first_name_hashed: { type: 'string' },
    last_name_hashed: { type: 'string' },
  },
} as const

export const sendSchema = {
  ...specSchema,
  required: [...specSchema.required, 'channel'],
  additionalProperties: false,
  properties: {
    ...specSchema.properties,
    channel: { type: 'string', minLength: 1 },
    publisher_id: { type: 'string', minLength: 1 },
    user_id: { type: 'string', minLength: 1 },
    session_id: { type: 'string', minLength: 1 },
    order_id: { type: 'string', minLength: 1 },
    created_at: { type: 'string', format: 'date-time', pattern: 'Z$' },
    email_hashed: hashed,
    phone_hashed: hashed,
    social_id_hashed: hashed,
    first_name_hashed: hashed,
    last_name_hashed: hashed,
    items: {
      type: 'array',
      minItems: 1,
      items: {
        ...item,
        additionalProperties: false,
        properties: {
          ...item.properties,
          sku: { type: 'string', minLength: 1 },
          quantity: { type: 'number', exclusiveMinimum: 0 },
          price: { type: 'number', minimum: 0 },
          promotional_price: { type: 'number', minimum: 0 },
        },
      },
    },
  },
} as const

const ajv = new Ajv({ allErrors: true, strict: false })
addFormats(ajv)

const compiledSpec = ajv.compile(specSchema)
const compiledSend = ajv.compile(sendSchema)

/** The Ajv error list, in the exact shape VTEX Ads answers with on 422. */
export type AjvError = Pick<ErrorObject, 'instancePath' | 'keyword' | 'message' | 'params' | 'schemaPath'>

const errorList = (errors: ErrorObject[] | null | undefined): AjvError[] =>
  (errors ?? []).map(({ instancePath, keyword, message, params, schemaPath }) => ({ instancePath, keyword, message, params, schemaPath }))

export function validateForSend(body: unknown): AjvError[] {
  return compiledSend(body) ? [] : errorList(compiledSend.errors)
}

/** What the VTEX Ads events API itself checks; used by the sandbox's stand-in. */
export function validateAsVtexAds(body: unknown): AjvError[] {
  return compiledSpec(body) ? [] : errorList(compiledSpec.errors)
}
