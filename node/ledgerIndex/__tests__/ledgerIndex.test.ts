import type { DeliveryRecord } from '../../deliveryStore/ledger'
import { MemoryLedger } from '../../deliveryStore/ledger'
import { indexEntityName, INDEX_SCHEMA, INDEX_SCHEMA_NAME } from '../entity'
import { indexDocumentId, reasonCodeOf, toIndexDocument } from '../document'
import { whereOf } from '../where'
import { DeliveryIndex, sameIndexing, type IndexClient } from '../deliveryIndex'
import { IndexedLedger } from '../indexedLedger'
import type { PendingEntry, PendingQueue } from '../pendingReindex'
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

  it('indexes only fields the schema declares', () => {
    for (const field of INDEX_SCHEMA['v-indexed']) expect(Object.keys(INDEX_SCHEMA.properties)).toContain(field)
  })

  it('tells a saved schema that indexes the same from one that does not, key order aside', () => {
    const reordered = JSON.parse(JSON.stringify({ 'v-indexed': INDEX_SCHEMA['v-indexed'], required: INDEX_SCHEMA.required, properties: INDEX_SCHEMA.properties, extra: 1 }))
    expect(sameIndexing(reordered, INDEX_SCHEMA)).toBe(true)
    expect(sameIndexing({ ...reordered, 'v-indexed': ['status'] }, INDEX_SCHEMA)).toBe(false)
    expect(sameIndexing(undefined, INDEX_SCHEMA)).toBe(false)
  })
})

describe('index document', () => {
  it('holds flags, codes and epoch milliseconds: no identifier values', () => {
    expect(toIndexDocument(record())).toEqual({
      destination: 'vtexAds',
      orderId: '1390620512853-01',
      status: 'sent',
      reasonCode: null,
      reason: null,
      attempts: 1,
      mapped: true,
      hasSessionId: true,
      hasUserId: true,
      hasImpactClickId: false,
      hasOppref: true,
      canceled: false,
      createdAtMs: Date.parse('2026-11-20T14:31:09.000Z'),
      updatedAtMs: Date.parse('2026-11-20T14:31:10.000Z'),
      statusAtMs: Date.parse('2026-11-20T14:31:10.000Z'),
      sentAtMs: Date.parse('2026-11-20T14:31:10.000Z'),
      orderCreatedAtMs: Date.parse('2026-11-20T14:31:08.000Z'),
    })
  })

  it('a sent record keeps its sending time as status time when a cancellation updates it later', () => {
    const canceled = toIndexDocument(record({ canceledAt: '2026-11-22T10:00:00.000Z', updatedAt: '2026-11-22T10:00:00.000Z' }))
    expect(canceled).toMatchObject({ canceled: true, statusAtMs: Date.parse('2026-11-20T14:31:10.000Z'), updatedAtMs: Date.parse('2026-11-22T10:00:00.000Z') })
  })

  it('an unmapped record (order unreadable) is not counted as carrying any id', () => {
    expect(toIndexDocument(record({ status: 'failed', identity: undefined, reason: 'order-unreadable: http-503' }))).toMatchObject({
      mapped: false,
      hasSessionId: false,
      reasonCode: 'order-unreadable',
    })
  })

  it('reason codes are the text before the first colon', () => {
    expect(reasonCodeOf('no-identity: the order has no valid session_id')).toBe('no-identity')
    expect(reasonCodeOf('canceled-before-send')).toBe('canceled-before-send')
    expect(reasonCodeOf(undefined)).toBeNull()
  })

  it('document ids are safe path segments', () => {
    expect(indexDocumentId('openai', '1390620512853-01')).toBe('openai-1390620512853-01')
    expect(indexDocumentId('openai', 'SLR/12 3')).toBe('openai-SLR_12_3')
  })
})

describe('where clauses', () => {
  it('joins typed conditions with AND, quoting text', () => {
    expect(whereOf([{ field: 'destination', equals: 'vtexAds' }, { field: 'mapped', equals: true }, { field: 'statusAtMs', greaterThan: 1700000000000 }])).toBe(
      'destination="vtexAds" AND mapped=true AND statusAtMs>1700000000000'
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
function fakeClient(options: { savedSchema?: unknown; total?: number; failWrites?: number } = {}) {
  const calls: Array<{ method: string; args: Record<string, unknown> }> = []
  let failures = options.failWrites ?? 0
  const client: IndexClient = {
    getSchema: (async (args: Record<string, unknown>) => {
      calls.push({ method: 'getSchema', args })
      if (options.savedSchema === undefined) throw Object.assign(new Error('Not Found'), { response: { status: 404 } })
      return options.savedSchema
    }) as unknown as IndexClient['getSchema'],
    createOrUpdateSchema: (async (args: Record<string, unknown>) => {
      calls.push({ method: 'createOrUpdateSchema', args })
    }) as unknown as IndexClient['createOrUpdateSchema'],
    updateEntireDocument: async (args) => {
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

describe('DeliveryIndex on Master Data v2', () => {
  it('creates its pinned schema once per process and workspace, then writes documents by id', async () => {
    const { client, calls } = fakeClient()
    const index = new DeliveryIndex(client, scope(), 'adsevents.ads-events@0.1.0')
    await Promise.all([index.write(record()), index.write(record({ destination: 'impact' }))])
    expect(calls.map((call) => call.method)).toEqual(['getSchema', 'createOrUpdateSchema', 'updateEntireDocument', 'updateEntireDocument'])
    expect(calls[1].args).toEqual({ dataEntity: 'adsevents_ads_events_deliveries', schemaName: INDEX_SCHEMA_NAME, schemaBody: INDEX_SCHEMA })
    expect(calls[2].args).toMatchObject({ dataEntity: 'adsevents_ads_events_deliveries', id: 'vtexAds-1390620512853-01', schema: 'v1', fields: { status: 'sent' } })
  })

  it('leaves an identical saved schema alone (saving one revalidates every document)', async () => {
    const { client, calls } = fakeClient({ savedSchema: JSON.parse(JSON.stringify(INDEX_SCHEMA)) })
    await new DeliveryIndex(client, scope(), 'adsevents.ads-events@0.1.0').ensureSchema()
    expect(calls.map((call) => call.method)).toEqual(['getSchema'])
  })

  it('counts through the search total of a one-document page', async () => {
    const { client, calls } = fakeClient({ total: 1234 })
    const index = new DeliveryIndex(client, scope(), 'adsevents.ads-events@0.1.0')
    expect(await index.count([{ field: 'status', equals: 'dead' }])).toBe(1234)
    expect(calls.pop()?.args).toEqual({
      dataEntity: 'adsevents_ads_events_deliveries',
      fields: ['orderId'],
      where: 'status="dead"',
      sort: undefined,
      pagination: { page: 1, pageSize: 1 },
      schema: 'v1',
    })
  })

  it('lists newest first with _sort, at most 100 per page, and only inside the 10,000 search window', async () => {
    const { client, calls } = fakeClient({ total: 5 })
    const index = new DeliveryIndex(client, scope(), 'adsevents.ads-events@0.1.0')
    await index.search({ conditions: [], sort: { field: 'updatedAtMs', descending: true }, page: 2, pageSize: 500 })
    expect(calls.pop()?.args).toMatchObject({ sort: 'updatedAtMs DESC', pagination: { page: 2, pageSize: 100 } })
    await expect(index.search({ conditions: [], page: 101, pageSize: 100 })).rejects.toThrow(/first 10000/)
  })
})

class MemoryPending implements PendingQueue {
  readonly entries = new Map<string, PendingEntry>()
  failAdds = false
  async add(entry: PendingEntry) {
    if (this.failAdds) throw new Error('vbase down')
    this.entries.set(`${entry.destination}:${entry.orderId}`, entry)
  }
  async list(limit: number) {
    return [...this.entries.values()].slice(0, limit)
  }
  async remove(destination: string, orderId: string) {
    this.entries.delete(`${destination}:${orderId}`)
  }
}

describe('IndexedLedger', () => {
  const setup = (write: (record: DeliveryRecord) => Promise<void>) => {
    const ledger = new MemoryLedger()
    const pending = new MemoryPending()
    const logs: Array<Record<string, unknown>> = []
    const indexed = new IndexedLedger(ledger, { write }, pending, { warn: (entry) => logs.push(entry) }, { timeoutMs: 50, now: () => Date.parse('2026-11-23T10:00:00Z') })
    return { ledger, pending, logs, indexed }
  }

  it('writes the ledger, then the index', async () => {
    const written: DeliveryRecord[] = []
    const { ledger, indexed, pending } = setup(async (r) => void written.push(r))
    await indexed.put(record())
    expect(await ledger.get('vtexAds', '1390620512853-01')).toEqual(record())
    expect(written).toEqual([record()])
    expect(pending.entries.size).toBe(0)
    expect(await indexed.get('vtexAds', '1390620512853-01')).toEqual(record())
  })

  it('an index failure never fails the delivery: the record is queued for the reindex', async () => {
    const { ledger, indexed, pending, logs } = setup(() => Promise.reject(Object.assign(new Error('Service Unavailable'), { response: { status: 503 } })))
    await expect(indexed.put(record())).resolves.toBeUndefined()
    expect(await ledger.get('vtexAds', '1390620512853-01')).toEqual(record())
    expect([...pending.entries.values()]).toEqual([{ destination: 'vtexAds', orderId: '1390620512853-01', queuedAt: '2026-11-23T10:00:00.000Z', reason: 'http-503' }])
    expect(logs).toEqual([{ message: 'index-write-queued', destination: 'vtexAds', orderId: '1390620512853-01', reason: 'http-503' }])
  })

  it('a hanging index is given up after the timeout and queued', async () => {
    const { indexed, pending } = setup(() => new Promise<void>(() => undefined))
    await indexed.put(record())
    expect(pending.entries.get('vtexAds:1390620512853-01')?.reason).toBe('index write took over 50 ms')
  })

  it('a ledger failure is the delivery failure: nothing is indexed', async () => {
    const written: DeliveryRecord[] = []
    const { ledger, indexed } = setup(async (r) => void written.push(r))
    ledger.put = () => Promise.reject(new Error('vbase down'))
    await expect(indexed.put(record())).rejects.toThrow('vbase down')
    expect(written).toEqual([])
  })

  it('when the queue refuses too, the delivery still succeeds and the loss is logged', async () => {
    const { indexed, pending, logs } = setup(() => Promise.reject(new Error('md down')))
    pending.failAdds = true
    await expect(indexed.put(record())).resolves.toBeUndefined()
    expect(logs.map((entry) => entry.message)).toEqual(['index-write-lost'])
  })
})

describe('reindexPending', () => {
  it('indexes queued records as the ledger holds them now, dequeues them, and is a no-op the second time', async () => {
    const ledger = new MemoryLedger()
    const pending = new MemoryPending()
    await ledger.put(record({ status: 'dead', reason: 'http-422: unknown publisher' }))
    await pending.add({ destination: 'vtexAds', orderId: '1390620512853-01', queuedAt: 'x', reason: 'http-503' })
    await pending.add({ destination: 'impact', orderId: 'gone-01', queuedAt: 'x', reason: 'http-503' })
    const written: DeliveryRecord[] = []
    const deps = { ledger, pending, index: { write: async (r: DeliveryRecord) => void written.push(r) }, logger: { info: () => undefined, warn: () => undefined } }
    expect(await reindexPending(deps)).toEqual({ reindexed: 1, failed: 0, dropped: 1 })
    expect(written.map((r) => r.status)).toEqual(['dead'])
    expect(pending.entries.size).toBe(0)
    expect(await reindexPending(deps)).toEqual({ reindexed: 0, failed: 0, dropped: 0 })
  })

  it('keeps what the index still refuses for the next run', async () => {
    const ledger = new MemoryLedger()
    const pending = new MemoryPending()
    await ledger.put(record())
    await pending.add({ destination: 'vtexAds', orderId: '1390620512853-01', queuedAt: 'x', reason: 'http-503' })
    const deps = { ledger, pending, index: { write: () => Promise.reject(new Error('md down')) }, logger: { info: () => undefined, warn: () => undefined } }
    expect(await reindexPending(deps)).toEqual({ reindexed: 0, failed: 1, dropped: 0 })
    expect(pending.entries.size).toBe(1)
  })

  it('stops when Master Data keeps refusing or its time is up, leaving the rest queued', async () => {
    const ledger = new MemoryLedger()
    const pending = new MemoryPending()
    for (let n = 0; n < 10; n++) {
      await ledger.put(record({ orderId: `o-${n}` }))
      await pending.add({ destination: 'vtexAds', orderId: `o-${n}`, queuedAt: 'x', reason: 'http-503' })
    }
    let writes = 0
    const refusing = { ledger, pending, index: { write: () => (writes++, Promise.reject(new Error('md down'))) }, logger: { info: () => undefined, warn: () => undefined } }
    expect(await reindexPending(refusing)).toEqual({ reindexed: 0, failed: 3, dropped: 0 })
    expect(writes).toBe(3)
    const working = { ...refusing, index: { write: async () => undefined } }
    expect(await reindexPending(working, { deadline: { remainingMs: () => 1_000 } })).toEqual({ reindexed: 0, failed: 0, dropped: 0 })
    expect(pending.entries.size).toBe(10)
  })
})
