import type { DeliveryRecord } from '../ledger'
import { MemoryOrderRecords, RecordConflictError, VBaseOrderRecords, ORDER_RECORDS_BUCKET } from '../recordStore'
import { recordTransition } from '../recordTransition'
import { canceled, dead, delivered, failed, gaveUp, replayed } from '../transitions'
import type { VBase } from '@vtex/api'

const AT = '2026-01-01T00:00:00.000Z'
const LATER = '2026-01-01T00:05:00.000Z'
const delivery = (destination: DeliveryRecord['destination'], status: DeliveryRecord['status'], extra: Partial<DeliveryRecord> = {}): DeliveryRecord => ({
  destination,
  orderId: '1-01',
  status,
  attempts: 1,
  createdAt: AT,
  updatedAt: AT,
  ...extra,
})

describe('the record store: one file per order, If-Match writes', () => {
  it('refuses a save on a stale ETag (412) and accepts one on the ETag just read', async () => {
    const store = new MemoryOrderRecords()
    await store.save({ orderId: '1-01', deliveries: {}, updatedAt: AT })
    const read = (await store.get('1-01'))!
    await store.save({ ...read.record, updatedAt: LATER }, read.etag)
    await expect(store.save({ ...read.record, updatedAt: LATER }, read.etag)).rejects.toBeInstanceOf(RecordConflictError)
    await expect(store.save({ orderId: '2-01', deliveries: {}, updatedAt: AT }, '"v1"')).rejects.toBeInstanceOf(RecordConflictError)
  })

  it('on VBase: reads the ETag from the answer, sends it as If-Match, and turns a 412 into a conflict', async () => {
    const calls: unknown[][] = []
    const vbase = {
      getRawJSON: async (...args: unknown[]) => (calls.push(['get', ...args]), { data: { orderId: '1-01', deliveries: {}, updatedAt: AT }, headers: { etag: '"abc"' } }),
      saveJSON: async (...args: unknown[]) => {
        calls.push(['save', ...args])
        if (args[4] === '"stale"') throw Object.assign(new Error('412'), { response: { status: 412 } })
        return []
      },
    } as unknown as VBase
    const store = new VBaseOrderRecords(vbase)
    const read = await store.get('1-01')
    expect(read?.etag).toBe('"abc"')
    await store.save(read!.record, read!.etag)
    await expect(store.save(read!.record, '"stale"')).rejects.toBeInstanceOf(RecordConflictError)
    expect(calls[0]).toEqual(['get', ORDER_RECORDS_BUCKET, '1-01', true])
    expect(calls[1]).toEqual(['save', ORDER_RECORDS_BUCKET, '1-01', read!.record, undefined, '"abc"'])
  })
})

describe('recordTransition: a named transition, applied with If-Match, re-applied on a 412', () => {
  it('re-reads and re-applies when another writer moved first, keeping the other writer\'s final state', async () => {
    const store = new MemoryOrderRecords()
    store.seed(delivery('vtexAds', 'failed'), delivery('impact', 'failed'))
    const stale = (await store.get('1-01'))!
    // Another replica records impact as sent meanwhile.
    await recordTransition(store, '1-01', delivered([delivery('impact', 'sent', { updatedAt: LATER })]))
    const result = await recordTransition(store, '1-01', delivered([delivery('vtexAds', 'sent', { updatedAt: LATER }), delivery('impact', 'failed', { attempts: 2, updatedAt: LATER })]), { known: stale })
    expect(result.written).toBe(true)
    expect(await store.delivery('vtexAds', '1-01')).toMatchObject({ status: 'sent' })
    expect(await store.delivery('impact', '1-01')).toMatchObject({ status: 'sent', attempts: 1 })
    expect(store.saves).toHaveLength(2)
  })

  it('writes nothing when the transition changes nothing', async () => {
    const store = new MemoryOrderRecords()
    store.seed(delivery('vtexAds', 'sent'))
    expect(await recordTransition(store, '1-01', delivered([delivery('vtexAds', 'failed')]))).toMatchObject({ written: false })
    expect(store.saves).toHaveLength(0)
  })

  it('creates the record without If-Match when the caller knows there is none', async () => {
    const store = new MemoryOrderRecords()
    const result = await recordTransition(store, '1-01', delivered([delivery('vtexAds', 'sent')]), { known: null, releasedClaims: () => ['1-01~9999999999999~1~a'] })
    expect(result.record).toMatchObject({ deliveries: { vtexAds: { status: 'sent' } }, releasedClaims: ['1-01~9999999999999~1~a'] })
  })

  it('gives up after repeated conflicts instead of looping', async () => {
    const store = new MemoryOrderRecords()
    store.seed(delivery('vtexAds', 'failed'))
    const racing = Object.assign(Object.create(store), {
      save: async (record: unknown, ifMatch?: string) => {
        await store.save({ ...(await store.get('1-01'))!.record, updatedAt: LATER })
        return store.save(record as never, ifMatch)
      },
    })
    await expect(recordTransition(racing, '1-01', delivered([delivery('vtexAds', 'sent')]))).rejects.toBeInstanceOf(RecordConflictError)
  })
})

describe('the named transitions', () => {
  const names = ['vtexAds', 'impact'] as const
  it('failed and dead leave final deliveries alone', () => {
    const current = { orderId: '1-01', deliveries: { vtexAds: delivery('vtexAds', 'sent') }, updatedAt: AT }
    const next = failed({ names: [...names], orderId: '1-01', reason: 'order-unreadable: http-503', at: LATER })(current)!
    expect(next.deliveries.vtexAds).toEqual(current.deliveries.vtexAds)
    expect(next.deliveries.impact).toMatchObject({ status: 'failed', attempts: 0, reason: 'order-unreadable: http-503', lastError: 'order-unreadable: http-503' })
    expect(dead({ names: ['vtexAds'], orderId: '1-01', reason: 'x', at: LATER })(current)).toBeUndefined()
  })

  it('canceled keeps what was sent (with canceledAt) and skips what was not', () => {
    const current = { orderId: '1-01', deliveries: { vtexAds: delivery('vtexAds', 'sent'), impact: delivery('impact', 'failed') }, updatedAt: AT }
    const next = canceled({ names: [...names], orderId: '1-01', at: LATER })(current)!
    expect(next.deliveries.vtexAds).toMatchObject({ status: 'sent', canceledAt: LATER })
    expect(next.deliveries.impact).toMatchObject({ status: 'skipped', reason: 'canceled-before-send', canceledAt: LATER })
    expect(canceled({ names: [...names], orderId: '1-01', at: LATER })(next)).toBeUndefined()
  })

  it('gaveUp turns only still-failing deliveries dead, with their last reason', () => {
    const current = { orderId: '1-01', deliveries: { vtexAds: delivery('vtexAds', 'failed', { reason: 'http-503' }), impact: delivery('impact', 'sent') }, updatedAt: AT }
    const next = gaveUp({ names: [...names], hours: 72, at: LATER })(current)!
    expect(next.deliveries.vtexAds).toMatchObject({ status: 'dead', reason: 'gave-up: still failing after 72 h (http-503)' })
    expect(next.deliveries.impact).toEqual(current.deliveries.impact)
  })

  it('replayed replaces dead or failed deliveries, never a sent one', () => {
    const current = { orderId: '1-01', deliveries: { vtexAds: delivery('vtexAds', 'dead'), impact: delivery('impact', 'sent') }, updatedAt: AT }
    const next = replayed([delivery('vtexAds', 'sent', { attempts: 2 }), delivery('impact', 'dead')])(current)!
    expect(next.deliveries.vtexAds).toMatchObject({ status: 'sent', attempts: 2 })
    expect(next.deliveries.impact).toMatchObject({ status: 'sent' })
    // delivered never re-opens a final state: only a replay does.
    expect(delivered([delivery('vtexAds', 'sent')])(current)).toBeUndefined()
  })
})
