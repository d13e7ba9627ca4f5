import type { DestinationName } from '../destinations/destination'
import { fieldOf, type OrderIndexDocument } from '../ledgerIndex/document'
import { MAX_PAGE_SIZE, type IndexPage } from '../ledgerIndex/orderIndex'
import type { Condition } from '../ledgerIndex/where'
import { allBounded } from './boundedAll'
import type { IndexReader } from './indexReader'
import { bucketOf, type TimeBucket } from './timeBuckets'

/** One line of a chart: the orders of the base that also meet `condition` (none: all of them). */
export interface Series<K extends string> {
  key: K
  condition?: Condition
  /** The same rule on a read document, for the read path. */
  holds(document: Partial<OrderIndexDocument>): boolean
}

export type Tally<K extends string> = Record<K, number>

/** Reading records beats counting only for a few pages: past this, one count per bucket. */
export const READ_PAGES_AT_MOST = 10
/** Searches in flight per chart answer. */
export const SEARCHES_IN_FLIGHT = 12

export interface BucketTally<K extends string> {
  tallies: Array<Tally<K>>
  /** Per series, how its figures were obtained; and how many index searches it all took. */
  methods: Record<K, 'read' | 'counted'>
  searches: number
}

const pagesOf = (total: number) => Math.ceil(total / MAX_PAGE_SIZE)

/**
 * Per time bucket, how many of the base's orders (by the time the destination's delivery reached
 * its status: one document per order, so one figure per order) meet
 * each series. Master Data has no facets, so a figure is a search total or a tally of read
 * records; this takes the cheaper way, decided from first pages (sorted by time):
 * 1. the whole window in a few pages (a quiet store): read it all and tally here;
 * 2. otherwise per series: a series with few records in the window (dead letters, click ids) is
 *    read in pages, a series with many gets one count per bucket (a busy store's sent deliveries:
 *    the cost does not grow with the store).
 * Either way the same records are counted; a record read twice while paging counts once.
 */
export async function tallyPerBucket<K extends string>(
  index: IndexReader,
  destination: DestinationName,
  base: Condition[],
  buckets: TimeBucket[],
  series: Array<Series<K>>,
  fields: Array<keyof OrderIndexDocument>
): Promise<BucketTally<K>> {
  const TIME_FIELD = fieldOf(destination, 'StatusAtMs')
  const rangeOf = (fromMs: number, toMs: number): Condition => ({ field: TIME_FIELD, between: [fromMs, toMs - 1] })
  const window = rangeOf(buckets[0].fromMs, buckets[buckets.length - 1].toMs)
  const readPage = (conditions: Condition[], page: number, withFields: Array<keyof OrderIndexDocument>) =>
    index.search({
      conditions,
      sort: { field: TIME_FIELD, descending: false },
      page,
      pageSize: MAX_PAGE_SIZE,
      fields: ['orderId', TIME_FIELD, ...withFields],
    })
  /** Every page of a search whose first page is known. */
  const readRest = (conditions: Condition[], first: IndexPage, withFields: Array<keyof OrderIndexDocument>) =>
    Array.from({ length: Math.max(0, pagesOf(first.total) - 1) }, (_, i) => () => readPage(conditions, i + 2, withFields))
  const tallies = buckets.map(() => Object.fromEntries(series.map(({ key }) => [key, 0])) as Tally<K>)
  const methods = {} as Record<K, 'read' | 'counted'>
  let searches = 1

  const all = [...base, window]
  const first = await readPage(all, 1, fields)
  if (pagesOf(first.total) <= Math.min(READ_PAGES_AT_MOST, buckets.length * series.length)) {
    const rest = await allBounded(readRest(all, first, fields), SEARCHES_IN_FLIGHT)
    searches += rest.length
    tallyRead([first, ...rest], buckets, TIME_FIELD, (document, at) => {
      for (const line of series) if (line.holds(document)) tallies[at][line.key]++
    })
    for (const line of series) methods[line.key] = 'read'
    return { tallies, methods, searches }
  }

  // Busy: each series alone. Its first page says whether reading it beats counting it.
  const firsts = await allBounded(
    series.map((line) => () => (line.condition ? readPage([...all, line.condition], 1, []) : Promise.resolve(first))),
    SEARCHES_IN_FLIGHT
  )
  searches += series.filter((line) => line.condition).length
  const work: Array<() => Promise<void>> = []
  const readSeries: Array<{ key: K; pages: IndexPage[] }> = []
  series.forEach((line, s) => {
    const conditions = line.condition ? [...all, line.condition] : all
    if (line.condition && pagesOf(firsts[s].total) <= Math.min(READ_PAGES_AT_MOST, buckets.length)) {
      const pages = [firsts[s]]
      const rest = readRest(conditions, firsts[s], [])
      work.push(...rest.map((next) => async () => void pages.push(await next())))
      readSeries.push({ key: line.key, pages })
      methods[line.key] = 'read'
      searches += rest.length
      return
    }
    buckets.forEach((bucket, b) => {
      const counted = [...base, rangeOf(bucket.fromMs, bucket.toMs), ...(line.condition ? [line.condition] : [])]
      work.push(async () => void (tallies[b][line.key] = await index.count(counted)))
    })
    methods[line.key] = 'counted'
    searches += buckets.length
  })
  await allBounded(work, SEARCHES_IN_FLIGHT)
  for (const { key, pages } of readSeries) tallyRead(pages, buckets, TIME_FIELD, (_, at) => tallies[at][key]++)
  return { tallies, methods, searches }
}

/** Adds each read document to its bucket, once per order (a document read twice while paging counts once). */
function tallyRead(pages: IndexPage[], buckets: TimeBucket[], timeField: keyof OrderIndexDocument, add: (document: OrderIndexDocument, bucket: number) => void) {
  const seen = new Set<string>()
  for (const document of pages.flatMap((page) => page.documents)) {
    const at = bucketOf(buckets, Number(document[timeField]))
    if (at < 0 || seen.has(document.orderId)) continue
    seen.add(document.orderId)
    add(document, at)
  }
}
