import type { VBase } from '@vtex/api'
import type { DestinationName } from '../destinations/destination'
import { NO_DEADLINE, type Deadline } from '../coordination/deadline'
import { LEDGER_BUCKET } from '../deliveryStore/buckets'
import { ORDER_RECORDS_BUCKET } from '../deliveryStore/recordStore'
import type { DeliveryLogger } from '../lib/logger'
import { deliveriesOf } from '../deliveryStore/orderRecord'
import type { OrderIndexWriter } from './orderIndex'
import type { OrderRecordSource } from './orderRecordSource'
import { STOP_AFTER_FAILURES, TIME_PER_DOCUMENT_MS } from './reindex'
import { DESTINATION_NAMES } from './destinations'

/**
 * One page of orders to reindex, and the cursor of the next page (none: the listing is over). A
 * per-destination file names its destination: the order is written from the file of its first
 * destination by name (the listing's order), so once, though it is listed once per destination.
 */
export interface OrderIdPage {
  orders: Array<{ orderId: string; destination?: DestinationName }>
  next?: string
}

/** Where a full reindex is: resumed by the next scheduled run until `done`. */
export interface ReindexProgress {
  next?: string
  done: boolean
  reindexed: number
}

export interface FullReindexDeps {
  /** Order ids, page by page (the per-destination ledger's files today; the per-order store's once it exists). */
  listOrders(next: string | undefined, limit: number): Promise<OrderIdPage>
  source: OrderRecordSource
  index: OrderIndexWriter & { deleteLegacy(destination: DestinationName, orderId: string): Promise<void> }
  progress: { read(): Promise<ReindexProgress | undefined>; save(progress: ReindexProgress): Promise<void> }
  logger: Pick<DeliveryLogger, 'info' | 'warn'>
}

export interface FullReindexResult {
  reindexed: number
  failed: number
  done: boolean
}

/** Orders listed per page: a page is finished before the cursor moves, so a run does at most this much twice. */
export const FULL_REINDEX_PAGE = 100

/**
 * The migration of the admin's index to one document per order: every order's record (the
 * per-order record with per-destination files folded in: OrderRecordSource) written as its v2
 * document, then its v1 documents (one per destination) deleted, so nothing of the old layout is
 * left to read or to pay for. Resumable: the cursor moves after each whole page; an order listed
 * twice (its destinations' files on two pages) is written twice, the same. Idempotent once done
 * (nothing runs). Stops at its deadline or when Master Data keeps refusing.
 */
export async function reindexAll(
  deps: FullReindexDeps,
  options: { deadline?: Deadline; pageSize?: number } = {}
): Promise<FullReindexResult> {
  const deadline = options.deadline ?? NO_DEADLINE
  const progress = (await deps.progress.read()) ?? { done: false, reindexed: 0 }
  const result: FullReindexResult = { reindexed: 0, failed: 0, done: progress.done }
  if (progress.done) return result
  let failuresInARow = 0
  while (deadline.remainingMs() >= TIME_PER_DOCUMENT_MS && failuresInARow < STOP_AFTER_FAILURES) {
    const page = await deps.listOrders(progress.next, options.pageSize ?? FULL_REINDEX_PAGE)
    const countedBefore = result.reindexed
    let finished = true
    for (const { orderId, destination } of page.orders) {
      if (deadline.remainingMs() < TIME_PER_DOCUMENT_MS || failuresInARow >= STOP_AFTER_FAILURES) {
        finished = false
        break
      }
      const record = await deps.source(orderId)
      if (!record) continue
      const first = deliveriesOf(record)
        .map((delivery) => delivery.destination)
        .sort()[0]
      if (destination && first && destination !== first) continue
      try {
        await deps.index.write(record)
        for (const delivery of deliveriesOf(record)) await deps.index.deleteLegacy(delivery.destination, orderId)
      } catch {
        result.failed++
        failuresInARow++
        continue
      }
      failuresInARow = 0
      result.reindexed++
    }
    // A page with a refused order is done again by the next run (its writes are idempotent).
    if (!finished || result.failed > 0) break
    progress.next = page.next
    progress.reindexed += result.reindexed - countedBefore
    progress.done = page.next === undefined
    await deps.progress.save(progress)
    if (progress.done) break
  }
  result.done = progress.done
  if (result.reindexed + result.failed > 0 || result.done)
    deps.logger.info({ message: 'index-full-reindex', ...result, total: progress.reindexed })
  return result
}

/** `vtexAds%3A1390620512853-01` → vtexAds and `1390620512853-01`: the delivery of a per-destination ledger file. */
export function deliveryOfLedgerPath(path: string): { destination: DestinationName; orderId: string } | undefined {
  const key = decodeURIComponent(path.split('/').pop() ?? '')
  const at = key.indexOf(':')
  const destination = key.slice(0, at) as DestinationName
  return at > 0 && (DESTINATION_NAMES as readonly string[]).includes(destination) ? { destination, orderId: key.slice(at + 1) } : undefined
}

/** The per-destination ledger's files as pages of deliveries. */
export const ledgerOrderPages =
  (vbase: Pick<VBase, 'listFiles'>) =>
  async (next: string | undefined, limit: number): Promise<OrderIdPage> => {
    const answer = (await vbase.listFiles(LEDGER_BUCKET, { limit, ...(next ? { next } : {}) })) as {
      data?: Array<{ path: string }>
      next?: string | null
    }
    const orders = (answer.data ?? []).map((file) => deliveryOfLedgerPath(file.path)).filter((order) => order !== undefined)
    return { orders, next: answer.next ?? undefined }
  }

/**
 * Every order the app has a state for: the per-order records first (claim files beside them, named
 * `<orderId>~…`, are skipped), then the per-destination files of earlier versions (an order in
 * both is written twice, idempotently). The cursor says which bucket it is in.
 */
export const allOrderPages = (vbase: Pick<VBase, 'listFiles'>) => {
  const legacyPages = ledgerOrderPages(vbase)
  return async (next: string | undefined, limit: number): Promise<OrderIdPage> => {
    if (next?.startsWith(LEGACY_CURSOR)) {
      const page = await legacyPages(next.slice(LEGACY_CURSOR.length) || undefined, limit)
      return { orders: page.orders, next: page.next === undefined ? undefined : `${LEGACY_CURSOR}${page.next}` }
    }
    const cursor = next?.startsWith(RECORDS_CURSOR) ? next.slice(RECORDS_CURSOR.length) : undefined
    const answer = (await vbase.listFiles(ORDER_RECORDS_BUCKET, { limit, ...(cursor ? { next: cursor } : {}) })) as {
      data?: Array<{ path: string }>
      next?: string | null
    }
    const orders = (answer.data ?? [])
      .map((file) => decodeURIComponent(file.path.split('/').pop() ?? ''))
      .filter((name) => name !== '' && !name.includes('~'))
      .map((orderId) => ({ orderId }))
    return { orders, next: answer.next ? `${RECORDS_CURSOR}${answer.next}` : LEGACY_CURSOR }
  }
}
const RECORDS_CURSOR = 'records:'
const LEGACY_CURSOR = 'ledger:'

/** The migration's cursor: one small VBase file. */
export const INDEX_MIGRATION_BUCKET = 'ads-events-index-migration'
const PROGRESS_PATH = 'order-documents-v2'

export const vbaseReindexProgress = (vbase: Pick<VBase, 'getJSON' | 'saveJSON'>): FullReindexDeps['progress'] => ({
  read: async () => (await vbase.getJSON<ReindexProgress | null>(INDEX_MIGRATION_BUCKET, PROGRESS_PATH, true)) ?? undefined,
  save: async (progress) => void (await vbase.saveJSON(INDEX_MIGRATION_BUCKET, PROGRESS_PATH, progress)),
})
