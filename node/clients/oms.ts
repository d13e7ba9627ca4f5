import { JanusClient, type InstanceOptions, type IOContext } from '@vtex/api'

/** The order date fields OMS's list endpoint filters on (`f_<field>=<field>:[from TO to]`). */
export type OrderDateField = 'creationDate' | 'authorizedDate' | 'invoicedDate'

export interface ListOrdersQuery {
  dateField: OrderDateField
  /** ISO 8601, inclusive. */
  from: string
  /** ISO 8601, inclusive. */
  to: string
  page: number
  /** OMS caps it at 100. */
  perPage: number
}

/** One row of the list: enough to decide whether the order is due, without reading it. */
export interface ListedOrder {
  orderId: string
  creationDate?: string
  status?: string
}

export interface OrderList {
  list: ListedOrder[]
  paging: { total: number; pages: number; currentPage: number; perPage: number }
}

/** Why the app asks for unmasked order data: VTEX records it with every such read. */
export const PII_ORDER_REASON = 'ad-conversion-hashed-identifiers'

/**
 * OMS (Orders API) as this app uses it: read one order (policy OMSViewer) and list orders by a date
 * window (ListOrders). Our own small client instead of @vtex/clients' OMS: that one cannot pass
 * the list's query parameters, and importing its package index loads @gocommerce/utils with
 * axios 0.18.0. Answers come back as received: the caller checks that an order is an order.
 */
export class OmsClient extends JanusClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    // The app's token unless the caller passes another (onAdminToken: the admin's).
    super(context, { ...options, headers: { VtexIdclientAutCookie: context.authToken, ...options?.headers } })
  }

  /** GET /api/oms/pvt/orders/{orderId}: `unknown` until checked (a proxy may answer HTML with a 200). */
  public order(orderId: string, timeoutMs?: number) {
    return this.http.get<unknown>(`/api/oms/pvt/orders/${encodeURIComponent(orderId)}`, { metric: 'oms-order', timeout: timeoutMs })
  }

  /**
   * GET /api/orders/pvt/document/{orderId}?reason=…: the same order from the Orders API's PII
   * version, which stores on Data Protection Plus "must use" (VTEX, "Changes in VTEX features
   * behavior to handle PII data": Get order moves here, "Payload changed: No"). With `reason` it
   * answers unmasked data (OpenAPI "Orders API - PII data architecture": "If you wish to retrieve
   * unmasked data, use the reason query parameter"); its permission is OMS "View order", the
   * OMSViewer policy this app already holds. The reason is audited by VTEX: it says why.
   */
  public piiOrder(orderId: string, timeoutMs?: number) {
    return this.http.get<unknown>(`/api/orders/pvt/document/${encodeURIComponent(orderId)}`, {
      metric: 'oms-pii-order',
      timeout: timeoutMs,
      params: { reason: PII_ORDER_REASON },
    })
  }

  /**
   * GET /api/oms/pvt/orders: "The limit of information retrieval is 30 pages … up to 100 using the
   * per_page parameter" (Orders API); oldest first, so a window can be walked page by page.
   */
  public listOrders(query: ListOrdersQuery) {
    return this.http.get<OrderList>('/api/oms/pvt/orders', {
      metric: 'oms-list-orders',
      params: {
        [`f_${query.dateField}`]: `${query.dateField}:[${query.from} TO ${query.to}]`,
        // orderBy takes creationDate, orderId, items, totalValue or origin.
        orderBy: 'creationDate,asc',
        // Incomplete orders never reached the shopper's confirmation: not sales.
        incompleteOrders: false,
        page: query.page,
        per_page: query.perPage,
      },
    })
  }
}
