import type { VtexOrder } from '../../node/typings/order'
import { decideOnState } from '../../node/trigger/orderFlow'

/**
 * OMS List orders (`GET /api/oms/pvt/orders`) as the Orders API documents it: a date filter
 * `f_<field>=<field>:[from TO to]` on creationDate, authorizedDate or invoicedDate, `page` and
 * `per_page` (at most 100), at most 30 pages, `orderBy=creationDate,asc`, incomplete orders left
 * out with `incompleteOrders=false`; the answer `{list, paging: {total, pages, currentPage, perPage}}`.
 * The sandbox's orders carry no authorized/invoiced dates: they are derived from the status the
 * way OMS fills them (a minute and an hour after the order was placed).
 */
const DATE_FILTER = /^(creationDate|authorizedDate|invoicedDate):\[(\S+) TO (\S+)\]$/

export function orderDate(order: VtexOrder, field: string): number | undefined {
  const created = Date.parse(order.creationDate)
  if (field === 'creationDate') return created
  const explicit = field === 'authorizedDate' ? order.authorizedDate : field === 'invoicedDate' ? order.invoicedDate : undefined
  if (explicit) return Date.parse(explicit)
  const status = order.status ?? 'order-created'
  if (field === 'authorizedDate' && decideOnState(status, 'payment-approved') === 'convert') return created + 60_000
  if (field === 'invoicedDate' && decideOnState(status, 'invoiced') === 'convert') return created + 3_600_000
  return undefined
}

export type ListAnswer = { status: 200; body: unknown } | { status: 400; body: unknown }

export function listOrders(orders: Iterable<VtexOrder>, params: URLSearchParams): ListAnswer {
  const filterParam = [...params.keys()].find((key) => /^f_(creationDate|authorizedDate|invoicedDate)$/.test(key))
  const filter = filterParam ? DATE_FILTER.exec(params.get(filterParam) ?? '') : null
  const page = Number(params.get('page') ?? 1)
  const perPage = Number(params.get('per_page') ?? 15)
  if (!filter || !Number.isInteger(page) || page < 1 || page > 30 || !Number.isInteger(perPage) || perPage < 1 || perPage > 100)
    return { status: 400, body: { error: { message: 'a date filter, page 1-30 and per_page 1-100 are required' } } }
  const [, field, fromText, toText] = filter
  const from = Date.parse(fromText)
  const to = Date.parse(toText)
  const matching = [...orders]
    .filter((order) => {
      const at = orderDate(order, field)
      return at !== undefined && at >= from && at <= to && (params.get('incompleteOrders') !== 'false' || order.status !== 'incomplete')
    })
    .sort((a, b) => Date.parse(a.creationDate) - Date.parse(b.creationDate))
  const list = matching.slice((page - 1) * perPage, page * perPage).map((order) => ({ orderId: order.orderId, creationDate: order.creationDate, status: order.status }))
  return { status: 200, body: { list, paging: { total: matching.length, pages: Math.min(30, Math.ceil(matching.length / perPage)), currentPage: page, perPage } } }
}
