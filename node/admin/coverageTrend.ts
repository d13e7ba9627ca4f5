import type { DestinationName } from '../destinations/destination'
import { tallyPerBucket, type Series } from './bucketTally'
import { isoOf, type TrendBucket } from './deliveryTrend'
import type { IndexReader } from './indexReader'
import { TREND_WINDOWS, timeBuckets, type TrendUnit, type TrendWindow } from './timeBuckets'

export interface CoverageCounts {
  /** Orders mapped into a conversion for the destination: the base of every share. */
  converted: number
  sessionId: number
  userId: number
  impactClickId: number
  oppref: number
}

export interface CoverageTrend {
  destination: DestinationName
  window: TrendWindow
  unit: TrendUnit
  buckets: Array<TrendBucket & CoverageCounts>
}

const flag = (key: Exclude<keyof CoverageCounts, 'converted'>, field: 'hasSessionId' | 'hasUserId' | 'hasImpactClickId' | 'hasOppref'): Series<keyof CoverageCounts> => ({
  key,
  condition: { field, equals: true },
  holds: (document) => document[field] === true,
})

/** The Identity coverage table's figures, per bucket. */
const COVERAGE_SERIES: Array<Series<keyof CoverageCounts>> = [
  { key: 'converted', holds: () => true },
  flag('sessionId', 'hasSessionId'),
  flag('userId', 'hasUserId'),
  flag('impactClickId', 'hasImpactClickId'),
  flag('oppref', 'hasOppref'),
]

/** Is identity coverage improving? Of one destination's mapped orders, per day (or hour), how many carried each id. */
export async function readCoverageTrend(
  index: IndexReader,
  destination: DestinationName,
  window: TrendWindow,
  nowMs: number,
  utcOffsetMinutes = 0
): Promise<CoverageTrend> {
  const buckets = timeBuckets(window, nowMs, utcOffsetMinutes)
  // The destination's time range (tallyPerBucket) keeps orders it has a delivery for.
  const base = [{ field: 'mapped' as const, equals: true }]
  const { tallies } = await tallyPerBucket(index, destination, base, buckets, COVERAGE_SERIES, [
    'hasSessionId',
    'hasUserId',
    'hasImpactClickId',
    'hasOppref',
  ])
  return {
    destination,
    window,
    unit: TREND_WINDOWS[window].unit,
    buckets: buckets.map((bucket, i) => ({ from: isoOf(bucket.fromMs), to: isoOf(bucket.toMs), ...tallies[i] })),
  }
}
