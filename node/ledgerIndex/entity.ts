/**
 * Where the ledger's index lives: a Master Data v2 data entity owned by this app, with a schema the
 * app itself creates and pins (createOrUpdateSchema), not the masterdata builder's per-version
 * schema (a new schema per app version revalidates every document, about an hour per million).
 *
 * Entity name as VTEX names app entities, `{vendor}_{appName}_{entityName}` with `.`, `-`, `:`
 * and `@` replaced by `_` (@vtex/clients CreateEntityConfigurationService): VTEX_APP_ID
 * `adsevents.ads-events@0.1.0` gives `adsevents_ads_events_deliveries`.
 */
export const INDEX_ENTITY_SUFFIX = 'deliveries'

/** Bump only when the indexed fields change: a new schema name makes Master Data revalidate every document. */
export const INDEX_SCHEMA_NAME = 'v1'

export function indexEntityName(appId: string | undefined = process.env.VTEX_APP_ID): string {
  const name = (appId ?? '').split('@')[0]
  if (!/^[A-Za-z0-9]+\.[A-Za-z0-9-]+$/.test(name)) throw new Error(`VTEX_APP_ID "${appId ?? ''}" is not vendor.name[@version]`)
  return `${name}_${INDEX_ENTITY_SUFFIX}`.replace(/(\.)|-|:|@/g, '_')
}

const integer = { type: ['integer', 'null'] }
const flag = { type: 'boolean' }
const text = { type: ['string', 'null'] }

/**
 * One document per ledger record, holding what the admin filters, sorts and counts on. Dates are
 * epoch milliseconds: Master Data documents numeric comparisons and ranges (`number>5`,
 * `age between 18 AND 25`); full timestamps inside `between` appear in no documented example.
 */
export const INDEX_SCHEMA = {
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

export type IndexField = keyof typeof INDEX_SCHEMA.properties
