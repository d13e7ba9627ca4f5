import { V1_SCHEMA as INDEX_SCHEMA } from './v1Schema'
import type { StandInReply } from '../../../lib/standIn'
import { Collection, type Predicate } from '../collection'
import { fieldsOf, masterDataV2StandIn } from '../standIn'
import { parseWhere } from '../where'

const ENTITY = 'adsevents_ads_events_deliveries'
const standIn = () => masterDataV2StandIn('mystore')

type Request = { method: string; path: string; params?: Record<string, string>; range?: string; body?: unknown }
async function call(md: ReturnType<typeof masterDataV2StandIn>, request: Request): Promise<StandInReply> {
  const url = new URL(`http://api.vtex.com/api/dataentities/${ENTITY}/${request.path}`)
  url.searchParams.set('an', 'mystore')
  for (const [name, value] of Object.entries(request.params ?? {})) url.searchParams.set(name, value)
  const headers: Record<string, string> = { vtexidclientautcookie: 'app-token' }
  if (request.range) headers['rest-range'] = request.range
  const reply = await md.handle({ method: request.method, url, headers, body: Buffer.from(request.body === undefined ? '' : JSON.stringify(request.body)) })
  if (!reply) throw new Error('no route')
  return reply
}

const doc = (n: number, changes: Record<string, unknown> = {}) => ({
  destination: ['vtexAds', 'impact', 'openai'][n % 3],
  orderId: `order-${n}`,
  status: ['sent', 'sent', 'skipped', 'dead', 'failed'][n % 5],
  reasonCode: null,
  reason: null,
  attempts: 1,
  mapped: true,
  hasSessionId: n % 2 === 0,
  hasUserId: true,
  hasImpactClickId: false,
  hasOppref: false,
  canceled: false,
  createdAtMs: 1_000 + n,
  updatedAtMs: 1_000 + n,
  statusAtMs: 1_000 + n,
  sentAtMs: null,
  orderCreatedAtMs: null,
  ...changes,
})

async function seeded(count: number) {
  const md = standIn()
  expect((await call(md, { method: 'PUT', path: 'schemas/v1', body: INDEX_SCHEMA })).status).toBe(200)
  for (let n = 0; n < count; n++) expect((await call(md, { method: 'PUT', path: `documents/d${n}`, params: { _schema: 'v1' }, body: doc(n) })).status).toBe(204)
  return md
}

const search = (md: ReturnType<typeof masterDataV2StandIn>, params: Record<string, string>, range = 'resources=0-10') =>
  call(md, { method: 'GET', path: 'search', params: { _schema: 'v1', _fields: 'id,orderId,status,updatedAtMs', ...params }, range })

describe('Master Data v2 stand-in over HTTP', () => {
  it('saves and returns the schema; refuses documents that do not match it', async () => {
    const md = await seeded(0)
    expect((await call(md, { method: 'GET', path: 'schemas/v1' })).body).toEqual(INDEX_SCHEMA)
    expect((await call(md, { method: 'GET', path: 'schemas/v9' })).status).toBe(404)
    const bad = await call(md, { method: 'PUT', path: 'documents/x', params: { _schema: 'v1' }, body: { ...doc(1), status: 'lost' } })
    expect(bad.status).toBe(400)
  })

  it('deletes a document by id (204): gone from reads and from every index; deleting it again is 404', async () => {
    const md = await seeded(10)
    const dead = async () => (await search(md, { _where: 'status=dead' }, 'resources=0-1')).headers?.['rest-content-range']
    expect(await dead()).toBe('resources 0-1/2')
    expect((await call(md, { method: 'DELETE', path: 'documents/d3' })).status).toBe(204)
    expect(await dead()).toBe('resources 0-1/1')
    expect((await call(md, { method: 'GET', path: 'documents/d3' })).status).toBe(404)
    expect((await call(md, { method: 'DELETE', path: 'documents/d3' })).status).toBe(404)
  })

  it('filters with AND, counts in REST-Content-Range, sorts newest first and pages', async () => {
    const md = await seeded(50)
    const dead = await search(md, { _where: 'status="dead" AND destination=vtexAds', _sort: 'updatedAtMs DESC' }, 'resources=0-2')
    // n % 5 === 3 and n % 3 === 0: 3, 18, 33, 48
    expect(dead.body).toEqual([
      { id: 'd48', orderId: 'order-48', status: 'dead', updatedAtMs: 1048 },
      { id: 'd33', orderId: 'order-33', status: 'dead', updatedAtMs: 1033 },
    ])
    expect(dead.headers?.['rest-content-range']).toBe('resources 0-2/4')
    const next = await search(md, { _where: 'status="dead" AND destination=vtexAds', _sort: 'updatedAtMs DESC' }, 'resources=2-4')
    expect((next.body as Array<{ id: string }>).map((d) => d.id)).toEqual(['d18', 'd3'])
    const recent = await search(md, { _where: 'updatedAtMs>1045 AND hasSessionId=true' })
    expect(recent.headers?.['rest-content-range']).toBe('resources 0-2/2')
    const range = await search(md, { _where: 'updatedAtMs between 1010 AND 1019' })
    expect(range.headers?.['rest-content-range']).toBe('resources 0-10/10')
  })

  it('a replaced document moves in every index', async () => {
    const md = await seeded(10)
    const before = await search(md, { _where: 'status=dead' }, 'resources=0-1')
    await call(md, { method: 'PUT', path: 'documents/d3', params: { _schema: 'v1' }, body: doc(3, { status: 'sent', updatedAtMs: 5_000, statusAtMs: 5_000 }) })
    const after = await search(md, { _where: 'status=dead' }, 'resources=0-1')
    expect([before.headers?.['rest-content-range'], after.headers?.['rest-content-range']]).toEqual(['resources 0-1/2', 'resources 0-1/1'])
    const newest = await search(md, { _sort: 'updatedAtMs DESC' }, 'resources=0-1')
    expect(newest.body).toEqual([{ id: 'd3', orderId: 'order-3', status: 'sent', updatedAtMs: 5000 }])
    expect((await call(md, { method: 'GET', path: 'documents/d3' })).body).toMatchObject({ id: 'd3', status: 'sent' })
  })

  it('refuses what the real service refuses or the sandbox cannot vouch for', async () => {
    const md = await seeded(3)
    const refused = async (params: Record<string, string>, range = 'resources=0-10') => {
      const reply = await search(md, params, range)
      return [reply.status, (reply.body as { Message: string }).Message]
    }
    expect(await refused({ _where: 'reason="x"' })).toEqual([400, "Field 'reason' is not indexed (v-indexed): cannot filter by it"])
    expect(await refused({ _where: 'nope=1' })).toEqual([400, "Field 'nope' not found in schema"])
    expect(await refused({ _where: 'status=dead OR status=sent' })).toEqual([400, 'expected AND near "OR status=sent"'])
    expect((await refused({ _where: '(status=dead)' }))[0]).toBe(400)
    expect((await refused({ _where: 'orderId=*1*' }))[0]).toBe(400)
    expect((await refused({ _sort: 'reason DESC' }))[0]).toBe(400)
    expect(await refused({}, 'resources=0-101')).toEqual([400, 'REST-Range: at most 100 documents per page'])
    expect(await refused({}, 'resources=10000-10010')).toEqual([400, 'REST-Range past 10000 documents: use scroll'])
    const noSchema = await call(md, { method: 'GET', path: 'search', params: { _where: 'status=dead' }, range: 'resources=0-1' })
    expect(noSchema.status).toBe(400)
    const noRange = await call(md, { method: 'GET', path: 'search', params: { _schema: 'v1' } })
    expect(noRange.status).toBe(400)
  })

  it('leaves v1 entities (CL) to the v1 stand-in and needs the app token', async () => {
    const md = standIn()
    const url = new URL('http://api.vtex.com/api/dataentities/CL/search?an=mystore')
    expect(await md.handle({ method: 'GET', url, headers: { vtexidclientautcookie: 't' }, body: Buffer.alloc(0) })).toBeUndefined()
    const anonymous = await md.handle({ method: 'GET', url: new URL(`http://api.vtex.com/api/dataentities/${ENTITY}/search?an=mystore`), headers: {}, body: Buffer.alloc(0) })
    expect(anonymous?.status).toBe(401)
  })
})

describe('the query engine agrees with a full scan', () => {
  // A deterministic pseudo-random generator: the same documents and queries on every run.
  let seed = 42
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)]

  it('on random documents, updates and queries (counts, order, pages)', () => {
    const collection = new Collection(fieldsOf(INDEX_SCHEMA as unknown as Record<string, unknown>))
    const truth = new Map<string, Record<string, unknown>>()
    const bulk = Array.from({ length: 3000 }, (_, n) => ({ id: `d${n}`, fields: doc(n, { updatedAtMs: Math.floor(random() * 10_000), status: pick(['sent', 'dead', 'failed', 'skipped']) }) }))
    collection.putMany(bulk)
    for (const { id, fields } of bulk) truth.set(id, fields)
    for (let i = 0; i < 500; i++) {
      const id = `d${Math.floor(random() * 3500)}`
      const fields = doc(i, { updatedAtMs: Math.floor(random() * 10_000), status: pick(['sent', 'dead', 'pending']), hasSessionId: random() < 0.5 })
      collection.put(id, fields)
      truth.set(id, fields)
    }
    expect(collection.count).toBe(truth.size)

    for (let i = 0; i < 300; i++) {
      const where: string[] = []
      if (random() < 0.6) where.push(`status=${pick(['sent', 'dead', 'failed', 'pending'])}`)
      if (random() < 0.5) where.push(`destination="${pick(['vtexAds', 'impact', 'openai'])}"`)
      if (random() < 0.5) where.push(`updatedAtMs>${Math.floor(random() * 10_000)}`)
      if (random() < 0.3) where.push(`hasSessionId=${random() < 0.5}`)
      if (random() < 0.2) where.push(`updatedAtMs between ${Math.floor(random() * 5_000)} AND ${5_000 + Math.floor(random() * 5_000)}`)
      const predicates = parseWhere(where.join(' AND '), collection)
      const descending = random() < 0.7
      const offset = Math.floor(random() * 30)
      const result = collection.query({ where: predicates, sort: { field: 'updatedAtMs', descending }, offset, limit: 20 })

      const expected = [...truth.entries()]
        .filter(([, fields]) => predicates.every((predicate) => holds(predicate, fields)))
        .sort(([, a], [, b]) => (descending ? -1 : 1) * ((a.updatedAtMs as number) - (b.updatedAtMs as number)))
      expect(result.total).toBe(expected.length)
      const values = result.docs.map((d) => collection.project(d, ['updatedAtMs']).updatedAtMs)
      expect(values).toEqual(expected.slice(offset, offset + 20).map(([, fields]) => fields.updatedAtMs))
    }
  })

  it('pages of many matches, walked along the sort index within a range of that field, either way', () => {
    const collection = new Collection(fieldsOf(INDEX_SCHEMA as unknown as Record<string, unknown>))
    // Every condition allows more than the 4,096 documents below which the engine sorts its matches instead.
    const bulk = Array.from({ length: 20_000 }, (_, n) => ({ id: `d${n}`, fields: doc(n, { updatedAtMs: Math.floor(random() * 100_000), status: pick(['sent', 'dead']) }) }))
    collection.putMany(bulk)
    for (let i = 0; i < 60; i++) {
      const from = Math.floor(random() * 20_000)
      const where = `status=${pick(['sent', 'dead'])} AND updatedAtMs between ${from} AND ${from + 50_000 + Math.floor(random() * 30_000)}${random() < 0.5 ? ` AND updatedAtMs>${from + 5_000}` : ''}`
      const predicates = parseWhere(where, collection)
      const descending = random() < 0.5
      const offset = Math.floor(random() * 300)
      const result = collection.query({ where: predicates, sort: { field: 'updatedAtMs', descending }, offset, limit: 100 })
      const expected = bulk
        .filter(({ fields }) => predicates.every((predicate) => holds(predicate, fields)))
        .sort((a, b) => (descending ? -1 : 1) * ((a.fields.updatedAtMs as number) - (b.fields.updatedAtMs as number)))
      expect(expected.length).toBeGreaterThan(4_096)
      expect(result.total).toBe(expected.length)
      expect(result.docs.map((d) => collection.project(d, ['updatedAtMs']).updatedAtMs)).toEqual(expected.slice(offset, offset + 100).map(({ fields }) => fields.updatedAtMs))
    }
  })
})

function holds(predicate: Predicate, fields: Record<string, unknown>): boolean {
  const value = fields[predicate.field]
  switch (predicate.op) {
    case 'eq':
      return value === predicate.value
    case 'ne':
      return value !== predicate.value
    case 'gt':
      return (value as number) > predicate.value
    case 'lt':
      return (value as number) < predicate.value
    case 'between':
      return (value as number) >= predicate.from && (value as number) <= predicate.to
    case 'isNull':
      return value === null
    case 'notNull':
      return value !== null
  }
}
