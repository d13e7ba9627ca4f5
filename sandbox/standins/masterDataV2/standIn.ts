import Ajv, { type ValidateFunction } from 'ajv'
import { json, type StandIn, type StandInReply, type StandInRequest } from '../../lib/standIn'
import { Collection, QueryError, type FieldSpec, type FieldType } from './collection'
import { parseWhere } from './where'
import type { SandboxState } from '../../state'

/**
 * Master Data v2 as @vtex/api's MasterData client reaches it (`http://api.vtex.com/api/dataentities/
 * {entity}/…?an={account}`, app token in VtexIdclientAutCookie), for the entities an app owns:
 * - `PUT|GET schemas/{name}`: JSON Schema with `v-indexed`; saving one (re)indexes the documents;
 * - `PUT documents/{id}?_schema=`: create or replace, validated against the schema (400), 204;
 *   `GET documents/{id}`; `DELETE documents/{id}` (204; 404 when there is none);
 * - `GET search?_schema&_where&_fields&_sort` with `REST-Range: resources=a-b` (at most 100, inside
 *   the first 10,000) → the page and `REST-Content-Range: resources a-b/total`.
 * Filters and sorts need indexed fields. Searches here see a write at once; the real search is
 * eventually consistent (Master Data "Data consistency": search and scroll).
 * v1 entities (CL, AD) are left to the v1 stand-in. Failures injected for `masterdata-v2` answer first.
 */
const V1_ENTITIES = new Set(['CL', 'AD'])
const ROUTE = /^\/api\/dataentities\/([A-Za-z0-9_]+)\/(schemas|documents|search)(?:\/([^/]+))?$/
export const PAGE_LIMIT = 100
export const SEARCH_WINDOW = 10_000

interface Entity {
  schemas: Map<string, { body: Record<string, unknown>; validate: ValidateFunction }>
  collection?: Collection
}

const ajv = new Ajv({ strict: false, allErrors: true })

const typeOf = (property: { type?: unknown }): FieldType => {
  const types = ([] as unknown[]).concat(property?.type ?? 'string').filter((type) => type !== 'null')
  if (types.includes('integer') || types.includes('number')) return 'number'
  return types.includes('boolean') ? 'boolean' : 'string'
}

export function fieldsOf(schema: Record<string, unknown>): FieldSpec[] {
  const properties = (schema.properties ?? {}) as Record<string, { type?: unknown }>
  const indexed = new Set((schema['v-indexed'] as string[] | undefined) ?? [])
  return Object.entries(properties).map(([name, property]) => ({ name, type: typeOf(property), indexed: indexed.has(name) }))
}

export interface MasterDataV2StandIn extends StandIn {
  entities: Map<string, Entity>
  /** The entity's documents, for seeding (bench) and for tests that compare with the ledger. */
  collection(entity: string): Collection | undefined
  saveSchema(entity: string, name: string, body: Record<string, unknown>): void
}

/** `state`: failures injected for `masterdata-v2` (e.g. 503) answer the next requests. */
export function masterDataV2StandIn(account: string, state?: SandboxState): MasterDataV2StandIn {
  const entities = new Map<string, Entity>()
  const entityOf = (name: string) => {
    let entity = entities.get(name)
    if (!entity) entities.set(name, (entity = { schemas: new Map() }))
    return entity
  }

  const saveSchema = (name: string, schemaName: string, body: Record<string, unknown>) => {
    const entity = entityOf(name)
    entity.schemas.set(schemaName, { body, validate: ajv.compile(body) })
    // Saving a schema revalidates and reindexes the entity's documents (in the background on VTEX).
    const next = new Collection(fieldsOf(body))
    const previous = entity.collection
    if (previous) {
      const ids = previous.query({ where: [], offset: 0, limit: previous.count }).docs
      next.putMany(ids.map((doc) => previous.project(doc, undefined)).map(({ id, ...fields }) => ({ id: String(id), fields })))
    }
    entity.collection = next
  }

  const search = (entity: Entity, { url, headers }: StandInRequest): StandInReply => {
    const schemaName = url.searchParams.get('_schema')
    if ((url.searchParams.has('_where') || url.searchParams.has('_fields')) && !schemaName)
      return json(400, { Message: '_schema is required when using _where or _fields' })
    if (schemaName && !entity.schemas.has(schemaName)) return json(400, { Message: `Schema '${schemaName}' not found` })
    const range = /^resources=(\d+)-(\d+)$/.exec(String(headers['rest-range'] ?? ''))
    if (!range) return json(400, { Message: 'REST-Range header required: resources={from}-{to}' })
    const [from, to] = [Number(range[1]), Number(range[2])]
    if (to <= from || to - from > PAGE_LIMIT) return json(400, { Message: `REST-Range: at most ${PAGE_LIMIT} documents per page` })
    if (to > SEARCH_WINDOW) return json(400, { Message: `REST-Range past ${SEARCH_WINDOW} documents: use scroll` })
    const collection = entity.collection
    if (!collection) return json(200, [], { 'rest-content-range': `resources 0-0/0` })
    const sortText = url.searchParams.get('_sort')
    const sort = sortText ? /^(\S+)\s+(ASC|DESC)$/i.exec(sortText.trim()) : undefined
    if (sortText && !sort) return json(400, { Message: `_sort must be "field ASC" or "field DESC"` })
    const fieldsText = url.searchParams.get('_fields')
    const fields = !fieldsText || fieldsText === '_all' ? undefined : fieldsText.split(',').map((field) => field.trim()).filter(Boolean)
    const { total, docs } = collection.query({
      where: parseWhere(url.searchParams.get('_where'), collection),
      sort: sort ? { field: sort[1], descending: sort[2].toUpperCase() === 'DESC' } : undefined,
      offset: from,
      limit: to - from,
    })
    const page = docs.map((doc) => collection.project(doc, fields))
    return json(200, page, { 'rest-content-range': `resources ${from}-${from + page.length}/${total}` })
  }

  const putDocument = (entity: Entity, id: string, { url, body }: StandInRequest): StandInReply => {
    const schemaName = url.searchParams.get('_schema')
    const schema = schemaName ? entity.schemas.get(schemaName) : undefined
    if (schemaName && !schema) return json(400, { Message: `Schema '${schemaName}' not found` })
    let fields: Record<string, unknown>
    try {
      fields = JSON.parse(body.toString('utf8'))
    } catch {
      return json(400, { Message: 'Invalid JSON' })
    }
    if (schema && !schema.validate(fields)) return json(400, { Message: 'Document does not match the schema', Errors: schema.validate.errors })
    if (!entity.collection) entity.collection = new Collection(schema ? fieldsOf(schema.body) : [])
    entity.collection.put(decodeURIComponent(id), fields)
    return { status: 204 }
  }

  return {
    name: 'masterdata-v2',
    hosts: ['api.vtex.com'],
    entities,
    collection: (name) => entities.get(name)?.collection,
    saveSchema,
    handle(request) {
      const { method, url, headers } = request
      const route = ROUTE.exec(url.pathname)
      if (!route || V1_ENTITIES.has(route[1])) return undefined
      if (!headers['vtexidclientautcookie']) return json(401, { Message: 'Unauthorized' })
      if (url.searchParams.get('an') !== account) return json(404, { Message: `account ${url.searchParams.get('an')} not found` })
      const [, name, kind, id] = route
      const injected = state?.takeInjectedFailure('masterdata-v2')
      if (injected) return json(injected, { Message: `sandbox: injected ${injected}` })
      try {
        if (kind === 'schemas' && id && method === 'PUT') {
          saveSchema(name, decodeURIComponent(id), JSON.parse(request.body.toString('utf8')))
          return json(200, { Message: 'JSON Schema persisted successfully. Revalidation and indexing process running in background.' })
        }
        const entity = entities.get(name)
        if (kind === 'schemas' && id && method === 'GET') {
          const schema = entity?.schemas.get(decodeURIComponent(id))
          return schema ? json(200, schema.body) : json(404, { Message: `Schema '${id}' not found` })
        }
        if (kind === 'documents' && id && method === 'PUT') return putDocument(entity ?? entityOf(name), id, request)
        if (kind === 'documents' && id && method === 'DELETE')
          return entity?.collection?.delete(decodeURIComponent(id)) ? { status: 204 } : json(404, { Message: 'Document not found' })
        if (kind === 'documents' && id && method === 'GET') {
          const document = entity?.collection?.get(decodeURIComponent(id))
          return document ? json(200, document) : json(404, { Message: 'Document not found' })
        }
        if (kind === 'search' && !id && method === 'GET') return entity ? search(entity, request) : json(404, { Message: `Data entity '${name}' not found` })
      } catch (error) {
        if (error instanceof QueryError || error instanceof SyntaxError) return json(400, { Message: error.message })
        throw error
      }
      return undefined
    },
    describe: ({ method, url }, reply) =>
      `${method} ${url.pathname.replace(/^\/api\/dataentities\//, '')}${url.searchParams.get('_where') ? ` where ${url.searchParams.get('_where')}` : ''} → ${reply.status}${reply.headers?.['rest-content-range'] ? ` (${reply.headers['rest-content-range'].split('/')[1]} match)` : ''}`,
  }
}
