import type { IndexSearch } from '../../ledgerIndex/orderIndex'
import type { OrderIndexDocument } from '../../ledgerIndex/document'
import { whereOf, type Condition } from '../../ledgerIndex/where'
import type { IndexReader } from '../indexReader'

/** An index over documents in memory, evaluating the conditions as Master Data's `_where` would (null matches no comparison). */
export function memoryIndex(documents: OrderIndexDocument[]) {
  const searches: IndexSearch[] = []
  const holds = (document: OrderIndexDocument, condition: Condition) => {
    const value = document[condition.field] as unknown
    if ('equals' in condition) return value === condition.equals
    if ('greaterThan' in condition) return typeof value === 'number' && value > condition.greaterThan
    if ('lessThan' in condition) return typeof value === 'number' && value < condition.lessThan
    return typeof value === 'number' && value >= condition.between[0] && value <= condition.between[1]
  }
  const matching = (conditions: Condition[]) => {
    whereOf(conditions) // the clause the real index would get must be buildable
    return documents.filter((document) => conditions.every((condition) => holds(document, condition)))
  }
  const index: IndexReader = {
    count: async (conditions) => {
      searches.push({ conditions, page: 1, pageSize: 1 })
      return matching(conditions).length
    },
    search: async (query) => {
      searches.push(query)
      const found = matching(query.conditions)
      if (query.sort) {
        const { field, descending } = query.sort
        found.sort((a, b) => (descending ? -1 : 1) * ((a[field] as number) - (b[field] as number)))
      }
      const start = (query.page - 1) * query.pageSize
      return { documents: found.slice(start, start + query.pageSize), total: found.length }
    },
  }
  return { index, searches }
}
