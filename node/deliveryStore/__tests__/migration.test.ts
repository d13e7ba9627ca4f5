import type { DeliveryRecord } from '../ledger'
import { MemoryStateStore } from '../../scheduled/stateStore'
import { forgetMigrationDone, legacyRecordOf, migrateLegacyRecords, MIGRATION_STATE, type LegacyLedger } from '../migration'
import { MemoryOrderRecords } from '../recordStore'

const old = (destination: DeliveryRecord['destination'], orderId: string, status: DeliveryRecord['status'], updatedAt = '2025-12-01T00:00:00.000Z'): DeliveryRecord => ({
  destination,
  orderId,
  status,
  attempts: 1,
  createdAt: updatedAt,
  updatedAt,
})

/** The old bucket: one file per `destination:orderId`, listed in pages. */
const legacyOf = (records: DeliveryRecord[]) => {
  const files = new Map(records.map((record) => [`${record.destination}:${record.orderId}`, record]))
  const reads: string[] = []
  const legacy: LegacyLedger = {
    async get(destination, orderId) {
      reads.push(`${destination}:${orderId}`)
      return files.get(`${destination}:${orderId}`)
    },
    async page(next, limit) {
      const names = [...files.keys()].sort()
      const start = Number(next ?? 0)
      return { names: names.slice(start, start + limit), next: start + limit < names.length ? String(start + limit) : undefined }
    },
  }
  return { legacy, reads }
}

beforeEach(() => forgetMigrationDone())

describe('migration from one file per destination to one record per order', () => {
  it('folds the old files in, page by page, resumable, and marks itself done', async () => {
    const { legacy } = legacyOf([old('vtexAds', 'A-01', 'sent'), old('impact', 'A-01', 'dead'), old('vtexAds', 'B-01', 'failed'), old('openai', 'C-01', 'skipped')])
    const records = new MemoryOrderRecords()
    const state = new MemoryStateStore()
    let budget = 1
    const first = await migrateLegacyRecords({ legacy, records, state, remainingMs: () => budget--, pageSize: 2 })
    expect(first).toMatchObject({ done: false, next: '2' })
    const second = await migrateLegacyRecords({ legacy, records, state, remainingMs: () => 1_000, pageSize: 2 })
    // Pages follow the old names (destination first): A-01's two files come in two pages, two writes.
    expect(second).toMatchObject({ done: true, migrated: 4 })
    expect((await records.get('A-01'))?.record.deliveries).toMatchObject({ vtexAds: { status: 'sent' }, impact: { status: 'dead' } })
    expect(await records.delivery('vtexAds', 'B-01')).toMatchObject({ status: 'failed' })
    expect(await records.delivery('openai', 'C-01')).toMatchObject({ status: 'skipped' })
  })

  it('keeps what the new record already says: a delivery recorded since wins over its old file', async () => {
    const { legacy } = legacyOf([old('vtexAds', 'A-01', 'failed'), old('impact', 'A-01', 'sent')])
    const records = new MemoryOrderRecords()
    records.seed(old('vtexAds', 'A-01', 'sent', '2026-01-01T00:00:00.000Z'))
    await migrateLegacyRecords({ legacy, records, state: new MemoryStateStore(), remainingMs: () => 1_000 })
    expect((await records.get('A-01'))?.record.deliveries).toMatchObject({ vtexAds: { status: 'sent', updatedAt: '2026-01-01T00:00:00.000Z' }, impact: { status: 'sent' } })
  })

  it('until done, an order without a record is looked up in the old files; once done, never again', async () => {
    const { legacy, reads } = legacyOf([old('vtexAds', 'A-01', 'sent')])
    const state = new MemoryStateStore()
    expect(await legacyRecordOf('A-01', ['vtexAds', 'impact'], { legacy, state })).toMatchObject({ deliveries: { vtexAds: { status: 'sent' } } })
    expect(await legacyRecordOf('Z-01', ['vtexAds'], { legacy, state })).toBeUndefined()
    await state.put(MIGRATION_STATE, { done: true, migrated: 1, updatedAt: 'x' })
    const before = reads.length
    expect(await legacyRecordOf('A-01', ['vtexAds'], { legacy, state })).toBeUndefined()
    const stateReads = jest.spyOn(state, 'get')
    expect(await legacyRecordOf('A-01', ['vtexAds'], { legacy, state })).toBeUndefined()
    expect([reads.length - before, stateReads.mock.calls.length]).toEqual([0, 0])
  })
})
