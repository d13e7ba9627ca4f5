import type { DestinationName } from '../destinations/destination'
import { fieldOf } from '../ledgerIndex/document'
import { tallyPerBucket, type Series } from './bucketTally'
import { COUNTED_STATUSES, type StatusCounts } from './health'
import type { IndexReader } from './indexReader'
import { TREND_WINDOWS, timeBuckets, type TrendUnit, type TrendWindow } from './timeBuckets'

export interface TrendBucket {
  /** Start and end of the hour or day (ISO 8601, UTC): the end is the next bucket's start. */
  from: string
  to: string
}

export interface DeliveryTrend {
  destination: DestinationName
  window: TrendWindow
  unit: TrendUnit
  buckets: Array<TrendBucket & StatusCounts>
}

/** The Health view's outcomes, one series each: the same statuses its tables count. */
const statusSeries = (destination: DestinationName): Array<Series<keyof StatusCounts>> =>
  COUNTED_STATUSES.map((status) => ({
    key: status,
    condition: { field: fieldOf(destination, 'Status'), equals: status },
    holds: (document) => document[fieldOf(destination, 'Status')] === status,
  }))

export const isoOf = (ms: number): string => new Date(ms).toISOString()

/** One destination's deliveries by outcome, per hour or per day, by the time each reached its status. */
export async function readDeliveryTrend(
  index: IndexReader,
  destination: DestinationName,
  window: TrendWindow,
  nowMs: number,
  utcOffsetMinutes = 0
): Promise<DeliveryTrend> {
  const buckets = timeBuckets(window, nowMs, utcOffsetMinutes)
  const { tallies } = await tallyPerBucket(index, destination, [], buckets, statusSeries(destination), [fieldOf(destination, 'Status')])
  return {
    destination,
    window,
    unit: TREND_WINDOWS[window].unit,
    buckets: buckets.map((bucket, i) => ({ from: isoOf(bucket.fromMs), to: isoOf(bucket.toMs), ...tallies[i] })),
  }
}
