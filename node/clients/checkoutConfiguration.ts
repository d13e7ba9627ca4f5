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
 * Called with the app's own token: the manifest's SaveOrderFormConfiguration policy (License
 * Manager "Save OrderForm Configuration", required for GET as well as POST) grants it.
 */
export class CheckoutConfigurationClient extends JanusClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, { ...options, headers: { ...options?.headers, VtexIdclientAutCookie: context.authToken } })
  }

  public getOrderFormConfiguration() {
    return this.http.get<OrderFormConfiguration>('/api/checkout/pvt/configuration/orderForm', { metric: 'checkout-orderform-configuration-get' })
  }

  public setOrderFormConfiguration(configuration: OrderFormConfiguration) {
    return this.http.post<void>('/api/checkout/pvt/configuration/orderForm', configuration, { metric: 'checkout-orderform-configuration-set' })
  }
}
