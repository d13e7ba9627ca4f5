import type { OrderFormApp, OrderFormConfiguration } from '../clients/checkoutConfiguration'
import { CUSTOM_DATA_APP_ID, CUSTOM_DATA_FIELDS } from '../identity/orderIdentity'
import { ADMIN_RESOURCES, AdminAccess } from '../admin/adminAccess'

/**
 * The customData app the storefront writes (react/identity/orderFormBridge.ts) and the
 * conversion reads from the OMS order. Checkout drops customData of unregistered apps, so
 * this registration must exist before the first order.
 */
export const ADS_EVENTS_APP: OrderFormApp = {
  id: CUSTOM_DATA_APP_ID,
  fields: [...CUSTOM_DATA_FIELDS],
  major: 1,
}

/**
 * The configuration with exactly one `ads-events` app holding at least our fields (fields
 * someone else added to it are kept), every other app and property untouched. Pure and
 * idempotent: returns the very same object when nothing needs to change, so callers write
 * only when `result !== config`.
 */
export const withAdsEventsApp = (config: OrderFormConfiguration): OrderFormConfiguration => {
  const apps = Array.isArray(config.apps) ? config.apps : []
  const ours = apps.filter((app) => app && app.id === ADS_EVENTS_APP.id)
  const current = ours[0]
  const complete =
    ours.length === 1 &&
    current.major === ADS_EVENTS_APP.major &&
    Array.isArray(current.fields) &&
    ADS_EVENTS_APP.fields.every((field) => current.fields.includes(field))
  if (complete) return config

  const extraFields = ours.flatMap((app) => (Array.isArray(app.fields) ? app.fields : [])).filter((field) => !ADS_EVENTS_APP.fields.includes(field))
  const merged: OrderFormApp = { ...ADS_EVENTS_APP, fields: [...ADS_EVENTS_APP.fields, ...new Set(extraFields)] }
  const firstOurs = apps.findIndex((app) => app && app.id === ADS_EVENTS_APP.id)
  const others = apps.filter((app) => !(app && app.id === ADS_EVENTS_APP.id))
  const position = firstOurs === -1 ? others.length : apps.slice(0, firstOurs).filter((app) => !(app && app.id === ADS_EVENTS_APP.id)).length
  return { ...config, apps: [...others.slice(0, position), merged, ...others.slice(position)] }
}

export interface CheckoutConfigurationClients {
  checkoutConfiguration: {
    getOrderFormConfiguration(): Promise<OrderFormConfiguration>
    setOrderFormConfiguration(configuration: OrderFormConfiguration): Promise<unknown>
  }
}

/** Reads the configuration and writes it back only when our app entry is missing or incomplete. */
export const registerOrderFormApp = async (clients: CheckoutConfigurationClients): Promise<{ changed: boolean }> => {
  const config = await clients.checkoutConfiguration.getOrderFormConfiguration()
  const next = withAdsEventsApp(config)
  if (next === config) return { changed: false }
  await clients.checkoutConfiguration.setOrderFormConfiguration(next)
  return { changed: true }
}

/** The admin page's calls: the admin's own token (`adminCheckoutConfiguration`), so their role decides. */
export interface AdminCheckoutConfigurationClients {
  adminCheckoutConfiguration: CheckoutConfigurationClients['checkoutConfiguration']
}

/** The checkout configuration on the admin's token; a refusal names "Save OrderForm Configuration". */
const onAdminsToken = <T>(ctx: { clients: AdminCheckoutConfigurationClients }, action: string, work: (clients: CheckoutConfigurationClients) => Promise<T>) => {
  const admin = new AdminAccess()
  return admin.run(() => admin.call(ADMIN_RESOURCES.orderFormConfiguration, action, () => work({ checkoutConfiguration: ctx.clients.adminCheckoutConfiguration })))
}

/**
 * GraphQL `adsEventsRegisterOrderFormApp: Boolean!` (true = the configuration was written). Admin
 * only through the schema's @auth (License Manager "Allow APP configuration"); the read and the write
 * are the admin's own (their role needs "Save OrderForm Configuration"), while the background
 * registration (install, settings change, scheduled run) uses the app's SaveOrderFormConfiguration policy.
 */
export const adsEventsRegisterOrderFormApp = (_root: unknown, _args: unknown, ctx: { clients: AdminCheckoutConfigurationClients }) =>
  onAdminsToken(ctx, 'register the app in the checkout configuration', async (clients) => (await registerOrderFormApp(clients)).changed)

export interface OrderFormAppStatus {
  /** The checkout lists our app with every field the storefront writes: customData reaches orders. */
  registered: boolean
  fields: string[]
  missingFields: string[]
}

/** What the checkout configuration says about our customData app (pure). */
export const orderFormAppStatus = (config: OrderFormConfiguration): OrderFormAppStatus => {
  const apps = Array.isArray(config.apps) ? config.apps : []
  const fields = [...new Set(apps.filter((app) => app && app.id === ADS_EVENTS_APP.id).flatMap((app) => (Array.isArray(app.fields) ? app.fields : [])))]
  return {
    registered: withAdsEventsApp(config) === config,
    fields,
    missingFields: ADS_EVENTS_APP.fields.filter((field) => !fields.includes(field)),
  }
}

/** GraphQL `adsEventsOrderFormApp` (admin only): the registration's current status, read live on the admin's token. */
export const adsEventsOrderFormApp = (_root: unknown, _args: unknown, ctx: { clients: AdminCheckoutConfigurationClients }) =>
  onAdminsToken(ctx, 'read the checkout configuration', async (clients) => orderFormAppStatus(await clients.checkoutConfiguration.getOrderFormConfiguration()))
