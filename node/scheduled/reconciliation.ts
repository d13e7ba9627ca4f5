import type { ConversionTrigger } from '../settings/appSettings'
import { DATE_FIELD_OF_TRIGGER, type OrderWindow, type WindowCursor } from './orderWindows'
import { scaled } from '../lib/timeScale'

/**
 * Reconciliation: every scheduled run lists the orders that reached the trigger since the last
 * run (OMS List orders, by the trigger's date) and converts those the ledger has no final record
 * for, exactly as a broadcast would. A broadcast that never came costs minutes, not a conversion.
 *
 * - OMS indexes orders for its list "approximately four minutes" after they change (Orders API),
 *   so each window ends LAG (just over that) before now, and starts OVERLAP before the last
 *   window's end: an order indexed later still falls in the next window. Walking an order a
 *   broadcast is converting at the same moment costs one ledger read; the claim keeps it once.
 * - The first run looks back FIRST_LOOKBACK; an app that was down longer catches up at most
 *   MAX_CATCH_UP (older orders are for a backfill).
 * - A window not walked whole (out of time) is resumed from its page next run.
 */
export const RECONCILE_LAG_MS = scaled(5 * 60_000)
export const RECONCILE_OVERLAP_MS = scaled(15 * 60_000)
export const RECONCILE_FIRST_LOOKBACK_MS = scaled(60 * 60_000)
export const RECONCILE_MAX_CATCH_UP_MS = scaled(7 * 24 * 60 * 60_000)

export interface ReconciliationState {
  dateField: OrderWindow['dateField']
  /** Every order that reached the trigger before this instant was looked at. */
  watermark: string
  /** A window being walked: the watermark it moves to, and where the walk stands. */
  pending?: { to: string; cursors: WindowCursor[] }
}

const iso = (ms: number) => new Date(ms).toISOString()

/** The windows this run walks, and the state they belong to. Pure. */
export function planReconciliation(state: ReconciliationState | undefined, trigger: ConversionTrigger, nowMs: number): ReconciliationState {
  const dateField = DATE_FIELD_OF_TRIGGER[trigger]
  if (state?.pending && state.dateField === dateField) return state
  const to = nowMs - RECONCILE_LAG_MS
  const watermark = state ? Math.max(Date.parse(state.watermark), nowMs - RECONCILE_MAX_CATCH_UP_MS) : to - RECONCILE_FIRST_LOOKBACK_MS
  if (!(to > watermark)) return { dateField, watermark: iso(watermark) }
  const window: OrderWindow = { dateField, from: iso(watermark - RECONCILE_OVERLAP_MS), to: iso(to) }
  return { dateField, watermark: iso(watermark), pending: { to: iso(to), cursors: [{ window, page: 1 }] } }
}

/** The state after walking: the watermark moves once its window was walked whole. Pure. */
export function afterWalk(state: ReconciliationState, remaining: WindowCursor[]): ReconciliationState {
  if (!state.pending) return state
  if (remaining.length === 0) return { dateField: state.dateField, watermark: state.pending.to }
  return { ...state, pending: { ...state.pending, cursors: remaining } }
}
