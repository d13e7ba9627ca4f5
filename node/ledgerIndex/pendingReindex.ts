import type { VBase } from '@vtex/api'
import type { DestinationName } from '../destinations/destination'

/**
 * Orders whose index write failed, kept in VBase (one small file per order id) until a later run
 * reindexes them. Re-queuing the same order only rewrites its file. Files of the per-destination
 * layout (`destination:orderId`, with `destination` in the entry) are still listed and reindexed
 * as their order.
 */
export const INDEX_PENDING_BUCKET = 'ads-events-index-pending'

export interface PendingEntry {
  orderId: string
  queuedAt: string
  reason: string
  /** Entries queued before one document per order. */
  destination?: DestinationName
}

/** A listed entry and the file it came from, to remove exactly that file. */
export interface QueuedEntry extends PendingEntry {
  path: string
}

export interface PendingQueue {
  add(entry: PendingEntry): Promise<void>
  /** Up to `limit` queued entries, oldest file names first as VBase lists them. */
  list(limit: number): Promise<QueuedEntry[]>
  remove(entry: QueuedEntry): Promise<void>
}

export const pendingPathOf = (orderId: string) => encodeURIComponent(orderId)

export class VBasePendingQueue implements PendingQueue {
  constructor(private readonly vbase: Pick<VBase, 'saveJSON' | 'getJSON' | 'listFiles' | 'deleteFile'>) {}

  async add(entry: PendingEntry) {
    await this.vbase.saveJSON(INDEX_PENDING_BUCKET, pendingPathOf(entry.orderId), entry)
  }

  async list(limit: number) {
    const { data } = await this.vbase.listFiles(INDEX_PENDING_BUCKET, { limit })
    const entries = await Promise.all(
      (data ?? []).slice(0, limit).map(async (file) => {
        const entry = await this.vbase.getJSON<PendingEntry | null>(INDEX_PENDING_BUCKET, file.path, true)
        return entry ? { ...entry, path: file.path } : undefined
      })
    )
    return entries.filter((entry): entry is QueuedEntry => entry !== undefined)
  }

  async remove(entry: QueuedEntry) {
    await this.vbase.deleteFile(INDEX_PENDING_BUCKET, entry.path)
  }
}
