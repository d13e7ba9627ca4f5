import type { DeliveryRecord, DeliveryStatus } from '../../deliveryStore/ledger'
import type { DestinationName } from '../../destinations/destination'
import type { IndexSearch } from '../../ledgerIndex/deliveryIndex'
import { toIndexDocument, type IndexDocument } from '../../ledgerIndex/document'
import { whereOf, type Condition } from '../../ledgerIndex/where'
import { allBounded } from '../boundedAll'
import { tallyPerBucket } from '../bucketTally'
import { readCoverageTrend } from '../coverageTrend'
import { readDeliveryTrend } from '../deliveryTrend'
import { readHealth } from '../health'
import type { IndexReader } from '../indexReader'
import { bucketOf, timeBuckets } from '../timeBuckets'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const NOW = Date.parse('2026-11-23T14:37:12.345Z')

/** An index over documents in memory, evaluating the conditions as Master Data's `_where` would. */
function memoryIndex(documents: IndexDocument[]) {
  const searches: IndexSearch[] = []
  const holds = (document: IndexDocument, condition: Condition) => {
    const value = document[condition.field] as unknown
    if ('equals' in condition) return value === condition.equals
    if ('greaterThan' in condition) return typeof value === 'number' && value > condition.greaterThan
    if ('lessThan' in condition) return typeof value === 'number' && value < condition.lessThan
    return typeof value === 'number' && value >= condition.between[0] && value <= condition.between[1]
  }
  const matching = (conditions: Condition[]) => {
    whereOf(conditions) // the clause the real index would get must be buildable
    return documents.filter((document) => conditions.every((condition) => holds(document, condition)))
  }
  const index: IndexReader = {
    count: async (conditions) => {
      searches.push({ conditions, page: 1, pageSize: 1 })
      return matching(conditions).length
    },
    search: async (query) => {
      searches.push(query)
      const found = matching(query.conditions)
      if (query.sort) {
        const { field, descending } = query.sort
        found.sort((a, b) => (descending ? -1 : 1) * ((a[field] as number) - (b[field] as number)))
      }
      const start = (query.page - 1) * query.pageSize
      return { documents: found.slice(start, start + query.pageSize), total: found.length }
    },
  }
  return { index, searches }
}

const STATUSES: DeliveryStatus[] = ['sent', 'sent', 'sent', 'skipped', 'failed', 'dead', 'pending']

/** `count` records of one destination spread over the last `spanMs`, deterministic; statuses in turn. */
function records(count: number, spanMs: number, destination: DestinationName = 'vtexAds', statuses = STATUSES): IndexDocument[] {
  return Array.from({ length: count }, (_, n) => {
    const status = statuses[n % statuses.length]
    const at = new Date(NOW - Math.floor((((n * 7919) % 10_007) / 10_007) * spanMs)).toISOString()
    const record: DeliveryRecord = {
      destination,
      orderId: `${1_390_000_000_000 + n}-01`,
      status,
      attempts: 1,
      identity:
        status === 'skipped'
          ? undefined
          : { sessionId: n % 5 !== 0, userId: n % 2 === 0, impactClickId: n % 7 === 0, oppref: n % 11 === 0 },
      createdAt: at,
      updatedAt: at,
      sentAt: status === 'sent' ? at : undefined,
    }
    return toIndexDocument(record)
  })
}

/** What the charts must show, computed straight from the documents. */
function expectedPerBucket(documents: IndexDocument[], window: Parameters<typeof timeBuckets>[0], offset = 0) {
  const buckets = timeBuckets(window, NOW, offset)
  const rows = buckets.map(() => ({ sent: 0, skipped: 0, failed: 0, dead: 0 }))
  for (const document of documents) {
    const at = bucketOf(buckets, document.statusAtMs)
    if (at >= 0 && document.status in rows[at]) rows[at][document.status as 'sent']++
  }
  return rows
}

describe('time buckets', () => {
  it('24 whole hours on the admin clock, the last one holding now', () => {
    const buckets = timeBuckets('LAST_24_HOURS', NOW, 0)
    expect(buckets).toHaveLength(24)
    expect(new Date(buckets[23].fromMs).toISOString()).toBe('2026-11-23T14:00:00.000Z')
    expect(new Date(buckets[0].fromMs).toISOString()).toBe('2026-11-22T15:00:00.000Z')
    for (let i = 1; i < 24; i++) expect(buckets[i].fromMs).toBe(buckets[i - 1].toMs)
  })

  it('days start at the admin’s midnight: São Paulo (UTC−3) and Kolkata (UTC+5:30)', () => {
    const saoPaulo = timeBuckets('LAST_7_DAYS', NOW, -180)
    expect(saoPaulo.map((bucket) => new Date(bucket.fromMs).toISOString())).toEqual(
      ['17', '18', '19', '20', '21', '22', '23'].map((day) => `2026-11-${day}T03:00:00.000Z`)
    )
    const kolkata = timeBuckets('LAST_30_DAYS', NOW, 330)
    expect(kolkata).toHaveLength(30)
    expect(new Date(kolkata[29].fromMs).toISOString()).toBe('2026-11-22T18:30:00.000Z')
    // Half-hour offsets align hours on the half hour too.
    expect(new Date(timeBuckets('LAST_24_HOURS', NOW, 330)[23].fromMs).toISOString()).toBe('2026-11-23T14:30:00.000Z')
  })

  it('finds the bucket of a time, half-open', () => {
    const buckets = timeBuckets('LAST_7_DAYS', NOW, 0)
    expect(bucketOf(buckets, buckets[0].fromMs)).toBe(0)
    expect(bucketOf(buckets, buckets[0].toMs - 1)).toBe(0)
    expect(bucketOf(buckets, buckets[0].toMs)).toBe(1)
    expect(bucketOf(buckets, buckets[0].fromMs - 1)).toBe(-1)
    expect(bucketOf(buckets, buckets[6].toMs)).toBe(-1)
  })
})

describe('allBounded', () => {
  it('keeps at most `limit` tasks in flight and the results in order', async () => {
    let inFlight = 0
    let most = 0
    const tasks = Array.from({ length: 25 }, (_, i) => async () => {
      most = Math.max(most, ++inFlight)
      await new Promise((resolve) => setTimeout(resolve, (i * 7) % 5))
      inFlight--
      return i * 2
    })
    expect(await allBounded(tasks, 4)).toEqual(Array.from({ length: 25 }, (_, i) => i * 2))
    expect(most).toBe(4)
  })

  it('rejects with the first failure and starts nothing after it', async () => {
    const started: number[] = []
    const tasks = Array.from({ length: 10 }, (_, i) => async () => {
      started.push(i)
      if (i === 2) throw new Error('Master Data said 429')
      await new Promise((resolve) => setTimeout(resolve, 5))
      return i
    })
    await expect(allBounded(tasks, 2)).rejects.toThrow('429')
    expect(started.length).toBeLessThan(6)
  })
})

describe('where', () => {
  it('writes a range as the documented `between … AND …`', () => {
    expect(
      whereOf([
        { field: 'destination', equals: 'impact' },
        { field: 'statusAtMs', between: [1000, 1999] },
      ])
    ).toBe('destination="impact" AND statusAtMs between 1000 AND 1999')
    expect(() => whereOf([{ field: 'statusAtMs', between: [1.5, 2] }])).toThrow(/integer/)
  })
})

describe('deliveries per bucket', () => {
  it('a quiet store: the records are read in a few pages, and every figure is right', async () => {
    const documents = records(250, 30 * DAY)
    const { index, searches } = memoryIndex(documents)
    const trend = await readDeliveryTrend(index, 'vtexAds', 'LAST_30_DAYS', NOW, -180)
    expect(trend.buckets.map(({ sent, skipped, failed, dead }) => ({ sent, skipped, failed, dead }))).toEqual(
      expectedPerBucket(documents, 'LAST_30_DAYS', -180)
    )
    expect(searches).toHaveLength(3)
    expect(searches.every((search) => search.pageSize === 100 && search.sort?.field === 'statusAtMs')).toBe(true)
    expect(trend).toMatchObject({ destination: 'vtexAds', window: 'LAST_30_DAYS', unit: 'day' })
    expect(trend.buckets[29]).toMatchObject({ from: '2026-11-23T03:00:00.000Z', to: '2026-11-24T03:00:00.000Z' })
  })

  it('a busy store: one count per bucket and status, the same figures', async () => {
    const documents = records(6_000, 5 * DAY)
    const { index, searches } = memoryIndex(documents)
    const trend = await readDeliveryTrend(index, 'vtexAds', 'LAST_7_DAYS', NOW)
    expect(trend.buckets.map(({ sent, skipped, failed, dead }) => ({ sent, skipped, failed, dead }))).toEqual(expectedPerBucket(documents, 'LAST_7_DAYS'))
    // The window's first page, each status's first page, then 7 counts per status.
    expect(searches).toHaveLength(1 + 4 + 7 * 4)
    expect(whereOf(searches[5].conditions)).toMatch(/^destination="vtexAds" AND statusAtMs between \d+ AND \d+ AND status="sent"$/)
  })

  it('a busy store with few failures: sent counted per hour, the rare outcomes read in a page or two', async () => {
    const mostlySent: DeliveryStatus[] = [...Array(18).fill('sent'), 'skipped', 'dead']
    const documents = records(3_000, 20 * HOUR, 'vtexAds', mostlySent)
    const { index, searches } = memoryIndex(documents)
    const buckets = timeBuckets('LAST_24_HOURS', NOW)
    const series = (['sent', 'skipped', 'failed', 'dead'] as const).map((status) => ({
      key: status,
      condition: { field: 'status' as const, equals: status },
      holds: (document: Partial<IndexDocument>) => document.status === status,
    }))
    const result = await tallyPerBucket(index, [{ field: 'destination', equals: 'vtexAds' }], buckets, series, ['status'])
    expect(result.methods).toEqual({ sent: 'counted', skipped: 'read', failed: 'read', dead: 'read' })
    expect(result.tallies).toEqual(expectedPerBucket(documents, 'LAST_24_HOURS'))
    // 1 + 4 first pages + 24 counts + one more page each for skipped and dead (150 each), none for failed (0).
    expect(result.searches).toBe(31)
    expect(searches).toHaveLength(31)
  })

  it('reads only when reading takes fewer searches than counting', async () => {
    // 24 hourly buckets × 4 series = 96 counts: 1,000 records (10 pages) are read; 7 daily buckets × 1 series = 7 counts: 10 pages are not.
    const documents = records(1_000, 20 * HOUR)
    const hourly = memoryIndex(documents)
    const four = ['all', 'x', 'y', 'z'].map((key) => ({ key, holds: () => key === 'all' }))
    expect((await tallyPerBucket(hourly.index, [], timeBuckets('LAST_24_HOURS', NOW), four, [])).methods).toEqual({ all: 'read', x: 'read', y: 'read', z: 'read' })
    const daily = memoryIndex(documents)
    const counted = await tallyPerBucket(daily.index, [], timeBuckets('LAST_7_DAYS', NOW), [{ key: 'all', holds: () => true }], [])
    expect(counted).toMatchObject({ methods: { all: 'counted' }, searches: 8 })
    expect(counted.tallies.reduce((sum, tally) => sum + tally.all, 0)).toBe(1_000)
  })

  it('the hourly figures add up to what Health counts over the same 24 hours', async () => {
    const { index } = memoryIndex(records(700, 2 * DAY))
    const trend = await readDeliveryTrend(index, 'vtexAds', 'LAST_24_HOURS', NOW)
    // Health counts records since a time (statusAtMs > now − 24 h): here, since the chart's first hour.
    const health = await readHealth(index, [{ name: 'vtexAds', enabled: true }], Date.parse(trend.buckets[0].from) - 1 + DAY)
    const sums = Object.fromEntries(
      (['sent', 'skipped', 'failed', 'dead'] as const).map((status) => [
        status,
        trend.buckets.reduce((total, bucket) => total + bucket[status], 0),
      ])
    )
    expect(sums).toEqual(health.destinations[0].last24h)
    expect(sums.sent).toBeGreaterThan(50)
  })
})

describe('identity coverage per day', () => {
  it('counts mapped orders and the ids they carried, the same whichever way', async () => {
    // 200 mapped orders: read in 2 pages; 3,000: converted, session_id and user_id counted per day, the click ids read.
    for (const [count, searchesExpected] of [
      [200, 2],
      [3_000, 1 + 4 + 3 * 7 + 2 * 3],
    ]) {
      const documents = records(count, 7 * DAY)
      const { index, searches } = memoryIndex([...documents, ...records(50, 7 * DAY, 'impact')])
      const trend = await readCoverageTrend(index, 'vtexAds', 'LAST_7_DAYS', NOW)
      const buckets = timeBuckets('LAST_7_DAYS', NOW)
      const expected = buckets.map((bucket) => {
        const mapped = documents.filter(
          (document) => document.mapped && document.statusAtMs >= bucket.fromMs && document.statusAtMs < bucket.toMs
        )
        return {
          converted: mapped.length,
          sessionId: mapped.filter((document) => document.hasSessionId).length,
          userId: mapped.filter((document) => document.hasUserId).length,
          impactClickId: mapped.filter((document) => document.hasImpactClickId).length,
          oppref: mapped.filter((document) => document.hasOppref).length,
        }
      })
      expect(trend.buckets.map(({ from: _from, to: _to, ...counts }) => counts)).toEqual(expected)
      expect(expected.reduce((sum, day) => sum + day.converted, 0)).toBeGreaterThan(count / 2)
      expect(searches).toHaveLength(searchesExpected)
    }
  })
})
