import type { DestinationName } from '../destinations/destination'
import type { DeliveryStatus } from '../deliveryStore/ledger'
import type { IndexDocument } from '../ledgerIndex/document'
import type { Condition } from '../ledgerIndex/where'
import { isSafeText } from '../ledgerIndex/where'
import { MAX_PAGE_SIZE, SEARCH_WINDOW } from '../ledgerIndex/deliveryIndex'
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

export function filterConditions(filter: DeliveryFilter, destinations: string[]): Condition[] {
  const conditions: Condition[] = []
  const orderId = filter.orderId?.trim()
  if (orderId) {
    if (!isSafeText(orderId)) throw new DeliveryQueryError('An order id has letters, digits, dots, colons and dashes only')
    conditions.push({ field: 'orderId', equals: orderId })
  }
  if (filter.status) {
    if (!(STATUSES as string[]).includes(filter.status)) throw new DeliveryQueryError(`Unknown status: ${filter.status}`)
    conditions.push({ field: 'status', equals: filter.status })
  }
  if (filter.destination) {
    if (!destinations.includes(filter.destination)) throw new DeliveryQueryError(`Unknown destination: ${filter.destination}`)
    conditions.push({ field: 'destination', equals: filter.destination })
  }
  return conditions
}

const iso = (ms: number | null | undefined): string | undefined => (typeof ms === 'number' ? new Date(ms).toISOString() : undefined)

export const toRow = (document: IndexDocument): DeliveryRow => ({
  destination: document.destination,
  orderId: document.orderId,
  status: document.status,
  attempts: document.attempts,
  reason: document.reason ?? undefined,
  createdAt: iso(document.createdAtMs),
  updatedAt: iso(document.updatedAtMs)!,
  sentAt: iso(document.sentAtMs),
  orderCreatedAt: iso(document.orderCreatedAtMs),
  canceled: document.canceled,
})

/** Newest first (last change), filtered, one page; the total comes from the same search. */
export async function readDeliveries(
  index: IndexReader,
  filter: DeliveryFilter,
  paging: { page?: number | null; pageSize?: number | null },
  destinations: string[]
): Promise<DeliveryPage> {
  const pageSize = Math.min(Math.max(1, Math.floor(paging.pageSize ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)
  const page = Math.max(1, Math.floor(paging.page ?? 1))
  if (page * pageSize > SEARCH_WINDOW) throw new DeliveryQueryError(`Only the newest ${SEARCH_WINDOW} matches can be paged: filter by order, status or destination`)
  const { documents, total } = await index.search({
    conditions: filterConditions(filter, destinations),
    sort: { field: 'updatedAtMs', descending: true },
    page,
    pageSize,
  })
  return { items: documents.map(toRow), page, pageSize, total }
}
