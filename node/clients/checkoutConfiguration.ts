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
 * `token` defaults to the app's token; the admin mutation may pass the admin's.
 */
export class CheckoutConfigurationClient extends JanusClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, { ...options, headers: { ...options?.headers, VtexIdclientAutCookie: context.authToken } })
  }

  public getOrderFormConfiguration(token?: string) {
    return this.http.get<OrderFormConfiguration>('/api/checkout/pvt/configuration/orderForm', {
      metric: 'checkout-orderform-configuration-get',
      headers: token ? { VtexIdclientAutCookie: token } : undefined,
    })
  }

  public setOrderFormConfiguration(configuration: OrderFormConfiguration, token?: string) {
    return this.http.post<void>('/api/checkout/pvt/configuration/orderForm', configuration, {
      metric: 'checkout-orderform-configuration-set',
      headers: token ? { VtexIdclientAutCookie: token } : undefined,
    })
  }
}
