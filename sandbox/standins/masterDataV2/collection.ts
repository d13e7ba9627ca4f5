/**
 * The documents of one Master Data v2 data entity, stored the way a search engine keeps them so the
 * sandbox answers like the real service at a million documents: column per schema field, an
 * inverted index (value → documents) per indexed text/boolean field, a sorted index per indexed
 * numeric field. A query is driven by its most selective indexed condition; the rest are checked
 * on the columns; `_sort` walks the sorted index when many documents match. Nothing reads every
 * document unless the query asks for every document.
 */
export type FieldType = 'string' | 'number' | 'boolean'

export interface FieldSpec {
  name: string
  type: FieldType
  indexed: boolean
}

export type Scalar = string | number | boolean | null

export type Predicate =
  | { field: string; op: 'eq' | 'ne'; value: Scalar }
  | { field: string; op: 'gt' | 'lt'; value: number }
  | { field: string; op: 'between'; from: number; to: number }
  | { field: string; op: 'isNull' | 'notNull' }

export interface Query {
  where: Predicate[]
  sort?: { field: string; descending: boolean }
  offset: number
  limit: number
}

/** Visits one candidate document; false stops the visit. */
type Visitor = (doc: number) => boolean

/** Below this many candidates, matches are collected and sorted; above, `_sort` walks its index. */
const MATERIALIZE_AT_MOST = 4_096

class Growable<T extends Float64Array | Int8Array | Int32Array> {
  constructor(
    public data: T,
    private readonly make: (size: number) => T
  ) {}

  ensure(size: number) {
    if (size <= this.data.length) return
    const next = this.make(Math.max(size, this.data.length * 2))
    next.set(this.data)
    this.data = next
  }
}

/** Values of one numeric field in ascending (value, docNo) order. */
class SortedIndex {
  private values = new Growable(new Float64Array(1024), (n) => new Float64Array(n))
  private docs = new Growable(new Int32Array(1024), (n) => new Int32Array(n))
  length = 0

  /** First position whose (value, doc) is ≥ the given pair. */
  private lowerBound(value: number, doc: number): number {
    let lo = 0
    let hi = this.length
    const values = this.values.data
    const docs = this.docs.data
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (values[mid] < value || (values[mid] === value && docs[mid] < doc)) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** Positions [lo, hi) of values in the range; bounds inclusive unless told. */
  range(from: number, to: number, fromExclusive = false, toExclusive = false): [number, number] {
    const lo = fromExclusive ? this.lowerBound(from, 2 ** 31) : this.lowerBound(from, -1)
    const hi = toExclusive ? this.lowerBound(to, -1) : this.lowerBound(to, 2 ** 31)
    return [lo, Math.max(lo, hi)]
  }

  docAt(position: number): number {
    return this.docs.data[position]
  }

  insert(value: number, doc: number) {
    const at = this.lowerBound(value, doc)
    this.values.ensure(this.length + 1)
    this.docs.ensure(this.length + 1)
    this.values.data.copyWithin(at + 1, at, this.length)
    this.docs.data.copyWithin(at + 1, at, this.length)
    this.values.data[at] = value
    this.docs.data[at] = doc
    this.length++
  }

  remove(value: number, doc: number) {
    const at = this.lowerBound(value, doc)
    if (at >= this.length || this.docs.data[at] !== doc) return
    this.values.data.copyWithin(at, at + 1, this.length)
    this.docs.data.copyWithin(at, at + 1, this.length)
    this.length--
  }

  /** Replaces the whole index (bulk loads): one sort instead of a million inserts. */
  rebuild(pairs: Array<[number, number]> | { values: Float64Array; docs: Int32Array }) {
    const count = Array.isArray(pairs) ? pairs.length : pairs.docs.length
    const order = new Int32Array(count)
    for (let i = 0; i < count; i++) order[i] = i
    const valueOf = Array.isArray(pairs) ? (i: number) => pairs[i][0] : (i: number) => pairs.values[i]
    const docOf = Array.isArray(pairs) ? (i: number) => pairs[i][1] : (i: number) => pairs.docs[i]
    order.sort((a, b) => valueOf(a) - valueOf(b) || docOf(a) - docOf(b))
    this.values.ensure(count)
    this.docs.ensure(count)
    for (let i = 0; i < count; i++) {
      this.values.data[i] = valueOf(order[i])
      this.docs.data[i] = docOf(order[i])
    }
    this.length = count
  }
}

/** The documents holding one value, ascending: 4 bytes a document. */
class PostingList {
  private docs = new Growable(new Int32Array(8), (n) => new Int32Array(n))
  length = 0

  private position(doc: number): number {
    let lo = 0
    let hi = this.length
    const docs = this.docs.data
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (docs[mid] < doc) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  add(doc: number) {
    // Seeding appends in docNo order: no search, no shift.
    const at = this.length > 0 && this.docs.data[this.length - 1] < doc ? this.length : this.position(doc)
    if (at < this.length && this.docs.data[at] === doc) return
    this.docs.ensure(this.length + 1)
    this.docs.data.copyWithin(at + 1, at, this.length)
    this.docs.data[at] = doc
    this.length++
  }

  remove(doc: number) {
    const at = this.position(doc)
    if (at >= this.length || this.docs.data[at] !== doc) return
    this.docs.data.copyWithin(at, at + 1, this.length)
    this.length--
  }

  each(visit: Visitor) {
    const docs = this.docs.data
    for (let i = 0; i < this.length; i++) if (!visit(docs[i])) return
  }
}

/**
 * Value → documents for one indexed field. Most values of a unique field (an order id) have one
 * document: kept as the number itself, a list only from the second one.
 */
class Postings {
  private readonly byValue = new Map<Scalar, number | PostingList>()

  add(value: Scalar, doc: number) {
    const current = this.byValue.get(value)
    if (current === undefined) this.byValue.set(value, doc)
    else if (typeof current === 'number') {
      if (current === doc) return
      const list = new PostingList()
      list.add(current)
      list.add(doc)
      this.byValue.set(value, list)
    } else current.add(doc)
  }

  remove(value: Scalar, doc: number) {
    const current = this.byValue.get(value)
    if (current === doc) this.byValue.delete(value)
    else if (current instanceof PostingList) current.remove(doc)
  }

  size(value: Scalar): number {
    const current = this.byValue.get(value)
    return current === undefined ? 0 : typeof current === 'number' ? 1 : current.length
  }

  each(value: Scalar, visit: Visitor) {
    const current = this.byValue.get(value)
    if (typeof current === 'number') visit(current)
    else current?.each(visit)
  }
}

interface Column {
  get(doc: number): Scalar
  set(doc: number, value: Scalar): void
  ensure(size: number): void
  /** A test of `field = value` reading the column's own storage (a query runs it on thousands of documents). */
  equals(value: Scalar): (doc: number) => boolean
  /** Number columns: the value, NaN when null (every comparison with NaN is false). */
  numberAt?(doc: number): number
}

function numberColumn(): Column {
  const store = new Growable(new Float64Array(1024), (n) => new Float64Array(n).fill(NaN))
  store.data.fill(NaN)
  return {
    get: (doc) => (Number.isNaN(store.data[doc]) ? null : store.data[doc]),
    set: (doc, value) => void (store.data[doc] = typeof value === 'number' ? value : NaN),
    ensure: (size) => store.ensure(size),
    equals: (value) => (value === null ? (doc) => Number.isNaN(store.data[doc]) : (doc) => store.data[doc] === value),
    numberAt: (doc) => store.data[doc],
  }
}

function booleanColumn(): Column {
  const store = new Growable(new Int8Array(1024).fill(-1), (n) => new Int8Array(n).fill(-1))
  return {
    get: (doc) => (store.data[doc] === -1 ? null : store.data[doc] === 1),
    set: (doc, value) => void (store.data[doc] = value === null || value === undefined ? -1 : value ? 1 : 0),
    ensure: (size) => store.ensure(size),
    equals: (value) => {
      const code = value === true ? 1 : value === false ? 0 : value === null ? -1 : -2
      return (doc) => store.data[doc] === code
    },
  }
}

function valueColumn(): Column {
  const store: Scalar[] = []
  return {
    get: (doc) => store[doc] ?? null,
    set: (doc, value) => void (store[doc] = value ?? null),
    ensure: () => undefined,
    equals: (value) => (value === null ? (doc) => (store[doc] ?? null) === null : (doc) => store[doc] === value),
  }
}

export class QueryError extends Error {}

export class Collection {
  private readonly fields = new Map<string, FieldSpec>()
  private readonly columns = new Map<string, Column>()
  private readonly postings = new Map<string, Postings>()
  private readonly sorted = new Map<string, SortedIndex>()
  private readonly ids: string[] = []
  private readonly byId = new Map<string, number>()
  /** Fields outside the schema: kept without validation, as Master Data does. */
  private readonly extras: Array<Record<string, unknown> | undefined> = []
  private readonly alive: Growable<Int8Array> = new Growable(new Int8Array(1024), (n) => new Int8Array(n))
  private slots = 0
  count = 0

  constructor(fields: FieldSpec[]) {
    for (const field of fields) {
      this.fields.set(field.name, field)
      this.columns.set(field.name, field.type === 'number' ? numberColumn() : field.type === 'boolean' ? booleanColumn() : valueColumn())
      if (field.indexed && field.type === 'number') this.sorted.set(field.name, new SortedIndex())
      else if (field.indexed) this.postings.set(field.name, new Postings())
    }
  }

  field(name: string): FieldSpec | undefined {
    return this.fields.get(name)
  }

  /** Create or replace the document `id` (PUT documents/{id}). */
  put(id: string, document: Record<string, unknown>): void {
    const existing = this.byId.get(id)
    if (existing !== undefined) this.unindex(existing)
    const doc = existing ?? this.allocate(id)
    this.write(doc, document)
    this.index(doc)
  }

  /** Many documents at once (seeding, reindexing): the sorted indexes are rebuilt once at the end. */
  putMany(documents: Iterable<{ id: string; fields: Record<string, unknown> }>): void {
    for (const { id, fields } of documents) {
      const existing = this.byId.get(id)
      if (existing !== undefined) this.unindex(existing)
      const doc = existing ?? this.allocate(id)
      this.write(doc, fields)
      for (const [name, postings] of this.postings) postings.add(this.columns.get(name)!.get(doc), doc)
    }
    for (const [name, index] of this.sorted) {
      const column = this.columns.get(name)!
      const values: number[] = []
      const docs: number[] = []
      for (let doc = 0; doc < this.slots; doc++) {
        const value = this.alive.data[doc] ? column.get(doc) : null
        if (typeof value === 'number') {
          values.push(value)
          docs.push(doc)
        }
      }
      index.rebuild({ values: Float64Array.from(values), docs: Int32Array.from(docs) })
    }
  }

  get(id: string): Record<string, unknown> | undefined {
    const doc = this.byId.get(id)
    return doc === undefined ? undefined : this.project(doc, undefined)
  }

  delete(id: string): boolean {
    const doc = this.byId.get(id)
    if (doc === undefined) return false
    this.unindex(doc)
    this.alive.data[doc] = 0
    this.byId.delete(id)
    this.count--
    return true
  }

  /** Matching documents: the total, and the page asked for in `_sort` order. */
  query(query: Query): { total: number; docs: number[] } {
    for (const predicate of query.where) this.checkIndexed(predicate.field, 'filter')
    if (query.sort) {
      this.checkIndexed(query.sort.field, 'sort')
      if (!this.sorted.has(query.sort.field))
        throw new QueryError(`_sort on ${query.sort.field}: the sandbox sorts on indexed numeric fields only`)
    }
    const driver = this.plan(query.where)
    const others = query.where.filter((predicate) => predicate !== driver.predicate)
    const matches = this.allOf(others)
    const wanted = query.offset + query.limit

    // The total: the driver's documents that pass the other conditions (no check at all without any).
    let total = 0
    const collected: number[] = []
    const collect = !query.sort || driver.size <= MATERIALIZE_AT_MOST
    if (others.length === 0 && !(query.sort && collect)) {
      total = driver.size
      if (!query.sort) driver.each((doc) => collected.push(doc) < wanted)
    } else
      driver.each((doc) => {
        if (!matches(doc)) return true
        total++
        if (collect && (query.sort || collected.length < wanted)) collected.push(doc)
        return true
      })

    if (!query.sort) return { total, docs: collected.slice(query.offset, wanted) }
    if (collect) {
      const column = this.columns.get(query.sort.field)!
      const sign = query.sort.descending ? -1 : 1
      collected.sort((a, b) => sign * (((column.get(a) as number) ?? 0) - ((column.get(b) as number) ?? 0)) || sign * (a - b))
      return { total, docs: collected.slice(query.offset, wanted) }
    }
    // Many matches: walk the sort field's index in order until the page is full, only over the
    // positions a range on that same field allows (as a search engine seeks to the range's start).
    const sortField = query.sort.field
    const [lo, hi] = query.where
      .filter((predicate) => predicate.field === sortField)
      .map((predicate) => this.candidates(predicate))
      .reduce<[number, number]>(
        (bounds, candidate) =>
          candidate?.range ? [Math.max(bounds[0], candidate.range[0]), Math.min(bounds[1], candidate.range[1])] : bounds,
        [0, this.sorted.get(sortField)!.length]
      )
    const index = this.sorted.get(sortField)!
    const matchesAll = this.allOf(query.where)
    const page: number[] = []
    let seen = 0
    for (let i = 0; i < hi - lo && page.length < query.limit; i++) {
      const doc = index.docAt(query.sort.descending ? hi - 1 - i : lo + i)
      if (!matchesAll(doc)) continue
      if (seen++ >= query.offset) page.push(doc)
    }
    return { total, docs: page }
  }

  project(doc: number, fields: string[] | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    const names = fields ?? ['id', ...this.fields.keys(), ...Object.keys(this.extras[doc] ?? {})]
    for (const name of names) {
      if (name === 'id') out.id = this.ids[doc]
      else if (this.columns.has(name)) out[name] = this.columns.get(name)!.get(doc)
      else if (this.extras[doc] && name in this.extras[doc]!) out[name] = this.extras[doc]![name]
    }
    return out
  }

  private allocate(id: string): number {
    const doc = this.slots++
    this.alive.ensure(this.slots)
    for (const column of this.columns.values()) column.ensure(this.slots)
    this.alive.data[doc] = 1
    this.ids[doc] = id
    this.byId.set(id, doc)
    this.count++
    return doc
  }

  private write(doc: number, document: Record<string, unknown>) {
    let extra: Record<string, unknown> | undefined
    for (const [name, value] of Object.entries(document)) {
      if (name === 'id') continue
      const column = this.columns.get(name)
      if (column) column.set(doc, (value ?? null) as Scalar)
      else (extra ??= {})[name] = value
    }
    for (const [name, column] of this.columns) if (!(name in document)) column.set(doc, null)
    this.extras[doc] = extra
  }

  private index(doc: number) {
    for (const [name, postings] of this.postings) postings.add(this.columns.get(name)!.get(doc), doc)
    for (const [name, index] of this.sorted) {
      const value = this.columns.get(name)!.get(doc)
      if (typeof value === 'number') index.insert(value, doc)
    }
  }

  private unindex(doc: number) {
    for (const [name, postings] of this.postings) postings.remove(this.columns.get(name)!.get(doc), doc)
    for (const [name, index] of this.sorted) {
      const value = this.columns.get(name)!.get(doc)
      if (typeof value === 'number') index.remove(value, doc)
    }
  }

  private checkIndexed(name: string, use: 'filter' | 'sort') {
    const field = this.fields.get(name)
    if (!field) throw new QueryError(`Field '${name}' not found in schema`)
    if (!field.indexed) throw new QueryError(`Field '${name}' is not indexed (v-indexed): cannot ${use} by it`)
  }

  /** The condition with the fewest candidate documents, and how to visit them. */
  private plan(where: Predicate[]): { predicate?: Predicate; size: number; each(visit: Visitor): void } {
    let best: ReturnType<Collection['plan']> = {
      size: this.count,
      each: (visit) => {
        for (let doc = 0; doc < this.slots; doc++) if (this.alive.data[doc] && !visit(doc)) return
      },
    }
    for (const predicate of where) {
      const candidate = this.candidates(predicate)
      if (candidate && candidate.size < best.size) best = { predicate, ...candidate }
    }
    return best
  }

  /** The documents one condition allows, and for a range on a sorted field its positions in that index. */
  private candidates(predicate: Predicate): { size: number; range?: [number, number]; each(visit: Visitor): void } | undefined {
    const postings = this.postings.get(predicate.field)
    if (postings && predicate.op === 'eq') {
      const value = predicate.value
      return { size: postings.size(value), each: (visit) => postings.each(value, visit) }
    }
    const index = this.sorted.get(predicate.field)
    if (!index) return undefined
    let bounds: [number, number] | undefined
    if (predicate.op === 'eq' && typeof predicate.value === 'number') bounds = index.range(predicate.value, predicate.value)
    else if (predicate.op === 'gt') bounds = index.range(predicate.value, Infinity, true)
    else if (predicate.op === 'lt') bounds = index.range(-Infinity, predicate.value, false, true)
    else if (predicate.op === 'between') bounds = index.range(predicate.from, predicate.to)
    if (!bounds) return undefined
    const [lo, hi] = bounds
    return {
      size: hi - lo,
      range: bounds,
      each: (visit) => {
        for (let i = lo; i < hi; i++) if (!visit(index.docAt(i))) return
      },
    }
  }

  /** One test for all the predicates, each with its column looked up once (a query tests thousands of documents). */
  private allOf(predicates: Predicate[]): (doc: number) => boolean {
    const tests = predicates.map((predicate) => this.tester(predicate))
    if (tests.length === 0) return () => true
    if (tests.length === 1) return tests[0]
    return (doc) => {
      for (const test of tests) if (!test(doc)) return false
      return true
    }
  }

  private tester(predicate: Predicate): (doc: number) => boolean {
    const column = this.columns.get(predicate.field)!
    const numberAt = column.numberAt
    switch (predicate.op) {
      case 'eq':
        return column.equals(predicate.value)
      case 'ne': {
        const equals = column.equals(predicate.value)
        return (doc) => !equals(doc)
      }
      case 'gt': {
        const { value } = predicate
        return numberAt ? (doc) => numberAt(doc) > value : () => false
      }
      case 'lt': {
        const { value } = predicate
        return numberAt ? (doc) => numberAt(doc) < value : () => false
      }
      case 'between': {
        const { from, to } = predicate
        return numberAt
          ? (doc) => {
              const value = numberAt(doc)
              return value >= from && value <= to
            }
          : () => false
      }
      case 'isNull':
        return column.equals(null)
      case 'notNull': {
        const isNull = column.equals(null)
        return (doc) => !isNull(doc)
      }
    }
  }
}
