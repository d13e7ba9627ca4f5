import type { DestinationName } from '../destinations/destination'
import type { DeliveryRecord, LedgerStore } from '../deliveryStore/ledger'
import type { DeliveryLogger } from '../lib/logger'
import { statusOf } from '../lib/httpStatus'
import type { PendingQueue } from './pendingReindex'

/** What the decorator needs of the index: one write per ledger write. */
export interface IndexWriter {
  write(record: DeliveryRecord): Promise<void>
}

/** An index write never holds a delivery up for long: past this, it is queued for the reindex instead. */
export const INDEX_WRITE_TIMEOUT_MS = 2_000

/**
 * The ledger, indexed: every put goes to the ledger (VBase, the source of truth) and then to the
 * admin's index. An index failure never fails the delivery: the record is queued for
 * reindexPending and the put succeeds. Reads go to the ledger only.
 */
export class IndexedLedger implements LedgerStore {
  constructor(
    private readonly ledger: LedgerStore,
    private readonly index: IndexWriter,
    private readonly pending: PendingQueue,
    private readonly logger: Pick<DeliveryLogger, 'warn'>,
    private readonly options: { timeoutMs?: number; now?: () => number } = {}
  ) {}

  get(destination: DestinationName, orderId: string) {
    return this.ledger.get(destination, orderId)
  }

  async put(record: DeliveryRecord): Promise<void> {
    await this.ledger.put(record)
    try {
      await withTimeout(this.index.write(record), this.options.timeoutMs ?? INDEX_WRITE_TIMEOUT_MS)
    } catch (error) {
      await this.queue(record, error)
    }
  }

  private async queue(record: DeliveryRecord, error: unknown) {
    const status = statusOf(error)
    const reason = status ? `http-${status}` : (error as Error)?.message?.slice(0, 120) ?? 'unknown error'
    const at = new Date((this.options.now ?? Date.now)()).toISOString()
    try {
      await this.pending.add({ destination: record.destination, orderId: record.orderId, queuedAt: at, reason })
      this.logger.warn({ message: 'index-write-queued', destination: record.destination, orderId: record.orderId, reason })
    } catch (queueError) {
      // Both stores refused: the record is still in the ledger; a full reindex would find it.
      this.logger.warn({ message: 'index-write-lost', destination: record.destination, orderId: record.orderId, reason, queueStatus: statusOf(queueError) })
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
