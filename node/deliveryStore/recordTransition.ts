import type { OrderRecord } from './orderRecord'
import { RecordConflictError, type OrderRecordStore, type StoredRecord } from './recordStore'
import type { Transition } from './transitions'

/** A 412 means another writer moved first; after this many in a row something is wrong, not racing. */
const MAX_CONFLICTS = 5

export interface TransitionOptions {
  /**
   * The record as the caller just read it (its ETag is the If-Match), or `null` when the caller
   * knows there is none yet (the order's claim listing showed no record): then the first save is a
   * creation. Left out, the record is read first.
   */
  known?: StoredRecord | null
  /**
   * The claims this save names as over (`releasedClaims`): the caller's own, finished by this save
   * (its last step under the claim), and those named before that are still worth naming
   * (coordination/orderClaim.ts releasing()).
   */
  releasedClaims?: (previous: string[] | undefined) => string[]
}

const withReleasedClaims = (record: OrderRecord, releasedClaims: TransitionOptions['releasedClaims']): OrderRecord => {
  if (!releasedClaims) return record
  const names = releasedClaims(record.releasedClaims)
  const { releasedClaims: _previous, ...rest } = record
  return names.length > 0 ? { ...rest, releasedClaims: names } : rest
}

export interface TransitionResult {
  /** The record as saved, or as it was when the transition had nothing to change. */
  record: OrderRecord | undefined
  /** False when the transition changed nothing (nothing was written). */
  written: boolean
}

/**
 * The one way an order's record changes: apply a named transition to the record as read and save
 * it with If-Match on the ETag read; on a 412 read again and re-apply (the transitions keep any
 * final state another writer reached). Every writer (broadcast, scheduled run, replay) calls this.
 */
export async function recordTransition(store: OrderRecordStore, orderId: string, transition: Transition, options: TransitionOptions = {}): Promise<TransitionResult> {
  let current: StoredRecord | undefined | null = options.known === undefined ? await store.get(orderId) : options.known
  for (let conflicts = 0; ; conflicts++) {
    const changed = transition(current?.record)
    if (!changed) return { record: current?.record, written: false }
    const saved = withReleasedClaims(changed, options.releasedClaims)
    try {
      await store.save(saved, current?.etag)
      return { record: saved, written: true }
    } catch (error) {
      if (!(error instanceof RecordConflictError) || conflicts + 1 >= MAX_CONFLICTS) throw error
      current = await store.get(orderId)
    }
  }
}
