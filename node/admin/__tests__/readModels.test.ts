import type { IndexSearch } from '../../ledgerIndex/orderIndex'
import type { DeliveryRecord } from '../../deliveryStore/ledger'
import { foldDeliveries } from '../../deliveryStore/orderRecord'
import { toOrderIndexDocument } from '../../ledgerIndex/document'
import { whereOf, type Condition } from '../../ledgerIndex/where'
import { onlyFailedForAnHour, readHealth } from '../health'
import { readIdentityCoverage } from '../coverage'
import { DeliveryQueryError, MERGED_WINDOW, filterConditions, readDeliveries } from '../deliveries'
import { memoryIndex } from './memoryIndex'
import type { IndexReader } from '../indexReader'

/** An index that answers counts from a table keyed by the where clause, and records searches. */
function reader(counts: Record<string, number>) {
  const searches: IndexSearch[] = []
  const index: IndexReader = {
    count: async (conditions: Condition[]) => counts[whereOf(conditions) ?? ''] ?? 0,
    search: async (query) => {
      searches.push(query)
      return { documents: [], total: counts[whereOf(query.conditions) ?? ''] ?? 0 }
    },
  }
  return { index, searches }
}

describe('the one-hour alert', () => {
  it('is raised when the last hour had failures and no success, and only then', () => {
    expect(onlyFailedForAnHour({ failuresLastHour: 3, sentLastHour: 0 })).toBe(true)
    expect(onlyFailedForAnHour({ failuresLastHour: 3, sentLastHour: 1 })).toBe(false)
    expect(onlyFailedForAnHour({ failuresLastHour: 0, sentLastHour: 0 })).toBe(false)
  })

  it('counts failed and dead outcomes of the last hour together', async () => {
    const now = Date.parse('2026-11-23T12:00:00Z')
    const hourAgo = now - 3_600_000
    const { index } = reader({
      [`vtexAdsStatus="failed" AND vtexAdsStatusAtMs>${hourAgo}`]: 2,
      [`vtexAdsStatus="dead" AND vtexAdsStatusAtMs>${hourAgo}`]: 1,
    })
    const health = await readHealth(index, [{ name: 'vtexAds', enabled: true }], now)
    expect(health.destinations[0]).toMatchObject({ failuresLastHour: 3, sentLastHour: 0, alert: true, lastSuccessAt: undefined })
  })
})

describe('identity coverage', () => {
  it('splits the sales into with a storefront session, without one (still sent) and consent refused', async () => {
    const now = Date.parse('2026-11-23T12:00:00Z')
    const mapped = `vtexAdsStatusAtMs>${now - 86_400_000} AND mapped=true`
    const { index } = reader({
      [mapped]: 20,
      [`${mapped} AND hasSessionId=true`]: 12,
      [`${mapped} AND vtexAdsReasonCode="consent-refused"`]: 3,
    })
    const coverage = await readIdentityCoverage(index, 'vtexAds', 1, now)
    expect(coverage).toMatchObject({ converted: 20, sessionId: 12, noStorefrontSession: 5, consentRefused: 3 })
  })

  it('skips with a code the app does not know yet are counted as other, so the reasons add up', async () => {
    const now = Date.parse('2026-11-23T12:00:00Z')
    const from = now - 7 * 86_400_000
    const skipped = `impactStatusAtMs>${from} AND impactStatus="skipped"`
    const { index } = reader({
      [`impactStatusAtMs>${from} AND mapped=true`]: 10,
      [`impactStatusAtMs>${from} AND mapped=true AND hasSessionId=true`]: 9,
      [skipped]: 5,
      [`${skipped} AND impactReasonCode="no-attribution-key"`]: 3,
    })
    const coverage = await readIdentityCoverage(index, 'impact', 7, now)
    expect(coverage).toMatchObject({ converted: 10, sessionId: 9, userId: 0, skipped: 5 })
    expect(coverage.skippedReasons).toEqual([
      { reason: 'no-attribution-key', count: 3 },
      { reason: 'other', count: 2 },
    ])
  })
})

describe('deliveries query', () => {
  it("turns the filter into one destination's conditions; every one names the destination, so v1 documents never match", async () => {
    expect(filterConditions('openai', { orderId: '1390620512853-01', status: 'dead' })).toEqual([
      { field: 'orderId', equals: '1390620512853-01' },
      { field: 'openaiStatus', equals: 'dead' },
      { field: 'openaiUpdatedAtMs', greaterThan: 0 },
    ])
    expect(filterConditions('vtexAds', {})).toEqual([{ field: 'vtexAdsUpdatedAtMs', greaterThan: 0 }])
  })

  it('validates each value of the filter before any search', async () => {
    const { index, searches } = reader({})
    await expect(readDeliveries(index, { destination: 'facebook' }, {}, ['vtexAds'])).rejects.toThrow(DeliveryQueryError)
    await expect(readDeliveries(index, { orderId: 'a b' }, {}, ['vtexAds'])).rejects.toThrow(DeliveryQueryError)
    await expect(readDeliveries(index, { status: 'lost' }, {}, ['vtexAds'])).rejects.toThrow('Unknown status: lost')
    expect(searches).toEqual([])
  })

  it('one destination: newest first, 20 a page by default, 100 at most, never past the search window', async () => {
    const { index, searches } = reader({})
    await readDeliveries(index, {}, {}, ['vtexAds'])
    await readDeliveries(index, { destination: 'vtexAds', orderId: ' 1390620512853-01 ' }, { page: 3, pageSize: 1000 }, ['vtexAds', 'impact'])
    expect(searches.map(({ sort, page, pageSize, conditions }) => ({ sort, page, pageSize, where: whereOf(conditions) }))).toEqual([
      { sort: { field: 'vtexAdsUpdatedAtMs', descending: true }, page: 1, pageSize: 20, where: 'vtexAdsUpdatedAtMs>0' },
      { sort: { field: 'vtexAdsUpdatedAtMs', descending: true }, page: 3, pageSize: 100, where: 'orderId="1390620512853-01" AND vtexAdsUpdatedAtMs>0' },
    ])
    await expect(readDeliveries(index, {}, { page: 501, pageSize: 20 }, ['vtexAds'])).rejects.toThrow(/newest 10000/)
  })

  const delivery = (destination: DeliveryRecord['destination'], n: number, minute: number, status: DeliveryRecord['status'] = 'sent'): DeliveryRecord => {
    const at = new Date(Date.parse('2026-11-23T10:00:00Z') + minute * 60_000).toISOString()
    return { destination, orderId: `${1_390_000_000_000 + n}-01`, status, attempts: 1, createdAt: at, updatedAt: at, sentAt: status === 'sent' ? at : undefined, reason: status === 'dead' ? 'http-422: bad' : undefined }
  }
  /** 30 orders, each delivered to its destinations at different minutes; every 4th delivery dead. */
  const store = () => {
    const deliveries: DeliveryRecord[] = []
    for (let n = 0; n < 30; n++)
      (['vtexAds', 'impact', 'openai'] as const).slice(0, 1 + (n % 3)).forEach((destination, d) => deliveries.push(delivery(destination, n, n * 3 + d * 40, (n + d) % 4 === 0 ? 'dead' : 'sent')))
    const byOrder = new Map<string, DeliveryRecord[]>()
    for (const entry of deliveries) byOrder.set(entry.orderId, [...(byOrder.get(entry.orderId) ?? []), entry])
    return { deliveries, documents: [...byOrder].map(([orderId, list]) => toOrderIndexDocument(foldDeliveries(orderId, list)!)) }
  }
  const key = (row: { destination: string; orderId: string }) => `${row.destination}:${row.orderId}`

  it('every destination: a row per delivery, merged newest first across destinations, pages that never overlap, the total of every delivery', async () => {
    const { deliveries, documents } = store()
    const { index } = memoryIndex(documents)
    const all = ['vtexAds', 'impact', 'openai']
    const expected = [...deliveries].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || a.destination.localeCompare(b.destination)).map(key)
    const pages = await Promise.all([1, 2, 3, 4].map((page) => readDeliveries(index, {}, { page, pageSize: 17 }, all)))
    expect(pages.flatMap((page) => page.items).map(key)).toEqual(expected)
    expect(pages.map((page) => page.total)).toEqual([deliveries.length, deliveries.length, deliveries.length, deliveries.length])
    const dead = await readDeliveries(index, { status: 'dead' }, { pageSize: 100 }, all)
    expect(dead.items.map(key).sort()).toEqual(deliveries.filter((entry) => entry.status === 'dead').map(key).sort())
    expect(dead.items.every((row) => row.status === 'dead' && row.reason === 'http-422: bad')).toBe(true)
    const oneOrder = await readDeliveries(index, { orderId: '1390000000005-01' }, {}, all)
    expect(oneOrder.items.map((row) => row.destination).sort()).toEqual(['impact', 'openai', 'vtexAds'])
  })

  it('every destination: paging deeper than the merged window asks for a destination', async () => {
    const { index, searches } = reader({})
    await expect(readDeliveries(index, {}, { page: MERGED_WINDOW / 20 + 1, pageSize: 20 }, ['vtexAds', 'impact'])).rejects.toThrow(/filter by destination/)
    expect(searches).toEqual([])
  })
})
