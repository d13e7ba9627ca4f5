import type { VtexOrder } from '../../node/typings/order'
import { decideOnState } from '../../node/trigger/orderFlow'

/**
 * OMS List orders (`GET /api/oms/pvt/orders`) as the Orders API documents it: a date filter
 * `f_<field>=<field>:[from TO to]` on creationDate, authorizedDate or invoicedDate, `page` and
 * `per_page` (at most 100), at most 30 pages, `orderBy=creationDate,asc`, incomplete orders left
 * out with `incompleteOrders=false`; the answer `{list, facets, paging, stats}` with every field the
 * Orders API's schema requires of a row, `stats` over the matching orders and, as VTEX's own
 * user-orders example answers them, no facets.
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
  const list = matching.slice((page - 1) * perPage, page * perPage).map(listRow)
  return {
    status: 200,
    body: {
      list,
      facets: [],
      paging: { total: matching.length, pages: Math.min(30, Math.ceil(matching.length / perPage)), currentPage: page, perPage },
      stats: { stats: { totalValue: statsOf(matching.map((order) => order.value ?? 0)), totalItems: statsOf(matching.map(itemCount)) } },
    },
  }
}

const itemCount = (order: VtexOrder) => order.items.reduce((sum, item) => sum + item.quantity, 0)
const isoOrNull = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString())

/** One row of the list, as the Orders API's List orders answers it (its example, field by field). */
function listRow(order: VtexOrder) {
  const client = order.clientProfileData
  return {
    orderId: order.orderId,
    creationDate: order.creationDate,
    clientName: [client?.firstName, client?.lastName].filter(Boolean).join(' '),
    items: null,
    totalValue: order.value ?? 0,
    paymentNames: '',
    status: order.status ?? 'order-created',
    statusDescription: order.status ?? 'order-created',
    marketPlaceOrderId: order.marketplaceOrderId || null,
    sequence: order.orderId.replace(/^\D*/, '').split('-')[0],
    salesChannel: order.salesChannel ?? '1',
    affiliateId: order.affiliateId ?? '',
    origin: order.origin ?? 'Marketplace',
    workflowInErrorState: false,
    workflowInRetry: false,
    lastMessageUnread: null,
    ShippingEstimatedDate: null,
    ShippingEstimatedDateMax: null,
    ShippingEstimatedDateMin: null,
    orderIsComplete: order.status !== 'incomplete',
    listId: null,
    listType: null,
    authorizedDate: isoOrNull(orderDate(order, 'authorizedDate')),
    callCenterOperatorName: null,
    totalItems: itemCount(order),
    currencyCode: order.storePreferencesData?.currencyCode ?? 'BRL',
  }
}

/** Count, Max, Mean… of the matching orders, as OMS's list answers its stats. */
function statsOf(values: number[]) {
  const count = values.length
  const sum = values.reduce((total, value) => total + value, 0)
  const mean = count === 0 ? 0 : sum / count
  const sumOfSquares = values.reduce((total, value) => total + value * value, 0)
  const variance = count === 0 ? 0 : sumOfSquares / count - mean * mean
  return {
    Count: count,
    Max: count === 0 ? 0 : Math.max(...values),
    Mean: mean,
    Min: count === 0 ? 0 : Math.min(...values),
    Missing: 0,
    StdDev: Math.sqrt(Math.max(0, variance)),
    Sum: sum,
    SumOfSquares: sumOfSquares,
    Facets: {},
  }
}
