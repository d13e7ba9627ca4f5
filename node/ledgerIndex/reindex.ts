import type { LedgerStore } from '../delivery/ledger'
import type { DeliveryLogger } from '../delivery/pipeline'
import type { IndexWriter } from './indexedLedger'
import type { PendingQueue } from './pendingReindex'

export interface ReindexDeps {
  /** The ledger itself (VBase), never the indexed decorator: the record is read as it is now. */
  ledger: Pick<LedgerStore, 'get'>
  index: IndexWriter
  pending: PendingQueue
  logger: Pick<DeliveryLogger, 'info' | 'warn'>
}

export interface ReindexResult {
  reindexed: number
  /** Still queued (the index refused again): the next run tries them again. */
  failed: number
  /** Queued keys whose ledger record no longer exists: dropped from the queue. */
  dropped: number
}

/** One call per scheduled run stays well inside the service timeout. */
export const REINDEX_BATCH = 200

/**
 * Writes the index documents whose write failed at delivery time (IndexedLedger queued them),
 * from the ledger record as it is now, and dequeues them. Idempotent: a document is replaced by id,
 * so a key queued twice or reindexed twice ends the same. For the scheduled run.
 */
export async function reindexPending(deps: ReindexDeps, limit = REINDEX_BATCH): Promise<ReindexResult> {
  const result: ReindexResult = { reindexed: 0, failed: 0, dropped: 0 }
  for (const entry of await deps.pending.list(limit)) {
    const record = await deps.ledger.get(entry.destination, entry.orderId)
    if (!record) {
      await deps.pending.remove(entry.destination, entry.orderId)
      result.dropped++
      continue
    }
    try {
      await deps.index.write(record)
    } catch {
      result.failed++
      continue
    }
    await deps.pending.remove(entry.destination, entry.orderId)
    result.reindexed++
  }
  if (result.reindexed + result.failed + result.dropped > 0) deps.logger.info({ message: 'index-reindexed', ...result })
  return result
}
