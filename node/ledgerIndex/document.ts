import type { DestinationName } from '../destinations/destination'
import type { DeliveryRecord, DeliveryStatus } from '../deliveryStore/ledger'

/** The index document of one ledger record (see entity.ts for the schema). Ids and flags, never PII. */
export interface IndexDocument {
  destination: DestinationName
  orderId: string
  status: DeliveryStatus
  reasonCode: string | null
  reason: string | null
  attempts: number
  mapped: boolean
  hasSessionId: boolean
  hasUserId: boolean
  hasImpactClickId: boolean
  hasOppref: boolean
  canceled: boolean
  createdAtMs: number | null
  updatedAtMs: number
  statusAtMs: number
  sentAtMs: number | null
  orderCreatedAtMs: number | null
}

const REASON_MAX = 300

/** Master Data document ids are URL path segments: letters, digits, `_` and `-` only. */
export const indexDocumentId = (destination: DestinationName, orderId: string): string =>
  `${destination}-${orderId}`.replace(/[^A-Za-z0-9_-]/g, '_')

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

export function toIndexDocument(record: DeliveryRecord): IndexDocument {
  const updatedAtMs = millis(record.updatedAt) ?? millis(record.createdAt) ?? 0
  const sentAtMs = millis(record.sentAt)
  return {
    destination: record.destination,
    orderId: record.orderId,
    status: record.status,
    reasonCode: reasonCodeOf(record.reason),
    reason: record.reason ? record.reason.slice(0, REASON_MAX) : null,
    attempts: record.attempts,
    mapped: record.identity !== undefined,
    hasSessionId: record.identity?.sessionId === true,
    hasUserId: record.identity?.userId === true,
    hasImpactClickId: record.identity?.impactClickId === true,
    hasOppref: record.identity?.oppref === true,
    canceled: record.canceledAt !== undefined,
    createdAtMs: millis(record.createdAt),
    updatedAtMs,
    statusAtMs: record.status === 'sent' && sentAtMs !== null ? sentAtMs : updatedAtMs,
    sentAtMs,
    orderCreatedAtMs: millis(record.orderCreatedAt),
  }
}
