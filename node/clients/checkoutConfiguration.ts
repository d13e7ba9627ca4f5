import { InstanceOptions, IOContext, JanusClient } from '@vtex/api'

/** One custom-data app of the checkout orderForm configuration. */
export interface OrderFormApp {
  id: string
  fields: string[]
  major?: number
}

/** The configuration object is re-posted whole, so every property we do not know is kept as is. */
export interface OrderFormConfiguration {
  apps?: OrderFormApp[] | null
  [property: string]: unknown
}

/**
 * Checkout orderForm configuration (`/api/checkout/pvt/configuration/orderForm`), the
 * account-wide list of customData apps and fields. Our own small client instead of
 * @vtex/clients' Checkout: we need two calls and a type that keeps unknown properties.
 * On the app's token (install, settings change, scheduled run) the manifest's
 * SaveOrderFormConfiguration policy grants it; on the admin's (the admin page) their role must hold
 * License Manager "Save OrderForm Configuration", required for GET as well as POST.
 */
export class CheckoutConfigurationClient extends JanusClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    // The app's token unless the caller passes another (onAdminToken: the admin's).
    super(context, { ...options, headers: { VtexIdclientAutCookie: context.authToken, ...options?.headers } })
  }

  public getOrderFormConfiguration() {
    return this.http.get<OrderFormConfiguration>('/api/checkout/pvt/configuration/orderForm', { metric: 'checkout-orderform-configuration-get' })
  }

  public setOrderFormConfiguration(configuration: OrderFormConfiguration) {
    return this.http.post<void>('/api/checkout/pvt/configuration/orderForm', configuration, { metric: 'checkout-orderform-configuration-set' })
  }
}
