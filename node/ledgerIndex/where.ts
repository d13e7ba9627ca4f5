import type { IndexField } from './entity'

/**
 * Master Data `_where` clauses, built from typed conditions only (the client sends `where` as is,
 * with no escaping): values are validated here so no input can widen a query. Only the documented
 * forms are used: `field=value`, `number>5`, `number<5`, `age between 18 AND 25` and `AND`
 * (Master Data API v2, search: "Query examples").
 */
export type Condition =
  | { field: IndexField; equals: string | boolean | number }
  | { field: IndexField; greaterThan: number }
  | { field: IndexField; lessThan: number }
  /** Both bounds included, as the documented `age between 18 AND 25`: one range, so one index walk. */
  | { field: IndexField; between: [number, number] }

const SAFE_TEXT = /^[A-Za-z0-9._:~-]{1,128}$/

function term(condition: Condition): string {
  if ('greaterThan' in condition) return `${condition.field}>${integer(condition.greaterThan)}`
  if ('lessThan' in condition) return `${condition.field}<${integer(condition.lessThan)}`
  if ('between' in condition) return `${condition.field} between ${integer(condition.between[0])} AND ${integer(condition.between[1])}`
  const { equals } = condition
  if (typeof equals === 'boolean') return `${condition.field}=${equals}`
  if (typeof equals === 'number') return `${condition.field}=${integer(equals)}`
  if (!SAFE_TEXT.test(equals)) throw new RangeError(`unsafe value for ${condition.field}`)
  return `${condition.field}="${equals}"`
}

function integer(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer: ${value}`)
  return String(value)
}

/** undefined when there is no condition (Master Data then matches every document). */
export const whereOf = (conditions: Condition[]): string | undefined =>
  conditions.length === 0 ? undefined : conditions.map(term).join(' AND ')

export const isSafeText = (value: string): boolean => SAFE_TEXT.test(value)
