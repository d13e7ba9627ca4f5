import type { DestinationName } from '../destinations/destination'

/**
 * One record per destination and order (`vtexAds:1390620512853-01`): the memory that makes
 * at-least-once broadcasts deliver exactly once. Holds ids, hashes and reasons, never PII.
 */
export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'skipped' | 'dead'

export interface DeliveryRecord {
  destination: DestinationName
  orderId: string
  status: DeliveryStatus
  attempts: number
  reason?: string
  /** The destination's own error list (Ajv list, impact errors[], OpenAI message) for dead letters. */
  errors?: unknown[]
  lastError?: string
  /** SHA-256 of the body sent (or that would be sent), to tell a changed payload on replay. */
  payloadHash?: string
  notes?: string[]
  /** Which ids the order carried (never the ids): the admin's identity coverage. Set once the order is mapped. */
  identity?: IdentityCoverage
  /** When the shopper placed the order (OMS creationDate, ISO UTC): time to conversion. */
  orderCreatedAt?: string
  createdAt: string
  updatedAt: string
  sentAt?: string
  canceledAt?: string
  /** While pending: another delivery of the same key waits until then before taking over. */
  leaseUntil?: string
  /** For failed: earliest time a retry makes sense (Retry-After). */
  retryAfter?: string
}

export interface IdentityCoverage {
  sessionId: boolean
  userId: boolean
  impactClickId: boolean
  oppref: boolean
}

/** Final states: a broadcast never changes them; only an admin replay re-opens failed/dead. */
export const FINAL_STATUSES: ReadonlySet<DeliveryStatus> = new Set(['sent', 'skipped', 'dead'])

export const ledgerKey = (destination: DestinationName, orderId: string): string => `${destination}:${orderId}`

export interface LedgerStore {
  get(destination: DestinationName, orderId: string): Promise<DeliveryRecord | undefined>
  put(record: DeliveryRecord): Promise<void>
}

/** For tests and the preview: the same contract, in memory. */
export class MemoryLedger implements LedgerStore {
  readonly records = new Map<string, DeliveryRecord>()

  async get(destination: DestinationName, orderId: string) {
    const record = this.records.get(ledgerKey(destination, orderId))
    return record ? { ...record } : undefined
  }

  async put(record: DeliveryRecord) {
    this.records.set(ledgerKey(record.destination, record.orderId), { ...record })
  }
}
