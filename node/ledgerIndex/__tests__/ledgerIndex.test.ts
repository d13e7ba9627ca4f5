import type { DeliveryRecord } from '../../deliveryStore/ledger'
import { MemoryLedger } from '../../deliveryStore/ledger'
import { foldDeliveries, type OrderRecord } from '../../deliveryStore/orderRecord'
import type { OrderRecordStore } from '../../deliveryStore/recordStore'
import { indexEntityName, INDEX_SCHEMA, INDEX_SCHEMA_NAME } from '../entity'
import { destinationStateOf, legacyDocumentId, orderDocumentId, reasonCodeOf, toOrderIndexDocument } from '../document'
import { ordersOf } from '../orderDocuments'
import { whereOf } from '../where'
import { OrderIndex, sameIndexing, type IndexClient } from '../orderIndex'
import { IndexedOrderRecords } from '../indexedRecords'
import { orderRecordSource } from '../orderRecordSource'
import type { PendingEntry, PendingQueue, QueuedEntry } from '../pendingReindex'
import { reindexPending } from '../reindex'

const record = (changes: Partial<DeliveryRecord> = {}): DeliveryRecord => ({
  destination: 'vtexAds',
  orderId: '1390620512853-01',
  status: 'sent',
  attempts: 1,
  createdAt: '2026-11-20T14:31:09.000Z',
  updatedAt: '2026-11-20T14:31:10.000Z',
  sentAt: '2026-11-20T14:31:10.000Z',
  identity: { sessionId: true, userId: true, impactClickId: false, oppref: true },
  orderCreatedAt: '2026-11-20T14:31:08.000Z',
  ...changes,
})

describe('entity and schema', () => {
  it('names the entity as VTEX names app entities, without the version', () => {
    expect(indexEntityName('adsevents.ads-events@0.1.0')).toBe('adsevents_ads_events_deliveries')
    expect(indexEntityName('adsevents.ads-events@1.4.2+build9')).toBe('adsevents_ads_events_deliveries')
    expect(() => indexEntityName(undefined)).toThrow(/VTEX_APP_ID/)
  })

  it("indexes only fields the schema declares: the order's flags and what the admin filters on per destination", () => {
    for (const field of INDEX_SCHEMA['v-indexed']) expect(Object.keys(INDEX_SCHEMA.properties)).toContain(field)
    for (const destination of ['vtexAds', 'impact', 'openai'])
      for (const suffix of ['Status', 'StatusAtMs', 'UpdatedAtMs', 'ReasonCode']) expect(INDEX_SCHEMA['v-indexed']).toContain(`${destination}${suffix}`)
    expect(INDEX_SCHEMA_NAME).toBe('v2')
  })

  it('tells a saved schema that indexes the same from one that does not, key order aside', () => {
    const reordered = JSON.parse(JSON.stringify({ 'v-indexed': INDEX_SCHEMA['v-indexed'], required: INDEX_SCHEMA.required, properties: INDEX_SCHEMA.properties, extra: 1 }))
    expect(sameIndexing(reordered, INDEX_SCHEMA)).toBe(true)
    expect(sameIndexing({ ...reordered, 'v-indexed': ['vtexAdsStatus'] }, INDEX_SCHEMA)).toBe(false)
    expect(sameIndexing(undefined, INDEX_SCHEMA)).toBe(false)
  })
})

const order = (...deliveries: DeliveryRecord[]): OrderRecord => foldDeliveries(deliveries[0].orderId, deliveries)!

describe('order index document', () => {
  it('holds the order once and each destination in its own fields: flags, codes and epoch milliseconds, no identifier values', () => {
    const document = toOrderIndexDocument(
      order(
        record(),
        record({ destination: 'impact', status: 'dead', reason: 'http-401: revoked token', attempts: 2, sentAt: undefined, updatedAt: '2026-11-20T14:32:00.000Z' })
      )
    )
    expect(document).toEqual({
      orderId: '1390620512853-01',
      mapped: true,
      hasSessionId: true,
      hasUserId: true,
      hasImpactClickId: false,
      hasOppref: true,
      canceled: false,
      orderCreatedAtMs: Date.parse('2026-11-20T14:31:08.000Z'),
      updatedAtMs: Date.parse('2026-11-20T14:32:00.000Z'),
      vtexAdsStatus: 'sent',
      vtexAdsStatusAtMs: Date.parse('2026-11-20T14:31:10.000Z'),
      vtexAdsUpdatedAtMs: Date.parse('2026-11-20T14:31:10.000Z'),
      vtexAdsCreatedAtMs: Date.parse('2026-11-20T14:31:09.000Z'),
      vtexAdsSentAtMs: Date.parse('2026-11-20T14:31:10.000Z'),
      vtexAdsReasonCode: null,
      vtexAdsReason: null,
      vtexAdsAttempts: 1,
      impactStatus: 'dead',
      impactStatusAtMs: Date.parse('2026-11-20T14:32:00.000Z'),
      impactUpdatedAtMs: Date.parse('2026-11-20T14:32:00.000Z'),
      impactCreatedAtMs: Date.parse('2026-11-20T14:31:09.000Z'),
      impactSentAtMs: null,
      impactReasonCode: 'http-401',
      impactReason: 'http-401: revoked token',
      impactAttempts: 2,
      openaiStatus: null,
      openaiStatusAtMs: null,
      openaiUpdatedAtMs: null,
      openaiCreatedAtMs: null,
      openaiSentAtMs: null,
      openaiReasonCode: null,
      openaiReason: null,
      openaiAttempts: null,
    })
    expect(Object.keys(document).sort()).toEqual(Object.keys(INDEX_SCHEMA.properties).sort())
    expect(destinationStateOf(document, 'impact')).toMatchObject({ status: 'dead', reasonCode: 'http-401', attempts: 2 })
    expect(destinationStateOf(document, 'openai')).toBeUndefined()
  })

  it('a sent delivery keeps its sending time as status time when a cancellation updates it later', () => {
    const canceled = toOrderIndexDocument(order(record({ canceledAt: '2026-11-22T10:00:00.000Z', updatedAt: '2026-11-22T10:00:00.000Z' })))
    expect(canceled).toMatchObject({ canceled: true, vtexAdsStatusAtMs: Date.parse('2026-11-20T14:31:10.000Z'), vtexAdsUpdatedAtMs: Date.parse('2026-11-22T10:00:00.000Z') })
  })

  it('an unmapped order (unreadable) is not counted as carrying any id; one mapped delivery makes the order mapped', () => {
    const unmapped = record({ status: 'failed', identity: undefined, reason: 'order-unreadable: http-503', sentAt: undefined })
    expect(toOrderIndexDocument(order(unmapped))).toMatchObject({ mapped: false, hasSessionId: false, vtexAdsReasonCode: 'order-unreadable' })
    expect(toOrderIndexDocument(order(unmapped, record({ destination: 'openai' })))).toMatchObject({ mapped: true, hasSessionId: true })
  })

  it('reason codes are the text before the first colon', () => {
    expect(reasonCodeOf('no-identity: the order has no valid session_id')).toBe('no-identity')
    expect(reasonCodeOf('canceled-before-send')).toBe('canceled-before-send')
    expect(reasonCodeOf(undefined)).toBeNull()
  })

  it('document ids are safe path segments: the order id for an order, destination and order for the v1 layout', () => {
    expect(orderDocumentId('1390620512853-01')).toBe('1390620512853-01')
    expect(orderDocumentId('SLR/12 3')).toBe('SLR_12_3')
    expect(legacyDocumentId('openai', 'SLR/12 3')).toBe('openai-SLR_12_3')
  })

  it('folds per-destination records into one record per order, the newest state of each destination winning', () => {
    const orders = [...ordersOf([record(), record({ orderId: 'b-01' }), record({ destination: 'impact' }), record({ status: 'failed', updatedAt: '2026-11-19T00:00:00.000Z' })])]
    expect(orders.map((entry) => [entry.orderId, Object.keys(entry.deliveries).sort()])).toEqual([
      ['1390620512853-01', ['impact', 'vtexAds']],
      ['b-01', ['vtexAds']],
    ])
    expect(orders[0].deliveries.vtexAds?.status).toBe('sent')
  })
})

describe('where clauses', () => {
  it('joins typed conditions with AND, quoting text', () => {
    expect(whereOf([{ field: 'vtexAdsStatus', equals: 'dead' }, { field: 'mapped', equals: true }, { field: 'vtexAdsStatusAtMs', greaterThan: 1700000000000 }])).toBe(
      'vtexAdsStatus="dead" AND mapped=true AND vtexAdsStatusAtMs>1700000000000'
    )
    expect(whereOf([])).toBeUndefined()
  })

  it('refuses values that could widen the query', () => {
    expect(() => whereOf([{ field: 'orderId', equals: '1" OR status="sent' }])).toThrow(/unsafe/)
    expect(() => whereOf([{ field: 'orderId', equals: '*' }])).toThrow(/unsafe/)
    expect(() => whereOf([{ field: 'updatedAtMs', greaterThan: 1.5 }])).toThrow(/integer/)
  })
})

/** @vtex/api's MasterData as far as the index calls it, recording each call. */
function fakeClient(options: { savedSchema?: unknown; total?: number; failWrites?: number; missing?: boolean } = {}) {
  const calls: Array<{ method: string; args: Record<string, unknown> }> = []
  let failures = options.failWrites ?? 0
  const client: IndexClient = {
    deleteDocument: (async (args: Record<string, unknown>) => {
      calls.push({ method: 'deleteDocument', args })
      if (options.missing) throw Object.assign(new Error('Not Found'), { response: { status: 404 } })
    }) as unknown as IndexClient['deleteDocument'],
    getSchema: (async (args: Record<string, unknown>) => {
      calls.push({ method: 'getSchema', args })
      if (options.savedSchema === undefined) throw Object.assign(new Error('Not Found'), { response: { status: 404 } })
      return options.savedSchema
    }) as unknown as IndexClient['getSchema'],
    createOrUpdateSchema: (async (args: Record<string, unknown>) => {
      calls.push({ method: 'createOrUpdateSchema', args })
    }) as unknown as IndexClient['createOrUpdateSchema'],
    updateEntireDocument: async (args: unknown) => {
      calls.push({ method: 'updateEntireDocument', args: args as unknown as Record<string, unknown> })
      if (failures-- > 0) throw Object.assign(new Error('Service Unavailable'), { response: { status: 503 } })
    },
    searchDocumentsWithPaginationInfo: (async (args: Record<string, unknown>) => {
      calls.push({ method: 'search', args })
      return { data: [], pagination: { ...(args.pagination as object), total: options.total ?? 0 } }
    }) as unknown as IndexClient['searchDocumentsWithPaginationInfo'],
  }
  return { client, calls }
}

let workspace = 0
const scope = () => ({ account: 'mystore', workspace: `ws${++workspace}` })

describe('OrderIndex on Master Data v2', () => {
  it('creates its pinned schema once per process and workspace, then writes one document per order by id', async () => {
    const { client, calls } = fakeClient()
    const index = new OrderIndex(client, scope(), 'adsevents.ads-events@0.1.0')
    await Promise.all([index.write(order(record())), index.write(order(record(), record({ destination: 'impact' })))])
    expect(calls.map((call) => call.method)).toEqual(['getSchema', 'createOrUpdateSchema', 'updateEntireDocument', 'updateEntireDocument'])
    expect(calls[1].args).toEqual({ dataEntity: 'adsevents_ads_events_deliveries', schemaName: INDEX_SCHEMA_NAME, schemaBody: INDEX_SCHEMA })
    expect(calls[3].args).toMatchObject({ dataEntity: 'adsevents_ads_events_deliveries', id: '1390620512853-01', schema: 'v2', fields: { vtexAdsStatus: 'sent', impactStatus: 'sent', openaiStatus: null } })
  })

  it('deletes a v1 document by its old id; one already gone is fine, any other refusal is thrown', async () => {
    const gone = fakeClient({ missing: true })
    await new OrderIndex(gone.client, scope(), 'adsevents.ads-events@0.1.0').deleteLegacy('impact', '1390620512853-01')
    expect(gone.calls.pop()).toEqual({ method: 'deleteDocument', args: { dataEntity: 'adsevents_ads_events_deliveries', id: 'impact-1390620512853-01' } })
    const { client } = fakeClient()
    client.deleteDocument = (() => Promise.reject(Object.assign(new Error('Service Unavailable'), { response: { status: 503 } }))) as unknown as IndexClient['deleteDocument']
    await expect(new OrderIndex(client, scope(), 'adsevents.ads-events@0.1.0').deleteLegacy('impact', 'x-01')).rejects.toThrow('Service Unavailable')
  })

  it('leaves an identical saved schema alone (saving one revalidates every document)', async () => {
    const { client, calls } = fakeClient({ savedSchema: JSON.parse(JSON.stringify(INDEX_SCHEMA)) })
    await new OrderIndex(client, scope(), 'adsevents.ads-events@0.1.0').ensureSchema()
    expect(calls.map((call) => call.method)).toEqual(['getSchema'])
  })

  it('counts through the search total of a one-document page', async () => {
    const { client, calls } = fakeClient({ total: 1234 })
    const index = new OrderIndex(client, scope(), 'adsevents.ads-events@0.1.0')
    expect(await index.count([{ field: 'vtexAdsStatus', equals: 'dead' }])).toBe(1234)
    expect(calls.pop()?.args).toEqual({
      dataEntity: 'adsevents_ads_events_deliveries',
      fields: ['orderId'],
      where: 'vtexAdsStatus="dead"',
      sort: undefined,
      pagination: { page: 1, pageSize: 1 },
      schema: 'v2',
    })
  })

  it('lists newest first with _sort, at most 100 per page, and only inside the 10,000 search window', async () => {
    const { client, calls } = fakeClient({ total: 5 })
    const index = new OrderIndex(client, scope(), 'adsevents.ads-events@0.1.0')
    await index.search({ conditions: [], sort: { field: 'impactUpdatedAtMs', descending: true }, page: 2, pageSize: 500 })
    expect(calls.pop()?.args).toMatchObject({ sort: 'impactUpdatedAtMs DESC', pagination: { page: 2, pageSize: 100 } })
    await expect(index.search({ conditions: [], page: 101, pageSize: 100 })).rejects.toThrow(/first 10000/)
  })
})

class MemoryPending implements PendingQueue {
  readonly entries = new Map<string, PendingEntry>()
  failAdds = false
  async add(entry: PendingEntry) {
    if (this.failAdds) throw new Error('vbase down')
    this.entries.set(entry.orderId, entry)
  }
  async list(limit: number): Promise<QueuedEntry[]> {
    return [...this.entries].slice(0, limit).map(([path, entry]) => ({ ...entry, path }))
  }
  async remove(entry: QueuedEntry) {
    this.entries.delete(entry.path)
  }
}

const quiet = { info: () => undefined, warn: () => undefined }
const NOW = () => Date.parse('2026-11-23T10:00:00Z')
const failing = () => Promise.reject(Object.assign(new Error('Service Unavailable'), { response: { status: 503 } }))

/** The per-order store as the record branch will provide it, in memory: ETags and If-Match. */
class MemoryOrderRecords implements OrderRecordStore {
  readonly records = new Map<string, { record: OrderRecord; etag: string }>()
  private version = 0
  async get(orderId: string) {
    return this.records.get(orderId)
  }
  async save(record: OrderRecord, ifMatch?: string) {
    const current = this.records.get(record.orderId)
    if (ifMatch !== undefined && current?.etag !== ifMatch) throw Object.assign(new Error('Precondition Failed'), { response: { status: 412 } })
    const etag = `"${++this.version}"`
    this.records.set(record.orderId, { record, etag })
    return etag
  }
}

describe('IndexedOrderRecords: the decorator for the per-order record store', () => {
  const setup = (write: (record: OrderRecord) => Promise<void>) => {
    const store = new MemoryOrderRecords()
    const pending = new MemoryPending()
    const logs: Array<Record<string, unknown>> = []
    const indexed = new IndexedOrderRecords(store, { index: { write }, pending, logger: { warn: (entry) => logs.push(entry) }, options: { timeoutMs: 50, now: NOW } })
    return { store, pending, logs, indexed }
  }

  it('saves the record, then writes its one index document', async () => {
    const written: OrderRecord[] = []
    const { store, indexed, pending } = setup(async (r) => void written.push(r))
    const etag = await indexed.save(order(record(), record({ destination: 'impact' })))
    expect((await store.get('1390620512853-01'))?.etag).toBe(etag)
    expect(written.map((r) => Object.keys(r.deliveries).sort())).toEqual([['impact', 'vtexAds']])
    expect(pending.entries.size).toBe(0)
    expect((await indexed.get('1390620512853-01'))?.record).toEqual(order(record(), record({ destination: 'impact' })))
  })

  it('an index failure never fails the save: the order is queued for the reindex, once', async () => {
    const { store, indexed, pending, logs } = setup(failing)
    await expect(indexed.save(order(record()))).resolves.toBe('"1"')
    await expect(indexed.save(order(record(), record({ destination: 'openai' })), '"1"')).resolves.toBe('"2"')
    expect(store.records.get('1390620512853-01')?.record.deliveries.openai).toBeDefined()
    expect([...pending.entries.values()]).toEqual([{ orderId: '1390620512853-01', queuedAt: '2026-11-23T10:00:00.000Z', reason: 'http-503' }])
    expect(logs).toEqual([
      { message: 'index-write-queued', orderId: '1390620512853-01', reason: 'http-503' },
      { message: 'index-write-queued', orderId: '1390620512853-01', reason: 'http-503' },
    ])
  })

  it('a hanging index is given up after the timeout and queued', async () => {
    const { indexed, pending } = setup(() => new Promise<void>(() => undefined))
    await indexed.save(order(record()))
    expect(pending.entries.get('1390620512853-01')?.reason).toBe('index write took over 50 ms')
  })

  it("a refused save (another writer first: If-Match) is the caller's: nothing is indexed", async () => {
    const written: OrderRecord[] = []
    const { indexed } = setup(async (r) => void written.push(r))
    await indexed.save(order(record()))
    await expect(indexed.save(order(record({ status: 'dead' })), '"stale"')).rejects.toThrow('Precondition Failed')
    expect(written).toHaveLength(1)
  })

  it('when the queue refuses too, the save still succeeds and the loss is logged', async () => {
    const { indexed, pending, logs } = setup(failing)
    pending.failAdds = true
    await expect(indexed.save(order(record()))).resolves.toBeDefined()
    expect(logs.map((entry) => entry.message)).toEqual(['index-write-lost'])
  })
})

describe('reindexPending', () => {
  const deps = (ledger: MemoryLedger, pending: MemoryPending, write: (r: OrderRecord) => Promise<void>, records?: MemoryOrderRecords) => ({
    source: orderRecordSource({ ledger, records }),
    pending,
    index: { write },
    logger: quiet,
  })

  it('indexes queued orders as their records are now, dequeues them, and is a no-op the second time', async () => {
    const ledger = new MemoryLedger()
    const pending = new MemoryPending()
    await ledger.put(record({ status: 'dead', reason: 'http-422: unknown publisher' }))
    await ledger.put(record({ destination: 'impact' }))
    await pending.add({ orderId: '1390620512853-01', queuedAt: 'x', reason: 'http-503' })
    await pending.add({ orderId: 'gone-01', queuedAt: 'x', reason: 'http-503' })
    const written: OrderRecord[] = []
    const reindex = deps(ledger, pending, async (r) => void written.push(r))
    expect(await reindexPending(reindex)).toEqual({ reindexed: 1, failed: 0, dropped: 1 })
    expect(written.map((r) => [r.deliveries.vtexAds?.status, r.deliveries.impact?.status])).toEqual([['dead', 'sent']])
    expect(pending.entries.size).toBe(0)
    expect(await reindexPending(reindex)).toEqual({ reindexed: 0, failed: 0, dropped: 0 })
  })

  it('entries queued per destination (the earlier layout) are reindexed as their order, once', async () => {
    const ledger = new MemoryLedger()
    const pending = new MemoryPending()
    await ledger.put(record())
    await ledger.put(record({ destination: 'openai' }))
    for (const destination of ['vtexAds', 'openai'] as const) pending.entries.set(`${destination}:1390620512853-01`, { destination, orderId: '1390620512853-01', queuedAt: 'x', reason: 'http-503' })
    const written: OrderRecord[] = []
    expect(await reindexPending(deps(ledger, pending, async (r) => void written.push(r)))).toEqual({ reindexed: 1, failed: 0, dropped: 0 })
    expect(written.map((r) => Object.keys(r.deliveries).sort())).toEqual([['openai', 'vtexAds']])
    expect(pending.entries.size).toBe(0)
  })

  it('reads the per-order record, with per-destination files not yet folded in (the newer state wins)', async () => {
    const ledger = new MemoryLedger()
    const records = new MemoryOrderRecords()
    const pending = new MemoryPending()
    await records.save(order(record({ status: 'failed', updatedAt: '2026-11-20T14:31:10.000Z', sentAt: undefined })))
    await ledger.put(record({ status: 'sent', updatedAt: '2026-11-20T15:00:00.000Z' }))
    await ledger.put(record({ destination: 'impact' }))
    await pending.add({ orderId: '1390620512853-01', queuedAt: 'x', reason: 'http-503' })
    const written: OrderRecord[] = []
    await reindexPending(deps(ledger, pending, async (r) => void written.push(r), records))
    expect(written.map((r) => [r.deliveries.vtexAds?.status, r.deliveries.impact?.status])).toEqual([['sent', 'sent']])
  })

  it('keeps what the index still refuses for the next run', async () => {
    const ledger = new MemoryLedger()
    const pending = new MemoryPending()
    await ledger.put(record())
    await pending.add({ orderId: '1390620512853-01', queuedAt: 'x', reason: 'http-503' })
    expect(await reindexPending(deps(ledger, pending, () => Promise.reject(new Error('md down'))))).toEqual({ reindexed: 0, failed: 1, dropped: 0 })
    expect(pending.entries.size).toBe(1)
  })

  it('stops when Master Data keeps refusing or its time is up, leaving the rest queued', async () => {
    const ledger = new MemoryLedger()
    const pending = new MemoryPending()
    for (let n = 0; n < 10; n++) {
      await ledger.put(record({ orderId: `o-${n}` }))
      await pending.add({ orderId: `o-${n}`, queuedAt: 'x', reason: 'http-503' })
    }
    let writes = 0
    const refusing = deps(ledger, pending, () => (writes++, Promise.reject(new Error('md down'))))
    expect(await reindexPending(refusing)).toEqual({ reindexed: 0, failed: 3, dropped: 0 })
    expect(writes).toBe(3)
    const working = { ...refusing, index: { write: async () => undefined } }
    expect(await reindexPending(working, { deadline: { remainingMs: () => 1_000 } })).toEqual({ reindexed: 0, failed: 0, dropped: 0 })
    expect(pending.entries.size).toBe(10)
  })
})
