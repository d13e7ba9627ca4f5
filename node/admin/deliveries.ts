import type { DestinationName } from '../destinations/destination'
import type { DeliveryStatus } from '../deliveryStore/ledger'
import { destinationStateOf, fieldOf, type OrderIndexDocument } from '../ledgerIndex/document'
import { DESTINATION_SUFFIXES } from '../ledgerIndex/entity'
import type { Condition } from '../ledgerIndex/where'
import { isOrderId, ORDER_ID_RULE } from '../lib/orderId'
import { MAX_PAGE_SIZE, SEARCH_WINDOW } from '../ledgerIndex/orderIndex'
import type { IndexReader } from './indexReader'

export const STATUSES: DeliveryStatus[] = ['pending', 'sent', 'failed', 'skipped', 'dead']

export interface DeliveryFilter {
  orderId?: string | null
  status?: string | null
  destination?: string | null
}

export interface DeliveryRow {
  destination: DestinationName
  orderId: string
  status: DeliveryStatus
  attempts: number
  reason?: string
  createdAt?: string
  updatedAt: string
  sentAt?: string
  orderCreatedAt?: string
  canceled: boolean
}

export interface DeliveryPage {
  items: DeliveryRow[]
  page: number
  pageSize: number
  total: number
}

/** Thrown for input the admin can correct (unknown status, an order id with odd characters…). */
export class DeliveryQueryError extends Error {}

export const DEFAULT_PAGE_SIZE = 20

/** Paging across every destination merges their newest rows: this many at most, deeper pages need a destination. */
export const MERGED_WINDOW = 1_000

interface ValidFilter {
  orderId?: string
  status?: DeliveryStatus
  destinations: DestinationName[]
}

function validFilter(filter: DeliveryFilter, destinations: string[]): ValidFilter {
  const orderId = filter.orderId?.trim() || undefined
  if (orderId && !isOrderId(orderId)) throw new DeliveryQueryError(`Invalid order id: ${ORDER_ID_RULE}`)
  if (filter.status && !(STATUSES as string[]).includes(filter.status)) throw new DeliveryQueryError(`Unknown status: ${filter.status}`)
  if (filter.destination && !destinations.includes(filter.destination)) throw new DeliveryQueryError(`Unknown destination: ${filter.destination}`)
  return {
    orderId,
    status: (filter.status || undefined) as DeliveryStatus | undefined,
    destinations: (filter.destination ? [filter.destination] : destinations) as DestinationName[],
  }
}

/** One destination's rows of the filter: its documents that hold a delivery for it (every v2 document names it; v1 documents never do). */
export function filterConditions(destination: DestinationName, filter: Pick<ValidFilter, 'orderId' | 'status'>): Condition[] {
  return [
    ...(filter.orderId ? [{ field: 'orderId' as const, equals: filter.orderId }] : []),
    ...(filter.status ? [{ field: fieldOf(destination, 'Status'), equals: filter.status }] : []),
    { field: fieldOf(destination, 'UpdatedAtMs'), greaterThan: 0 },
  ]
}

const iso = (ms: number | null | undefined): string | undefined => (typeof ms === 'number' ? new Date(ms).toISOString() : undefined)

/** One destination's row of an order document; undefined when the order has no delivery for it. */
export function toRow(document: Partial<OrderIndexDocument>, destination: DestinationName): DeliveryRow | undefined {
  const state = destinationStateOf(document, destination)
  if (!state) return undefined
  return {
    destination,
    orderId: String(document.orderId),
    status: state.status,
    attempts: state.attempts,
    reason: state.reason ?? undefined,
    createdAt: iso(state.createdAtMs),
    updatedAt: iso(state.updatedAtMs)!,
    sentAt: iso(state.sentAtMs),
    orderCreatedAt: iso(document.orderCreatedAtMs),
    canceled: document.canceled === true,
  }
}

const rowFields = (destination: DestinationName): Array<keyof OrderIndexDocument> => [
  'orderId',
  'canceled',
  'orderCreatedAtMs',
  ...DESTINATION_SUFFIXES.map((suffix) => fieldOf(destination, suffix)),
]

/** One destination's newest rows, `page` of `pageSize`, and its total. */
async function rowsOf(index: IndexReader, destination: DestinationName, filter: ValidFilter, page: number, pageSize: number) {
  const { documents, total } = await index.search({
    conditions: filterConditions(destination, filter),
    sort: { field: fieldOf(destination, 'UpdatedAtMs'), descending: true },
    page,
    pageSize,
    fields: rowFields(destination),
  })
  return { rows: documents.map((document) => toRow(document, destination)).filter((row): row is DeliveryRow => row !== undefined), total }
}

/** Newest first: the last change, then destination and order, so pages never overlap. */
const newestFirst = (a: DeliveryRow, b: DeliveryRow) =>
  Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || a.destination.localeCompare(b.destination) || a.orderId.localeCompare(b.orderId)

/**
 * Newest first (last change), filtered, one page; the total from the same searches. One document
 * per order holds every destination's delivery; a row is one destination's delivery, as before.
 * One destination: one sorted search. All of them: each destination's newest rows down to the
 * page's end, merged (the total is the sum); that stays cheap for the first MERGED_WINDOW rows.
 */
export async function readDeliveries(
  index: IndexReader,
  filter: DeliveryFilter,
  paging: { page?: number | null; pageSize?: number | null },
  destinations: string[]
): Promise<DeliveryPage> {
  const pageSize = Math.min(Math.max(1, Math.floor(paging.pageSize ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)
  const page = Math.max(1, Math.floor(paging.page ?? 1))
  if (page * pageSize > SEARCH_WINDOW) throw new DeliveryQueryError(`Only the newest ${SEARCH_WINDOW} matches can be paged: filter by order, status or destination`)
  const valid = validFilter(filter, destinations)
  if (valid.destinations.length === 1) {
    const { rows, total } = await rowsOf(index, valid.destinations[0], valid, page, pageSize)
    return { items: rows, page, pageSize, total }
  }
  const end = page * pageSize
  if (end > MERGED_WINDOW) throw new DeliveryQueryError(`Only the newest ${MERGED_WINDOW} deliveries of all destinations can be paged: filter by destination`)
  const perDestination = await Promise.all(
    valid.destinations.map(async (destination) => {
      // The destination's newest `end` rows: one search when they fit in a page, else pages of 100.
      const size = Math.min(end, MAX_PAGE_SIZE)
      const first = await rowsOf(index, destination, valid, 1, size)
      const pages = Math.min(Math.ceil(end / size), Math.ceil(first.total / size))
      const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => rowsOf(index, destination, valid, i + 2, size)))
      return { rows: [first, ...rest].flatMap((part) => part.rows), total: first.total }
    })
  )
  const merged = perDestination.flatMap((part) => part.rows).sort(newestFirst)
  return { items: merged.slice(end - pageSize, end), page, pageSize, total: perDestination.reduce((sum, part) => sum + part.total, 0) }
}
