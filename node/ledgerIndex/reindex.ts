import { NO_DEADLINE, type Deadline } from '../coordination/deadline'
import type { DeliveryLogger } from '../lib/logger'
import type { OrderIndexWriter } from './orderIndex'
import type { OrderRecordSource } from './orderRecordSource'
import type { PendingQueue } from './pendingReindex'

export interface ReindexDeps {
  /** The order's record as the store holds it now (never through the indexed decorator). */
  source: OrderRecordSource
  index: OrderIndexWriter
  pending: PendingQueue
  logger: Pick<DeliveryLogger, 'info' | 'warn'>
}

export interface ReindexResult {
  reindexed: number
  /** Still queued (the index refused again): the next run tries them again. */
  failed: number
  /** Queued orders without a record any more: dropped from the queue. */
  dropped: number
}

/** One call per scheduled run stays well inside the service timeout. */
export const REINDEX_BATCH = 200
/** Time one more document may take (a slow Master Data answers within its client's timeout). */
export const TIME_PER_DOCUMENT_MS = 3_000
/** Master Data still refusing after this many in a row: the rest waits for the next run. */
export const STOP_AFTER_FAILURES = 3

/**
 * Writes the index documents whose write failed at save time (queued by indexAfterSave), from the
 * order's record as it is now, and dequeues them. Idempotent: a document is replaced by id, so an
 * order queued twice (or once per destination, as the earlier layout queued) ends the same. For
 * the scheduled run (its upkeep): it stops when its deadline is near or Master Data keeps refusing,
 * leaving the rest queued.
 */
export async function reindexPending(deps: ReindexDeps, options: { limit?: number; deadline?: Deadline } = {}): Promise<ReindexResult> {
  const result: ReindexResult = { reindexed: 0, failed: 0, dropped: 0 }
  const deadline = options.deadline ?? NO_DEADLINE
  const done = new Set<string>()
  let failuresInARow = 0
  for (const entry of await deps.pending.list(options.limit ?? REINDEX_BATCH)) {
    if (deadline.remainingMs() < TIME_PER_DOCUMENT_MS || failuresInARow >= STOP_AFTER_FAILURES) break
    // Entries of the per-destination layout: one order may be queued up to three times.
    if (done.has(entry.orderId)) {
      await deps.pending.remove(entry)
      continue
    }
    const record = await deps.source(entry.orderId)
    if (!record) {
      await deps.pending.remove(entry)
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
    done.add(entry.orderId)
    await deps.pending.remove(entry)
    result.reindexed++
  }
  if (result.reindexed + result.failed + result.dropped > 0) deps.logger.info({ message: 'index-reindexed', ...result })
  return result
}
