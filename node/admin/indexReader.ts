import type { IndexPage, IndexSearch } from '../ledgerIndex/orderIndex'
import type { Condition } from '../ledgerIndex/where'

/** What the admin's read models need of the ledger index (OrderIndex, or a fake in tests). */
export interface IndexReader {
  count(conditions: Condition[]): Promise<number>
  search(query: IndexSearch): Promise<IndexPage>
}

export const HOUR_MS = 3_600_000
export const DAY_MS = 24 * HOUR_MS
