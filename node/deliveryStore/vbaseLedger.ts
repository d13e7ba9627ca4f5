import type { VBase } from '@vtex/api'
import type { DestinationName } from '../destinations/destination'
import { ledgerKey, type DeliveryRecord, type LedgerStore } from './ledger'
import { sha256Hex } from '../identity/hash'

import { DEAD_LETTER_BUCKET, LEDGER_BUCKET } from './buckets'

export { DEAD_LETTER_BUCKET, LEDGER_BUCKET }

/** VBase paths: one JSON file per `destination:orderId`. */
const pathOf = (destination: DestinationName, orderId: string) => encodeURIComponent(ledgerKey(destination, orderId))

export class VBaseLedger implements LedgerStore {
  constructor(private readonly vbase: VBase) {}

  async get(destination: DestinationName, orderId: string) {
    const record = await this.vbase.getJSON<DeliveryRecord | null>(LEDGER_BUCKET, pathOf(destination, orderId), true)
    return record ?? undefined
  }

  async put(record: DeliveryRecord) {
    await this.vbase.saveJSON(LEDGER_BUCKET, pathOf(record.destination, record.orderId), record)
  }
}

export interface MalformedBroadcastRecord {
  reason: string
  receivedAt: string
  /** The broadcast as received (broadcasts carry ids and statuses only, no PII), when it is small. */
  body?: unknown
  /** Otherwise its first bytes, and its size. */
  excerpt?: string
  bytes?: number
}

/** A broadcast is a few hundred bytes: anything much larger is kept as an excerpt, never whole. */
export const MALFORMED_KEEP_BYTES = 4_096

/**
 * Malformed broadcasts are kept (keyed by content, so duplicates collapse) for inspection and
 * replay, bounded in size. `raw` is the body's text when it could not even be parsed.
 */
export async function recordMalformedBroadcast(vbase: VBase, reason: string, body: unknown, nowMs = Date.now(), raw?: { excerpt: string; bytes: number }): Promise<string> {
  const text = raw ? raw.excerpt : (JSON.stringify(body) ?? 'undefined')
  const path = `broadcast-${sha256Hex(`${raw?.bytes ?? ''}:${text}`).slice(0, 24)}`
  const small = !raw && text.length <= MALFORMED_KEEP_BYTES
  const record: MalformedBroadcastRecord = {
    reason,
    receivedAt: new Date(nowMs).toISOString(),
    ...(small ? { body: body ?? null } : { excerpt: text.slice(0, MALFORMED_KEEP_BYTES), bytes: raw?.bytes ?? Buffer.byteLength(text) }),
  }
  await vbase.saveJSON(DEAD_LETTER_BUCKET, path, record)
  return path
}
