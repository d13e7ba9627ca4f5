import type { OrderRecord } from '../deliveryStore/orderRecord'
import type { DeliveryLogger } from '../lib/logger'
import { statusOf } from '../lib/httpStatus'
import type { OrderIndexWriter } from './orderIndex'
import type { PendingQueue } from './pendingReindex'

/** An index write never holds a delivery up for long: past this, it is queued for the reindex instead. */
export const INDEX_WRITE_TIMEOUT_MS = 2_000

export interface IndexWriteDeps {
  index: OrderIndexWriter
  pending: PendingQueue
  logger: Pick<DeliveryLogger, 'warn'>
  options?: { timeoutMs?: number; now?: () => number }
}

/**
 * Writes the order's index document after its record was saved. Never throws: a failure (or a
 * write slower than the timeout) queues the order for reindexPending; when the queue refuses too,
 * the loss is logged (the record is in VBase: a full reindex finds it).
 */
export async function indexAfterSave(record: OrderRecord, deps: IndexWriteDeps): Promise<void> {
  try {
    await withTimeout(deps.index.write(record), deps.options?.timeoutMs ?? INDEX_WRITE_TIMEOUT_MS)
  } catch (error) {
    const status = statusOf(error)
    const reason = status ? `http-${status}` : ((error as Error)?.message?.slice(0, 120) ?? 'unknown error')
    const queuedAt = new Date((deps.options?.now ?? Date.now)()).toISOString()
    try {
      await deps.pending.add({ orderId: record.orderId, queuedAt, reason })
      deps.logger.warn({ message: 'index-write-queued', orderId: record.orderId, reason })
    } catch (queueError) {
      deps.logger.warn({ message: 'index-write-lost', orderId: record.orderId, reason, queueStatus: statusOf(queueError) })
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`index write took over ${ms} ms`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}
