import type { VBase } from '@vtex/api'
import type { DestinationName } from '../destinations/destination'
import { ledgerKey } from '../deliveryStore/ledger'

/**
 * Ledger records whose index write failed, kept in VBase (one small file per `destination:orderId`)
 * until a later run reindexes them. Re-queuing the same key only rewrites its file.
 */
export const INDEX_PENDING_BUCKET = 'ads-events-index-pending'

export interface PendingEntry {
  destination: DestinationName
  orderId: string
  queuedAt: string
  reason: string
}

export interface PendingQueue {
  add(entry: PendingEntry): Promise<void>
  /** Up to `limit` queued entries, oldest file names first as VBase lists them. */
  list(limit: number): Promise<PendingEntry[]>
  remove(destination: DestinationName, orderId: string): Promise<void>
}

const pathOf = (destination: DestinationName, orderId: string) => encodeURIComponent(ledgerKey(destination, orderId))

export class VBasePendingQueue implements PendingQueue {
  constructor(private readonly vbase: Pick<VBase, 'saveJSON' | 'getJSON' | 'listFiles' | 'deleteFile'>) {}

  async add(entry: PendingEntry) {
    await this.vbase.saveJSON(INDEX_PENDING_BUCKET, pathOf(entry.destination, entry.orderId), entry)
  }

  async list(limit: number) {
    const { data } = await this.vbase.listFiles(INDEX_PENDING_BUCKET, { limit })
    const entries = await Promise.all(
      (data ?? []).slice(0, limit).map((file) => this.vbase.getJSON<PendingEntry | null>(INDEX_PENDING_BUCKET, file.path, true))
    )
    return entries.filter((entry): entry is PendingEntry => entry !== null && entry !== undefined)
  }

  async remove(destination: DestinationName, orderId: string) {
    await this.vbase.deleteFile(INDEX_PENDING_BUCKET, pathOf(destination, orderId))
  }
}
