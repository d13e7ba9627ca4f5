import { ForbiddenError } from '@vtex/api'
import type { Deadline } from '../coordination/deadline'
import { statusOf } from '../lib/httpStatus'

/**
 * A License Manager resource, as VTEX's OpenAPI files name it in each endpoint's "Permissions"
 * table (vtex/openapi-schemas): the product, and the resources of which the user needs one.
 */
export interface LicenseResource {
  product: string
  anyOf: string[]
}

/** What the admin's own role needs for each VTEX API an admin action calls on their token. */
export const ADMIN_RESOURCES = {
  /** GET /api/oms/pvt/orders/{orderId} (Orders API): preview and replay read the order. */
  viewOrder: { product: 'OMS', anyOf: ['View order', 'Orders Full Access'] },
  /** GET /api/oms/pvt/orders (Orders API): a backfill lists the orders of its range. */
  listOrders: { product: 'OMS', anyOf: ['List Orders', 'Orders Full Access'] },
  /** GET and POST /api/checkout/pvt/configuration/orderForm (Checkout API): the customData registration. */
  orderFormConfiguration: { product: 'Checkout', anyOf: ['Save OrderForm Configuration'] },
  /** GET /api/dataentities/CL/search (Master Data v1): the real e-mail of a hard-masked order. */
  readDocuments: {
    product: 'Dynamic Storage',
    anyOf: ['Read only documents', 'Insert or update document (not remove)', 'Full access to all documents', 'Master Data administrator'],
  },
} as const satisfies Record<string, LicenseResource>

/** The admin's role lacks what the action needs: said in words the merchant can act on. */
export class AdminAccessDenied extends ForbiddenError {
  constructor(readonly resource: LicenseResource, action: string) {
    super(
      `Your VTEX user's role is missing the License Manager resource "${resource.anyOf[0]}" (${resource.product}), needed to ${action}. ` +
        `Ask an administrator of the account to add it to one of your roles (Account settings > Roles), then try again. Nothing was changed.`
    )
  }
}

/**
 * One admin action's calls on the admin's token. The first refusal (403) is kept and ends the action:
 * every later call fails at once without a request, and `deadline` reports no time left, so the
 * delivery pipeline starts nothing new and leaves every record as it was (a replay that runs out of
 * time does the same). The resolver then answers with `denied`.
 */
export class AdminAccess {
  denied?: AdminAccessDenied

  async call<T>(resource: LicenseResource, action: string, work: () => Promise<T>): Promise<T> {
    if (this.denied) throw this.denied
    try {
      return await work()
    } catch (error) {
      if (statusOf(error) === 403) {
        // No `response` on it: the pipeline takes it for a call that got no answer, never for a final refusal to record.
        this.denied = new AdminAccessDenied(resource, action)
        throw this.denied
      }
      throw error
    }
  }

  /** `inner`, but over as soon as the admin is refused. */
  deadline(inner: Deadline): Deadline {
    return { remainingMs: () => (this.denied ? 0 : inner.remainingMs()) }
  }

  /** Runs an admin action: its own error, or the refusal that ended it, which says more. */
  async run<T>(action: () => Promise<T>): Promise<T> {
    let result: T
    try {
      result = await action()
    } catch (error) {
      throw this.denied ?? error
    }
    if (this.denied) throw this.denied
    return result
  }
}
