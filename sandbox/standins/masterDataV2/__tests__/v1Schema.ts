/**
 * The app's index schema before one document per order (v1: one document per delivery), kept as
 * the stand-in's test schema: the stand-in is tested on its own, not on the app's current schema.
 */
const integer = { type: ['integer', 'null'] }
const flag = { type: 'boolean' }
const text = { type: ['string', 'null'] }

/**
 * One document per ledger record, holding what the admin filters, sorts and counts on. Dates are
 * epoch milliseconds: Master Data documents numeric comparisons and ranges (`number>5`,
 * `age between 18 AND 25`); full timestamps inside `between` appear in no documented example.
 */
export const V1_SCHEMA = {
  $schema: 'http://json-schema.org/schema#',
  title: 'ads-events delivery ledger index',
  type: 'object',
  required: ['destination', 'orderId', 'status', 'attempts', 'mapped', 'updatedAtMs', 'statusAtMs'],
  properties: {
    destination: { type: 'string' },
    orderId: { type: 'string' },
    status: { type: 'string', enum: ['pending', 'sent', 'failed', 'skipped', 'dead'] },
    /** The reason's code (text before the first colon), e.g. `no-identity`: counted per code. */
    reasonCode: text,
    reason: text,
    attempts: { type: 'integer' },
    /** The order was mapped, so the identity flags below say what it carried. */
    mapped: flag,
    hasSessionId: flag,
    hasUserId: flag,
    hasImpactClickId: flag,
    hasOppref: flag,
    canceled: flag,
    createdAtMs: integer,
    updatedAtMs: { type: 'integer' },
    /** When the record reached its status: sentAt for sent, else its last update. */
    statusAtMs: { type: 'integer' },
    sentAtMs: integer,
    orderCreatedAtMs: integer,
  },
  'v-indexed': [
    'destination',
    'orderId',
    'status',
    'reasonCode',
    'mapped',
    'hasSessionId',
    'hasUserId',
    'hasImpactClickId',
    'hasOppref',
    'updatedAtMs',
    'statusAtMs',
  ],
  'v-default-fields': ['destination', 'orderId', 'status', 'updatedAtMs'],
  // The admin reads its own writes right after a replay: no caching of searches.
  'v-cache': false,
  // Nothing is public: only the app's token (ADMIN_DS) reads or writes these documents.
  'v-security': { allowGetAll: false, publicRead: [], publicWrite: [], publicFilter: [] },
} as const
