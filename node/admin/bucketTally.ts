import type { IndexDocument } from '../ledgerIndex/document'
import { MAX_PAGE_SIZE } from '../ledgerIndex/deliveryIndex'
import type { Condition } from '../ledgerIndex/where'
import { allBounded } from './boundedAll'
import type { IndexReader } from './indexReader'
import { bucketOf, type TimeBucket } from './timeBuckets'

/** One line of a chart: the records of the base that also meet `condition` (none: all of them). */
export interface Series<K extends string> {
  key: K
  condition?: Condition
  /** The same rule on a read document, for the read path. */
  holds(document: Partial<IndexDocument>): boolean
}

export type Tally<K extends string> = Record<K, number>

/** Reading records beats counting only for a few pages: past this, one count per bucket and series. */
export const READ_PAGES_AT_MOST = 10
/** Searches in flight per chart answer. */
export const SEARCHES_IN_FLIGHT = 12

export interface BucketTally<K extends string> {
  tallies: Array<Tally<K>>
  /** How the figures were obtained, and with how many index searches. */
  method: 'read' | 'counted'
  searches: number
}

const TIME_FIELD = 'statusAtMs' as const
const windowOf = (buckets: TimeBucket[]): Condition => ({
  field: TIME_FIELD,
  between: [buckets[0].fromMs, buckets[buckets.length - 1].toMs - 1],
})
const bucketCondition = (bucket: TimeBucket): Condition => ({ field: TIME_FIELD, between: [bucket.fromMs, bucket.toMs - 1] })
const zero = <K extends string>(series: Array<Series<K>>): Tally<K> => Object.fromEntries(series.map(({ key }) => [key, 0])) as Tally<K>

/**
 * Per time bucket, how many of the base's records (by the time they reached their status) meet
 * each series. Master Data has no facets, so a figure is a search total; this takes the cheaper of
 * two ways, decided by the first page of the window:
 * - few records (at most READ_PAGES_AT_MOST pages, and fewer pages than counts): read them all,
 *   sorted by time, and tally here (a quiet store: a handful of searches);
 * - otherwise one count per bucket and series (a busy store: the cost does not grow with its size).
 * Either way the same records are counted: the read path keeps one record per order.
 */
export async function tallyPerBucket<K extends string>(
  index: IndexReader,
  base: Condition[],
  buckets: TimeBucket[],
  series: Array<Series<K>>,
  fields: Array<keyof IndexDocument>
): Promise<BucketTally<K>> {
  const read = (page: number) =>
    index.search({
      conditions: [...base, windowOf(buckets)],
      sort: { field: TIME_FIELD, descending: false },
      page,
      pageSize: MAX_PAGE_SIZE,
      fields: ['orderId', TIME_FIELD, ...fields],
    })
  const first = await read(1)
  const pages = Math.ceil(first.total / MAX_PAGE_SIZE)
  const counts = buckets.length * series.length

  if (pages <= Math.min(READ_PAGES_AT_MOST, counts)) {
    const rest = await allBounded(
      Array.from({ length: Math.max(0, pages - 1) }, (_, i) => () => read(i + 2)),
      SEARCHES_IN_FLIGHT
    )
    const tallies = buckets.map(() => zero(series))
    // A record that moved while paging could appear on two pages: one order, one count.
    const seen = new Set<string>()
    for (const document of [first, ...rest].flatMap((page) => page.documents)) {
      const at = bucketOf(buckets, Number(document[TIME_FIELD]))
      if (at < 0 || seen.has(document.orderId)) continue
      seen.add(document.orderId)
      for (const line of series) if (line.holds(document)) tallies[at][line.key]++
    }
    return { tallies, method: 'read', searches: Math.max(1, pages) }
  }

  const totals = await allBounded(
    buckets.flatMap((bucket) =>
      series.map((line) => () => index.count([...base, bucketCondition(bucket), ...(line.condition ? [line.condition] : [])]))
    ),
    SEARCHES_IN_FLIGHT
  )
  const tallies = buckets.map((_, b) => Object.fromEntries(series.map((line, s) => [line.key, totals[b * series.length + s]])) as Tally<K>)
  return { tallies, method: 'counted', searches: 1 + counts }
}
