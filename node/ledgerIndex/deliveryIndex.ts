import type { MasterData } from '@vtex/api'
import type { DeliveryRecord } from '../deliveryStore/ledger'
import { INDEX_SCHEMA, INDEX_SCHEMA_NAME, indexEntityName, type IndexField } from './entity'
import { indexDocumentId, toIndexDocument, type IndexDocument } from './document'
import { whereOf, type Condition } from './where'

/** Master Data answers at most 100 documents per page (REST-Range). */
export const MAX_PAGE_SIZE = 100
/** Search pages past the first 10,000 documents need scroll (Master Data "search and scroll" guide). */
export const SEARCH_WINDOW = 10_000

export interface IndexSearch {
  conditions: Condition[]
  /** Numeric indexed field, newest first when `descending`. */
  sort?: { field: IndexField; descending: boolean }
  page: number
  pageSize: number
  fields?: Array<keyof IndexDocument>
}

export interface IndexPage {
  documents: IndexDocument[]
  total: number
}

/** The part of @vtex/api's MasterData client the index uses. */
export type IndexClient = Pick<
  MasterData,
  'getSchema' | 'createOrUpdateSchema' | 'updateEntireDocument' | 'searchDocumentsWithPaginationInfo'
>

const ALL_FIELDS = Object.keys(INDEX_SCHEMA.properties) as Array<keyof IndexDocument>
const schemaEnsured = new Map<string, Promise<void>>()

/**
 * The ledger's index in Master Data v2 (entity.ts): writes one document per ledger record, counts
 * through the search total (`REST-Content-Range`) and lists with `_sort` and pagination. VBase
 * stays the source of truth; this is a projection the admin can query without reading it all.
 */
export class DeliveryIndex {
  readonly dataEntity: string

  constructor(
    private readonly client: IndexClient,
    private readonly scope: { account: string; workspace: string },
    appId?: string
  ) {
    this.dataEntity = indexEntityName(appId)
  }

  /**
   * Creates the pinned schema when it is missing or differs, once per process and workspace (a
   * failed attempt is retried by the next call). An unchanged schema is never re-sent: saving a
   * schema revalidates and reindexes the entity's documents in the background.
   */
  ensureSchema(): Promise<void> {
    const key = `${this.scope.account}/${this.scope.workspace}/${this.dataEntity}`
    let ensured = schemaEnsured.get(key)
    if (!ensured) {
      ensured = this.createSchemaIfChanged()
      schemaEnsured.set(key, ensured)
      ensured.catch(() => schemaEnsured.delete(key))
    }
    return ensured
  }

  private async createSchemaIfChanged(): Promise<void> {
    const current = await this.client.getSchema<unknown>({ dataEntity: this.dataEntity, schema: INDEX_SCHEMA_NAME }).catch((error) => {
      if ((error as { response?: { status?: number } })?.response?.status === 404) return undefined
      throw error
    })
    if (current && sameIndexing(current, INDEX_SCHEMA)) return
    await this.client.createOrUpdateSchema({ dataEntity: this.dataEntity, schemaName: INDEX_SCHEMA_NAME, schemaBody: INDEX_SCHEMA })
  }

  /** Create-or-replace by id (PUT documents/{id}): writing the same record twice is harmless. */
  async write(record: DeliveryRecord): Promise<void> {
    await this.ensureSchema()
    await this.client.updateEntireDocument({
      dataEntity: this.dataEntity,
      id: indexDocumentId(record.destination, record.orderId),
      fields: toIndexDocument(record) as unknown as Record<string, unknown>,
      schema: INDEX_SCHEMA_NAME,
    })
  }

  async search(query: IndexSearch): Promise<IndexPage> {
    const pageSize = Math.min(Math.max(1, Math.floor(query.pageSize)), MAX_PAGE_SIZE)
    const page = Math.max(1, Math.floor(query.page))
    if (page * pageSize > SEARCH_WINDOW) throw new RangeError(`only the first ${SEARCH_WINDOW} matches can be paged: narrow the filter`)
    await this.ensureSchema()
    const answer = await this.client.searchDocumentsWithPaginationInfo<IndexDocument>({
      dataEntity: this.dataEntity,
      fields: query.fields ?? ALL_FIELDS,
      where: whereOf(query.conditions),
      sort: query.sort ? `${query.sort.field} ${query.sort.descending ? 'DESC' : 'ASC'}` : undefined,
      pagination: { page, pageSize },
      schema: INDEX_SCHEMA_NAME,
    })
    return { documents: answer.data, total: totalOf(answer.pagination.total) }
  }

  /** How many documents match: the search total of a one-document page. */
  async count(conditions: Condition[]): Promise<number> {
    return (await this.search({ conditions, page: 1, pageSize: 1, fields: ['orderId'] })).total
  }
}

/** Key order aside, what decides validation and indexing: properties, required and v-indexed. */
const stable = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(stable).join(',')}]`
    : value && typeof value === 'object'
      ? `{${Object.keys(value)
          .sort()
          .map((key) => `${JSON.stringify(key)}:${stable((value as Record<string, unknown>)[key])}`)
          .join(',')}}`
      : JSON.stringify(value)

export const sameIndexing = (saved: unknown, wanted: typeof INDEX_SCHEMA): boolean => {
  const current = (saved ?? {}) as Record<string, unknown>
  return (['properties', 'required', 'v-indexed'] as const).every((key) => stable(current[key]) === stable(wanted[key]))
}

function totalOf(total: number): number {
  if (!Number.isFinite(total)) throw new Error('Master Data answered without a REST-Content-Range total')
  return total
}
