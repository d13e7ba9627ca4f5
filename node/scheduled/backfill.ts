import type { WindowCursor } from './orderWindows'

/**
 * Backfill: the merchant sends the orders of a date range (e.g. the last 30 days after install).
 * A job per range; the scheduled run walks it a few pages at a time. Starting the same range
 * again finds the same job (its id is the range), and an order already delivered is skipped by
 * the ledger, so a range is sent once however often it is started.
 *
 * How far back: VTEX Ads ignores an `order_id` it saw in the last 30 days, but not an older one,
 * so 30 days is the limit (older orders may already have reached it another way). OpenAI accepts
 * events from the last 7 days only: older orders are recorded for it as skipped `too-old`.
 * impact.com takes the order's own EventDate.
 */
export const BACKFILL_MAX_AGE_MS = 30 * 24 * 60 * 60_000

export type BackfillStatus = 'queued' | 'running' | 'done' | 'failed'

export interface BackfillJob {
  id: string
  from: string
  to: string
  status: BackfillStatus
  /** Where the walk over the range stands. */
  cursors: WindowCursor[]
  /** Orders of the range that reached the trigger, looked at so far. */
  ordersSeen: number
  /** Of those, orders that were not delivered yet and were handed to the pipeline. */
  ordersQueued: number
  createdAt: string
  updatedAt: string
  reason?: string
}

export type NewJob = { job: BackfillJob } | { error: string }

/** A job for [from, to] (ISO dates or date-times), or why the range is not accepted. Pure. */
export function newBackfillJob(fromText: string, toText: string, nowMs: number): NewJob {
  const day = /^\d{4}-\d{2}-\d{2}$/
  const from = Date.parse(day.test(fromText) ? `${fromText}T00:00:00.000Z` : fromText)
  const to = Date.parse(day.test(toText) ? `${toText}T23:59:59.999Z` : toText)
  if (Number.isNaN(from) || Number.isNaN(to)) return { error: 'from and to must be dates (YYYY-MM-DD) or ISO 8601 date-times' }
  if (!(from < to)) return { error: 'from must be before to' }
  const end = Math.min(to, nowMs)
  if (nowMs - from > BACKFILL_MAX_AGE_MS)
    return { error: 'a backfill reaches back 30 days at most: VTEX Ads deduplicates an order id for 30 days only, so older orders could be counted twice' }
  const range = { from: new Date(from).toISOString(), to: new Date(end).toISOString() }
  const at = new Date(nowMs).toISOString()
  const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace(/[-:]/g, '')
  return {
    job: {
      // The range as asked (not as clamped to now): the same range started again is the same job.
      id: `backfill-${minute(from)}-${minute(to)}`,
      ...range,
      status: 'queued',
      // Orders are found by the day they were placed, whatever the trigger.
      cursors: [{ window: { dateField: 'creationDate', ...range }, page: 1 }],
      ordersSeen: 0,
      ordersQueued: 0,
      createdAt: at,
      updatedAt: at,
    },
  }
}
