import type { DestinationName } from '../destinations/destination'
import type { DeliveryRecord, DeliveryStatus } from '../deliveryStore/ledger'
import { deliveriesOf, deliveryOf, type OrderRecord } from '../deliveryStore/orderRecord'
import { DESTINATION_NAMES } from './destinations'
import type { DestinationField, DestinationSuffix } from './entity'

/** One destination's state in an order document (see entity.ts for the schema). */
export interface DestinationState {
  status: DeliveryStatus
  /** When the delivery reached its status: sentAt for sent, else its last update. */
  statusAtMs: number
  updatedAtMs: number
  createdAtMs: number | null
  sentAtMs: number | null
  reasonCode: string | null
  reason: string | null
  attempts: number
}

type Stored<S extends DestinationSuffix> = S extends 'Status' ? DeliveryStatus | null : S extends 'ReasonCode' | 'Reason' ? string | null : number | null
type FieldsOf<D extends DestinationName> = { [S in DestinationSuffix as `${D}${S}`]: Stored<S> }

/** Order-level fields, once per order. Ids and flags, never PII. */
export interface OrderFields {
  orderId: string
  mapped: boolean
  hasSessionId: boolean
  hasUserId: boolean
  hasImpactClickId: boolean
  hasOppref: boolean
  canceled: boolean
  orderCreatedAtMs: number | null
  updatedAtMs: number
}

/** The index document of one order: order-level fields and every destination's state (null where it has none). */
export type OrderIndexDocument = OrderFields & FieldsOf<'vtexAds'> & FieldsOf<'impact'> & FieldsOf<'openai'>

const REASON_MAX = 300

export const fieldOf = (destination: DestinationName, suffix: DestinationSuffix): DestinationField => `${destination}${suffix}`

const safeId = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, '_')

/** Master Data document ids are URL path segments: letters, digits, `_` and `-` only. */
export const orderDocumentId = (orderId: string): string => safeId(orderId)

/** The v1 layout's id (one document per destination and order): what the full reindex deletes. */
export const legacyDocumentId = (destination: DestinationName, orderId: string): string => safeId(`${destination}-${orderId}`)

/** `no-identity: the order has no valid session_id` → `no-identity`; `http-422: …` → `http-422`. */
export const reasonCodeOf = (reason: string | undefined): string | null => {
  const code = reason?.split(':')[0].trim()
  return code ? code.slice(0, 64) : null
}

const millis = (iso: string | undefined): number | null => {
  if (!iso) return null
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? null : ms
}

export function toDestinationState(delivery: DeliveryRecord): DestinationState {
  const updatedAtMs = millis(delivery.updatedAt) ?? millis(delivery.createdAt) ?? 0
  const sentAtMs = millis(delivery.sentAt)
  return {
    status: delivery.status,
    statusAtMs: delivery.status === 'sent' && sentAtMs !== null ? sentAtMs : updatedAtMs,
    updatedAtMs,
    createdAtMs: millis(delivery.createdAt),
    sentAtMs,
    reasonCode: reasonCodeOf(delivery.reason),
    reason: delivery.reason ? delivery.reason.slice(0, REASON_MAX) : null,
    attempts: delivery.attempts,
  }
}

function destinationFields(destination: DestinationName, state: DestinationState | undefined): Record<DestinationField, unknown> {
  return {
    [fieldOf(destination, 'Status')]: state?.status ?? null,
    [fieldOf(destination, 'StatusAtMs')]: state?.statusAtMs ?? null,
    [fieldOf(destination, 'UpdatedAtMs')]: state?.updatedAtMs ?? null,
    [fieldOf(destination, 'CreatedAtMs')]: state?.createdAtMs ?? null,
    [fieldOf(destination, 'SentAtMs')]: state?.sentAtMs ?? null,
    [fieldOf(destination, 'ReasonCode')]: state?.reasonCode ?? null,
    [fieldOf(destination, 'Reason')]: state?.reason ?? null,
    [fieldOf(destination, 'Attempts')]: state?.attempts ?? null,
  } as Record<DestinationField, unknown>
}

/**
 * The index document of one order record. Which ids the order carried is one fact of the order
 * (every destination's delivery is mapped from the same conversion): taken from its latest mapped
 * delivery. `canceled` when any delivery recorded the cancellation.
 */
export function toOrderIndexDocument(record: OrderRecord): OrderIndexDocument {
  const deliveries = deliveriesOf(record)
  const mapped = deliveries.filter((delivery) => delivery.identity !== undefined).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0]
  const identity = mapped?.identity
  const orderCreatedAt = deliveries.map((delivery) => delivery.orderCreatedAt).find((at) => at !== undefined)
  const updatedAtMs = Math.max(millis(record.updatedAt) ?? 0, ...deliveries.map((delivery) => toDestinationState(delivery).updatedAtMs))
  const fields = DESTINATION_NAMES.map((destination) => {
    const delivery = deliveryOf(record, destination)
    return destinationFields(destination, delivery && toDestinationState(delivery))
  })
  return Object.assign(
    {
      orderId: record.orderId,
      mapped: identity !== undefined,
      hasSessionId: identity?.sessionId === true,
      hasUserId: identity?.userId === true,
      hasImpactClickId: identity?.impactClickId === true,
      hasOppref: identity?.oppref === true,
      canceled: deliveries.some((delivery) => delivery.canceledAt !== undefined),
      orderCreatedAtMs: millis(orderCreatedAt),
      updatedAtMs,
    },
    ...fields
  ) as OrderIndexDocument
}

/** One destination's state in a (possibly partial, `_fields`-projected) document; undefined when it has none. */
export function destinationStateOf(document: Partial<OrderIndexDocument>, destination: DestinationName): DestinationState | undefined {
  const get = (suffix: DestinationSuffix) => (document as Record<string, unknown>)[fieldOf(destination, suffix)]
  const status = get('Status')
  if (typeof status !== 'string') return undefined
  const number = (suffix: DestinationSuffix) => (typeof get(suffix) === 'number' ? (get(suffix) as number) : null)
  const text = (suffix: DestinationSuffix) => (typeof get(suffix) === 'string' ? (get(suffix) as string) : null)
  return {
    status: status as DeliveryStatus,
    statusAtMs: number('StatusAtMs') ?? 0,
    updatedAtMs: number('UpdatedAtMs') ?? 0,
    createdAtMs: number('CreatedAtMs'),
    sentAtMs: number('SentAtMs'),
    reasonCode: text('ReasonCode'),
    reason: text('Reason'),
    attempts: number('Attempts') ?? 0,
  }
}
