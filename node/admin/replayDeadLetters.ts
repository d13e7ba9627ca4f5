import type { DestinationName } from '../destinations/destination'
import type { DeliveryResult } from '../delivery/pipeline'
import { fieldOf } from '../ledgerIndex/document'
import type { Condition } from '../ledgerIndex/where'
import type { IndexReader } from './indexReader'

/** One admin call stays well inside the service timeout. */
export const MAX_REPLAY = 100

export interface ReplaySummary {
  destination: DestinationName
  replayed: number
  sent: number
  dead: number
  failed: number
  /** Dead letters of this destination the index still lists after this replay (more than one call's worth, or not fixed). */
  remaining: number
}

const deadOf = (destination: DestinationName): Condition[] => [{ field: fieldOf(destination, 'Status'), equals: 'dead' }]

/**
 * "Replay all dead letters" of one destination: the newest MAX_REPLAY dead letters from the index,
 * handed to the pipeline's replay (which re-reads each record in the ledger, so a record already
 * sent, e.g. by a first click whose answer the index has not caught up with yet, is not sent again).
 */
export async function replayDeadLetters(
  index: IndexReader,
  destination: DestinationName,
  replay: (orderIds: string[]) => Promise<DeliveryResult[]>
): Promise<ReplaySummary> {
  const orderIds: string[] = []
  for (let page = 1; orderIds.length < MAX_REPLAY; page++) {
    const { documents } = await index.search({ conditions: deadOf(destination), sort: { field: fieldOf(destination, 'UpdatedAtMs'), descending: true }, page, pageSize: 100, fields: ['orderId'] })
    orderIds.push(...documents.map((document) => document.orderId))
    if (documents.length < 100) break
  }
  const results = orderIds.length > 0 ? await replay(orderIds.slice(0, MAX_REPLAY)) : []
  const count = (status: string) => results.filter((result) => result.status === status).length
  return {
    destination,
    replayed: results.length,
    sent: count('sent'),
    dead: count('dead'),
    failed: count('failed'),
    remaining: await index.count(deadOf(destination)),
  }
}
