import type { ListOrdersQuery, OrderDateField, OrderList } from '../clients/oms'
import type { ConversionTrigger } from '../settings/appSettings'
import { decideOnState } from '../trigger/orderFlow'

/**
 * Walking OMS's order list over a date window, for reconciliation and backfill (pure parts).
 *
 * Which date says an order reached the merchant's trigger: the list filters on creationDate,
 * authorizedDate (payment approved) or invoicedDate (Orders API, List orders). ready-for-handling
 * comes right after payment approval, so its orders are found by authorizedDate too.
 */
export const DATE_FIELD_OF_TRIGGER: Record<ConversionTrigger, OrderDateField> = {
  'order-created': 'creationDate',
  'payment-approved': 'authorizedDate',
  'ready-for-handling': 'authorizedDate',
  invoiced: 'invoicedDate',
}

/** OMS serves at most 30 pages of at most 100 orders for one query (Orders API, List orders). */
export const MAX_PAGES = 30
export const PER_PAGE = 100
/** A window holding more than this is split in two, so every order of it can be paged through. */
export const MAX_ORDERS_PER_WINDOW = MAX_PAGES * PER_PAGE

export interface OrderWindow {
  dateField: OrderDateField
  /** ISO 8601, inclusive. */
  from: string
  /** ISO 8601, inclusive. */
  to: string
}

export const listQuery = (window: OrderWindow, page: number): ListOrdersQuery => ({ ...window, page, perPage: PER_PAGE })

/** Both halves of a window too large to page through whole (their ends a millisecond apart, nothing lost). */
export function splitWindow(window: OrderWindow): [OrderWindow, OrderWindow] | undefined {
  const from = Date.parse(window.from)
  const to = Date.parse(window.to)
  if (!(to - from > 1)) return undefined
  const middle = from + Math.floor((to - from) / 2)
  return [
    { ...window, to: new Date(middle).toISOString() },
    { ...window, from: new Date(middle + 1).toISOString() },
  ]
}

/** The listed orders the trigger makes due now (canceled ones and those not yet at the trigger are left out). */
export const dueOrderIds = (page: OrderList, trigger: ConversionTrigger): string[] =>
  (page.list ?? []).filter((row) => typeof row?.orderId === 'string' && row.status !== undefined && decideOnState(row.status, trigger) === 'convert').map((row) => row.orderId)

/** Where a walk over a window stands: the next page to read. */
export interface WindowCursor {
  window: OrderWindow
  page: number
}

export interface WalkDeps {
  listOrders(query: ListOrdersQuery): Promise<OrderList>
  /** Makes sure one due order is (or gets) converted; never throws for a delivery that failed. */
  handleOrder(orderId: string): Promise<void>
  /** Time left for the walk; it stops before a page it could not finish and resumes there next run. */
  remainingMs(): number
  trigger: ConversionTrigger
}

export interface WalkResult {
  /** The cursors still to walk (empty when every window was walked whole). */
  remaining: WindowCursor[]
  /** Due orders handled in this walk. */
  handled: number
}

/** Time kept back to save the cursor after the last order handled. */
const STOP_MARGIN_MS = 1_500

/**
 * Walks the windows page by page, oldest first, handing every due order to `handleOrder`. A window
 * too large to page through is split in halves. Out of time, it returns where it stopped: the
 * page it was on is read again next time (handling an order twice is harmless, every path is
 * idempotent), never skipped.
 */
export async function walkWindows(cursors: WindowCursor[], deps: WalkDeps): Promise<WalkResult> {
  const stack = cursors.map((cursor) => ({ ...cursor }))
  let handled = 0
  while (stack.length > 0) {
    if (deps.remainingMs() < STOP_MARGIN_MS) break
    const cursor = stack[0]
    const page = await deps.listOrders(listQuery(cursor.window, cursor.page))
    if (cursor.page === 1 && (page.paging?.total ?? 0) > MAX_ORDERS_PER_WINDOW) {
      const halves = splitWindow(cursor.window)
      if (halves) {
        stack.splice(0, 1, { window: halves[0], page: 1 }, { window: halves[1], page: 1 })
        continue
      }
    }
    let finished = true
    for (const orderId of dueOrderIds(page, deps.trigger)) {
      if (deps.remainingMs() < STOP_MARGIN_MS) {
        finished = false
        break
      }
      await deps.handleOrder(orderId)
      handled++
    }
    if (!finished) break
    const pages = Math.min(page.paging?.pages ?? 1, MAX_PAGES)
    if (cursor.page >= pages) stack.shift()
    else cursor.page++
  }
  return { remaining: stack, handled }
}
