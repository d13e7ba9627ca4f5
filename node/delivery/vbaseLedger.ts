import type { VBase } from '@vtex/api'
import type { DestinationName } from '../destinations/destination'
import { ledgerKey, type DeliveryRecord, type LedgerStore } from './ledger'
import { sha256Hex } from '../identity/hash'

export const LEDGER_BUCKET = 'ads-events-deliveries'
export const DEAD_LETTER_BUCKET = 'ads-events-dead-letters'

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
  /** The broadcast as received: broadcasts carry ids and statuses only, no PII. */
  body: unknown
}

/** Malformed broadcasts are kept (keyed by content, so duplicates collapse) for inspection and replay. */
export async function recordMalformedBroadcast(vbase: VBase, reason: string, body: unknown, nowMs = Date.now()): Promise<string> {
  const path = `broadcast-${sha256Hex(JSON.stringify(body) ?? 'undefined').slice(0, 24)}`
  const record: MalformedBroadcastRecord = { reason, receivedAt: new Date(nowMs).toISOString(), body: body ?? null }
  await vbase.saveJSON(DEAD_LETTER_BUCKET, path, record)
  return path
}
