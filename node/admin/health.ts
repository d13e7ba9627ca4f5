import type { DestinationName } from '../destinations/destination'
import type { DeliveryStatus } from '../deliveryStore/ledger'
import type { Condition } from '../ledgerIndex/where'
import { DAY_MS, HOUR_MS, type IndexReader } from './indexReader'

/** The statuses the Health view counts: pending is a delivery in progress, not an outcome. */
export const COUNTED_STATUSES = ['sent', 'skipped', 'dead', 'failed'] as const
type CountedStatus = (typeof COUNTED_STATUSES)[number]
export type StatusCounts = Record<CountedStatus, number>

export interface DestinationHealth {
  destination: DestinationName
  enabled: boolean
  last24h: StatusCounts
  last7d: StatusCounts
  lastSuccessAt?: string
  /** Failed and dead deliveries whose outcome came in the last hour. */
  failuresLastHour: number
  sentLastHour: number
  alert: boolean
}

export interface Health {
  generatedAt: string
  destinations: DestinationHealth[]
}

/**
 * The alert line: in the last hour the destination had only failures (failed or dead) and no
 * success. A quiet hour (no order) is no alert; one success clears it.
 */
export const onlyFailedForAnHour = (counts: { failuresLastHour: number; sentLastHour: number }): boolean =>
  counts.failuresLastHour > 0 && counts.sentLastHour === 0

const since = (field: 'statusAtMs', ms: number): Condition => ({ field, greaterThan: ms })
const of = (destination: DestinationName, status: DeliveryStatus, fromMs: number): Condition[] => [
  { field: 'destination', equals: destination },
  { field: 'status', equals: status },
  since('statusAtMs', fromMs),
]

async function countsSince(index: IndexReader, destination: DestinationName, fromMs: number): Promise<StatusCounts> {
  const totals = await Promise.all(COUNTED_STATUSES.map((status) => index.count(of(destination, status, fromMs))))
  return Object.fromEntries(COUNTED_STATUSES.map((status, i) => [status, totals[i]])) as StatusCounts
}

async function lastSuccessAt(index: IndexReader, destination: DestinationName): Promise<string | undefined> {
  const { documents } = await index.search({
    conditions: [
      { field: 'destination', equals: destination },
      { field: 'status', equals: 'sent' },
    ],
    sort: { field: 'statusAtMs', descending: true },
    page: 1,
    pageSize: 1,
    fields: ['statusAtMs'],
  })
  const at = documents[0]?.statusAtMs
  return typeof at === 'number' ? new Date(at).toISOString() : undefined
}

/** Every figure of the Health view, each one count (search total) on the index: no record is read. */
export async function readHealth(index: IndexReader, destinations: Array<{ name: DestinationName; enabled: boolean }>, nowMs: number): Promise<Health> {
  const perDestination = await Promise.all(
    destinations.map(async ({ name, enabled }): Promise<DestinationHealth> => {
      const [last24h, last7d, lastHour, lastSuccess] = await Promise.all([
        countsSince(index, name, nowMs - DAY_MS),
        countsSince(index, name, nowMs - 7 * DAY_MS),
        Promise.all((['sent', 'failed', 'dead'] as const).map((status) => index.count(of(name, status, nowMs - HOUR_MS)))),
        lastSuccessAt(index, name),
      ])
      const [sentLastHour, failedLastHour, deadLastHour] = lastHour
      const counts = { failuresLastHour: failedLastHour + deadLastHour, sentLastHour }
      return { destination: name, enabled, last24h, last7d, lastSuccessAt: lastSuccess, ...counts, alert: onlyFailedForAnHour(counts) }
    })
  )
  return { generatedAt: new Date(nowMs).toISOString(), destinations: perDestination }
}
