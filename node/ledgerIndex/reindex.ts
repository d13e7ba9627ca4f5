import { NO_DEADLINE, type Deadline } from '../coordination/deadline'
import type { LedgerStore } from '../deliveryStore/ledger'
import type { DeliveryLogger } from '../lib/logger'
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
/** Time one more document may take (a slow Master Data answers within its client's timeout). */
const TIME_PER_DOCUMENT_MS = 3_000
/** Master Data still refusing after this many in a row: the rest waits for the next run. */
const STOP_AFTER_FAILURES = 3

/**
 * Writes the index documents whose write failed at delivery time (IndexedLedger queued them),
 * from the ledger record as it is now, and dequeues them. Idempotent: a document is replaced by id,
 * so a key queued twice or reindexed twice ends the same. For the scheduled run (its upkeep): it
 * stops when its deadline is near or Master Data keeps refusing, leaving the rest queued.
 */
export async function reindexPending(deps: ReindexDeps, options: { limit?: number; deadline?: Deadline } = {}): Promise<ReindexResult> {
  const result: ReindexResult = { reindexed: 0, failed: 0, dropped: 0 }
  const deadline = options.deadline ?? NO_DEADLINE
  let failuresInARow = 0
  for (const entry of await deps.pending.list(options.limit ?? REINDEX_BATCH)) {
    if (deadline.remainingMs() < TIME_PER_DOCUMENT_MS || failuresInARow >= STOP_AFTER_FAILURES) break
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
      failuresInARow++
      continue
    }
    failuresInARow = 0
    await deps.pending.remove(entry.destination, entry.orderId)
    result.reindexed++
  }
  if (result.reindexed + result.failed + result.dropped > 0) deps.logger.info({ message: 'index-reindexed', ...result })
  return result
}
