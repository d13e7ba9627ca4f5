import { randomBytes } from 'crypto'

import { demoProducts } from './ads'
import { ADS_EVENTS_APP } from '../../node/resolvers/orderFormConfiguration'

/**
 * In-memory checkout: orderForms by id, shaped like the Checkout API's (orderFormId, items in
 * cents, customData.customApps). The sandbox core turns one into an OMS order on "place order".
 */
export interface OrderFormItem {
  id: string
  productId: string
  name: string
  quantity: number
  seller: string
  price: number
  listPrice: number
  sellingPrice: number
}

export interface CustomApp {
  id: string
  major: number
  fields: Record<string, string>
}

export interface SandboxOrderForm {
  orderFormId: string
  items: OrderFormItem[]
  value: number
  customData: { customApps: CustomApp[] } | null
  [property: string]: unknown
}

export const orderForms = new Map<string, SandboxOrderForm>()

/** Every customData write the storefront made, in order: tests check there is no request storm. */
export const customDataWrites: Array<{ orderFormId: string; fields: Record<string, string> }> = []

/** The app and fields the service registers in the orderForm configuration; checkout refuses others. */
export const REGISTERED_APP = { ...ADS_EVENTS_APP, major: ADS_EVENTS_APP.major ?? 1 }

export const createOrderForm = (): SandboxOrderForm => {
  const orderForm: SandboxOrderForm = { orderFormId: randomBytes(16).toString('hex'), items: [], value: 0, customData: null }
  orderForms.set(orderForm.orderFormId, orderForm)
  return orderForm
}

export const addItem = (orderForm: SandboxOrderForm, sku: string, quantity: number): boolean => {
  const product = demoProducts.find((p) => p.sku === sku)
  if (!product || !Number.isInteger(quantity) || quantity < 1) return false
  const line = orderForm.items.find((item) => item.id === sku)
  if (line) line.quantity += quantity
  else {
    orderForm.items.push({
      id: sku,
      productId: `p${sku}`,
      name: product.name,
      quantity,
      seller: '1',
      price: product.price,
      listPrice: product.price,
      sellingPrice: product.price,
    })
  }
  orderForm.value = orderForm.items.reduce((sum, item) => sum + item.sellingPrice * item.quantity, 0)
  return true
}

/** `DELETE .../customData/{appId}/{field}`: removes one field of a registered app; false = refused (400). */
export const removeCustomDataField = (orderForm: SandboxOrderForm, appId: string, field: string): boolean => {
  if (appId !== REGISTERED_APP.id || !REGISTERED_APP.fields.includes(field)) return false
  const app = orderForm.customData?.customApps.find((a) => a.id === appId)
  if (app) delete app.fields[field]
  customDataRemovals.push({ orderFormId: orderForm.orderFormId, field })
  return true
}

/** Every customData field the storefront removed (logout, refused consent), in order. */
export const customDataRemovals: Array<{ orderFormId: string; field: string }> = []

/** Sets fields of our customData app, as `PUT .../customData/ads-events[/field]` does; false = refused (400). */
export const setCustomData = (orderForm: SandboxOrderForm, appId: string, fields: Record<string, unknown>): boolean => {
  if (appId !== REGISTERED_APP.id) return false
  const entries = Object.entries(fields)
  if (entries.length === 0 || entries.some(([field, value]) => !REGISTERED_APP.fields.includes(field) || typeof value !== 'string')) return false
  const customData = (orderForm.customData = orderForm.customData || { customApps: [] })
  let app = customData.customApps.find((a) => a.id === appId)
  if (!app) customData.customApps.push((app = { id: appId, major: REGISTERED_APP.major, fields: {} }))
  Object.assign(app.fields, fields)
  customDataWrites.push({ orderFormId: orderForm.orderFormId, fields: fields as Record<string, string> })
  return true
}
