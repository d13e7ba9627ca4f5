import type { IndexSearch } from '../../ledgerIndex/deliveryIndex'
import { whereOf, type Condition } from '../../ledgerIndex/where'
import { onlyFailedForAnHour, readHealth } from '../health'
import { readIdentityCoverage } from '../coverage'
import { DeliveryQueryError, filterConditions, readDeliveries } from '../deliveries'
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
      [`destination="vtexAds" AND status="failed" AND statusAtMs>${hourAgo}`]: 2,
      [`destination="vtexAds" AND status="dead" AND statusAtMs>${hourAgo}`]: 1,
    })
    const health = await readHealth(index, [{ name: 'vtexAds', enabled: true }], now)
    expect(health.destinations[0]).toMatchObject({ failuresLastHour: 3, sentLastHour: 0, alert: true, lastSuccessAt: undefined })
  })
})

describe('identity coverage', () => {
  it('splits the sales into with a storefront session, without one (still sent) and consent refused', async () => {
    const now = Date.parse('2026-11-23T12:00:00Z')
    const mapped = `destination="vtexAds" AND statusAtMs>${now - 86_400_000} AND mapped=true`
    const { index } = reader({
      [mapped]: 20,
      [`${mapped} AND hasSessionId=true`]: 12,
      [`${mapped} AND reasonCode="consent-refused"`]: 3,
    })
    const coverage = await readIdentityCoverage(index, 'vtexAds', 1, now)
    expect(coverage).toMatchObject({ converted: 20, sessionId: 12, noStorefrontSession: 5, consentRefused: 3 })
  })

  it('skips with a code the app does not know yet are counted as other, so the reasons add up', async () => {
    const now = Date.parse('2026-11-23T12:00:00Z')
    const from = now - 7 * 86_400_000
    const skipped = `destination="impact" AND statusAtMs>${from} AND status="skipped"`
    const { index } = reader({
      [`destination="impact" AND statusAtMs>${from} AND mapped=true`]: 10,
      [`destination="impact" AND statusAtMs>${from} AND mapped=true AND hasSessionId=true`]: 9,
      [skipped]: 5,
      [`${skipped} AND reasonCode="no-attribution-key"`]: 3,
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
  it('turns the filter into index conditions, validating each value', () => {
    expect(filterConditions({ orderId: ' 1390620512853-01 ', status: 'dead', destination: 'openai' }, ['vtexAds', 'openai'])).toEqual([
      { field: 'orderId', equals: '1390620512853-01' },
      { field: 'status', equals: 'dead' },
      { field: 'destination', equals: 'openai' },
    ])
    expect(() => filterConditions({ destination: 'facebook' }, ['vtexAds'])).toThrow(DeliveryQueryError)
    expect(() => filterConditions({ orderId: 'a b' }, ['vtexAds'])).toThrow(DeliveryQueryError)
  })

  it('newest first, 20 a page by default, 100 at most, never past the search window', async () => {
    const { index, searches } = reader({})
    await readDeliveries(index, {}, {}, ['vtexAds'])
    await readDeliveries(index, {}, { page: 3, pageSize: 1000 }, ['vtexAds'])
    expect(searches.map(({ sort, page, pageSize }) => ({ sort, page, pageSize }))).toEqual([
      { sort: { field: 'updatedAtMs', descending: true }, page: 1, pageSize: 20 },
      { sort: { field: 'updatedAtMs', descending: true }, page: 3, pageSize: 100 },
    ])
    await expect(readDeliveries(index, {}, { page: 501, pageSize: 20 }, ['vtexAds'])).rejects.toThrow(/newest 10000/)
  })
})
