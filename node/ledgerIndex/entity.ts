import { DESTINATION_NAMES } from './destinations'
import type { DestinationName } from '../destinations/destination'

/**
 * Where the ledger's index lives: a Master Data v2 data entity owned by this app, with a schema the
 * app itself creates and pins (createOrUpdateSchema), not the masterdata builder's per-version
 * schema (a new schema per app version revalidates every document, about an hour per million).
 *
 * Entity name as VTEX names app entities, `{vendor}_{appName}_{entityName}` with `.`, `-`, `:`
 * and `@` replaced by `_` (@vtex/clients CreateEntityConfigurationService): VTEX_APP_ID
 * `adsevents.ads-events@0.1.0` gives `adsevents_ads_events_deliveries`. The entity stays (the
 * manifest's outbound-access policy names it); its documents changed shape with the schema name.
 */
export const INDEX_ENTITY_SUFFIX = 'deliveries'

/**
 * `v2`: one document per order, every destination's state in prefixed fields (`vtexAdsStatus`…).
 * Bump only when the indexed fields change: a new schema name makes Master Data revalidate every document.
 */
export const INDEX_SCHEMA_NAME = 'v2'
/** One document per destination and order (`vtexAds-{orderId}`): no longer read, deleted by the full reindex. */
export const LEGACY_SCHEMA_NAME = 'v1'

export function indexEntityName(appId: string | undefined = process.env.VTEX_APP_ID): string {
  const name = (appId ?? '').split('@')[0]
  if (!/^[A-Za-z0-9]+\.[A-Za-z0-9-]+$/.test(name)) throw new Error(`VTEX_APP_ID "${appId ?? ''}" is not vendor.name[@version]`)
  return `${name}_${INDEX_ENTITY_SUFFIX}`.replace(/(\.)|-|:|@/g, '_')
}

const integer = { type: ['integer', 'null'] }
const flag = { type: 'boolean' }
const text = { type: ['string', 'null'] }

/** Each destination's state, as `{destination}{Suffix}` fields (`vtexAdsStatus`, `impactStatusAtMs`…). */
const DESTINATION_PROPERTIES = {
  Status: { type: ['string', 'null'], enum: ['pending', 'sent', 'failed', 'skipped', 'dead', null] },
  /** When the delivery reached its status: sentAt for sent, else its last update. */
  StatusAtMs: integer,
  UpdatedAtMs: integer,
  CreatedAtMs: integer,
  SentAtMs: integer,
  /** The reason's code (text before the first colon), e.g. `no-identity`: counted per code. */
  ReasonCode: text,
  Reason: text,
  Attempts: integer,
} as const
export type DestinationSuffix = keyof typeof DESTINATION_PROPERTIES
export const DESTINATION_SUFFIXES = Object.keys(DESTINATION_PROPERTIES) as DestinationSuffix[]
/** What the admin filters, sorts and counts on per destination. */
const INDEXED_SUFFIXES: DestinationSuffix[] = ['Status', 'StatusAtMs', 'UpdatedAtMs', 'ReasonCode']

const ORDER_PROPERTIES = {
  orderId: { type: 'string' },
  /** The order was mapped into a conversion, so the identity flags below say what it carried. */
  mapped: flag,
  hasSessionId: flag,
  hasUserId: flag,
  hasImpactClickId: flag,
  hasOppref: flag,
  canceled: flag,
  orderCreatedAtMs: integer,
  /** The record's last change (any destination). */
  updatedAtMs: { type: 'integer' },
} as const

const perDestination = <T>(make: (suffix: DestinationSuffix) => T, suffixes = DESTINATION_SUFFIXES) =>
  Object.fromEntries(DESTINATION_NAMES.flatMap((destination) => suffixes.map((suffix) => [`${destination}${suffix}`, make(suffix)])))

/**
 * One document per order (the per-order record of node/deliveryStore), holding what the admin
 * filters, sorts and counts on. Dates are epoch milliseconds: Master Data documents numeric
 * comparisons and ranges (`number>5`, `age between 18 AND 25`); full timestamps inside `between`
 * appear in no documented example. Every admin search names a destination's field, so documents
 * of the v1 layout (which have none) never match one.
 */
export const INDEX_SCHEMA = {
  $schema: 'http://json-schema.org/schema#',
  title: 'ads-events delivery ledger index, one document per order',
  type: 'object',
  required: ['orderId', 'mapped', 'updatedAtMs'],
  properties: { ...ORDER_PROPERTIES, ...perDestination((suffix) => DESTINATION_PROPERTIES[suffix]) },
  'v-indexed': [
    'orderId',
    'mapped',
    'hasSessionId',
    'hasUserId',
    'hasImpactClickId',
    'hasOppref',
    ...Object.keys(perDestination(() => true, INDEXED_SUFFIXES)),
  ],
  'v-default-fields': ['orderId', 'updatedAtMs'],
  // The admin reads its own writes right after a replay: no caching of searches.
  'v-cache': false,
  // Nothing is public: only the app's token (ADMIN_DS) reads or writes these documents.
  'v-security': { allowGetAll: false, publicRead: [], publicWrite: [], publicFilter: [] },
}

export type OrderField = keyof typeof ORDER_PROPERTIES
export type DestinationField = `${DestinationName}${DestinationSuffix}`
export type IndexField = OrderField | DestinationField
