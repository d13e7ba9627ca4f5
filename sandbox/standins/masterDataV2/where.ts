import { QueryError, type Collection, type Predicate, type Scalar } from './collection'

/**
 * The part of Master Data's `_where` syntax (Master Data API v2, search: "Query examples") the
 * sandbox evaluates: `field=value` (quoted or not), `field<>value`, `number>5`, `number<5`,
 * `field between a AND b`, `field is null`, `field is not null`, joined with AND. OR, parentheses
 * and wildcards are refused with 400: the app never sends them, and a silent guess would hide it.
 */
const CONDITION =
  /^([A-Za-z_][A-Za-z0-9_.]*)\s*(?:(<>|=|>|<)\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^\s()"']+)|\s+between\s+(\S+)\s+AND\s+(\S+)|\s+is\s+(not\s+)?null)/i

export function parseWhere(where: string | null, collection: Collection): Predicate[] {
  const predicates: Predicate[] = []
  let rest = (where ?? '').trim()
  while (rest.length > 0) {
    if (/^[(]|^OR\b/i.test(rest)) throw new QueryError('the sandbox evaluates conditions joined with AND only (no OR, no parentheses)')
    const match = CONDITION.exec(rest)
    if (!match) throw new QueryError(`cannot parse _where near "${rest.slice(0, 40)}"`)
    const [whole, field, operator, rawValue, from, to, not] = match
    const spec = collection.field(field)
    if (!spec) throw new QueryError(`Field '${field}' not found in schema`)
    if (operator) {
      const value = typed(unquote(rawValue), spec.type, field)
      if (operator === '=' || operator === '<>') predicates.push({ field, op: operator === '=' ? 'eq' : 'ne', value })
      else if (typeof value !== 'number') throw new QueryError(`${field}${operator}…: comparisons need a numeric field`)
      else predicates.push({ field, op: operator === '>' ? 'gt' : 'lt', value })
    } else if (from !== undefined) {
      const range = [typed(from, spec.type, field), typed(to, spec.type, field)]
      if (typeof range[0] !== 'number' || typeof range[1] !== 'number') throw new QueryError(`${field} between: the sandbox ranges numeric fields only`)
      predicates.push({ field, op: 'between', from: range[0], to: range[1] })
    } else predicates.push({ field, op: not ? 'notNull' : 'isNull' })
    rest = rest.slice(whole.length).trim()
    if (rest.length === 0) break
    const and = /^AND\s+/i.exec(rest)
    if (!and) throw new QueryError(`expected AND near "${rest.slice(0, 40)}"`)
    rest = rest.slice(and[0].length)
  }
  return predicates
}

const unquote = (raw: string): string =>
  raw.startsWith('"') ? JSON.parse(raw) : raw.startsWith("'") ? raw.slice(1, -1) : raw

function typed(raw: string, type: string, field: string): Scalar {
  if (raw.includes('*')) throw new QueryError('wildcard (partial) filters are not evaluated by the sandbox')
  if (type === 'boolean') {
    if (raw !== 'true' && raw !== 'false') throw new QueryError(`${field} is boolean: true or false`)
    return raw === 'true'
  }
  if (type === 'number') {
    const value = Number(raw)
    if (raw.trim() === '' || !Number.isFinite(value)) throw new QueryError(`${field} is numeric: "${raw}" is not a number`)
    return value
  }
  return raw
}
