import { DAY_MS, HOUR_MS } from './indexReader'

/** The admin's charts: per hour over the last 24 hours, per day over the last 7 or 30 days. */
export const TREND_WINDOWS = {
  LAST_24_HOURS: { unit: 'hour', count: 24 },
  LAST_7_DAYS: { unit: 'day', count: 7 },
  LAST_30_DAYS: { unit: 'day', count: 30 },
} as const
export type TrendWindow = keyof typeof TREND_WINDOWS
export type TrendUnit = (typeof TREND_WINDOWS)[TrendWindow]['unit']

/** UTC−12 to UTC+14: every offset in use (minutes east of UTC). */
export const UTC_OFFSET_MINUTES = { min: -12 * 60, max: 14 * 60 }

/** Half-open: a record belongs to the bucket when fromMs ≤ statusAtMs < toMs. */
export interface TimeBucket {
  fromMs: number
  toMs: number
}

const UNIT_MS: Record<TrendUnit, number> = { hour: HOUR_MS, day: DAY_MS }

export const isTrendWindow = (value: unknown): value is TrendWindow => typeof value === 'string' && value in TREND_WINDOWS

export const isUtcOffset = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= UTC_OFFSET_MINUTES.min && value <= UTC_OFFSET_MINUTES.max

/**
 * The window's buckets, oldest first, aligned on the admin's clock (whole hours, midnights at
 * their UTC offset) and ending with the bucket that holds `nowMs`: the current hour or day so far.
 * One offset for the whole window: across a daylight-saving change, older days start an hour off.
 */
export function timeBuckets(window: TrendWindow, nowMs: number, utcOffsetMinutes = 0): TimeBucket[] {
  const { unit, count } = TREND_WINDOWS[window]
  const unitMs = UNIT_MS[unit]
  const offsetMs = utcOffsetMinutes * 60_000
  const currentFromMs = Math.floor((nowMs + offsetMs) / unitMs) * unitMs - offsetMs
  return Array.from({ length: count }, (_, i) => {
    const fromMs = currentFromMs - (count - 1 - i) * unitMs
    return { fromMs, toMs: fromMs + unitMs }
  })
}

/** The bucket a time falls in, or -1 outside the window. */
export function bucketOf(buckets: TimeBucket[], atMs: number): number {
  let lo = 0
  let hi = buckets.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if (atMs < buckets[mid].fromMs) hi = mid - 1
    else if (atMs >= buckets[mid].toMs) lo = mid + 1
    else return mid
  }
  return -1
}
