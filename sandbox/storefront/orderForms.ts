import { randomBytes } from 'crypto'

import { demoProducts } from './ads'
import { ADS_EVENTS_APP } from '../../node/checkoutRegistration/orderFormConfiguration'

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

/** The app and fields the service registers in the orderForm configuration. */
export const REGISTERED_APP = { ...ADS_EVENTS_APP, major: ADS_EVENTS_APP.major ?? 1 }

/** A customData app of the checkout orderForm configuration (`apps: [{id, fields, major}]`). */
export interface ConfiguredApp {
  id: string
  fields: string[]
  major?: number
}

export type CustomDataResult = { ok: true } | { ok: false; status: number; code: string; message: string }

const refused = (status: number, code: string, message: string): CustomDataResult => ({ ok: false, status, code, message })


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

/** Every customData field the storefront removed (logout, refused consent), in order. */
export const customDataRemovals: Array<{ orderFormId: string; field: string }> = []

/**
 * `PUT /api/checkout/pub/orderForm/{id}/customData/{appId}[/{field}]` as the Checkout API answers
 * it (VTEX Checkout API OpenAPI): an app missing from the account's orderForm configuration is
 * refused with 404 CHK0090 "App id not found", a field it does not declare with 404 CHK0091,
 * a value that is not a string with 400 CHK0121 "Invalid app fields". Nothing is stored then.
 */
export const setCustomData = (orderForm: SandboxOrderForm, appId: string, fields: Record<string, unknown>, registered: ConfiguredApp[]): CustomDataResult => {
  const app = registered.find((candidate) => candidate.id === appId)
  if (!app) return refused(404, 'CHK0090', 'App id not found')
  const entries = Object.entries(fields)
  const unknown = entries.find(([field]) => !app.fields.includes(field))
  if (unknown) return refused(404, 'CHK0091', `App key not found for id ${unknown[0]}`)
  if (entries.length === 0 || entries.some(([, value]) => typeof value !== 'string')) return refused(400, 'CHK0121', 'Invalid app fields')
  const customData = (orderForm.customData = orderForm.customData || { customApps: [] })
  let stored = customData.customApps.find((a) => a.id === appId)
  if (!stored) customData.customApps.push((stored = { id: appId, major: app.major ?? 1, fields: {} }))
  Object.assign(stored.fields, fields)
  customDataWrites.push({ orderFormId: orderForm.orderFormId, fields: fields as Record<string, string> })
  return { ok: true }
}

/** `DELETE …/customData/{appId}/{field}`: removes one field (how a logout clears user_id). */
export const removeCustomDataField = (orderForm: SandboxOrderForm, appId: string, field: string, registered: ConfiguredApp[]): CustomDataResult => {
  const app = registered.find((candidate) => candidate.id === appId)
  if (!app) return refused(404, 'CHK0090', 'App id not found')
  if (!app.fields.includes(field)) return refused(404, 'CHK0091', `App key not found for id ${field}`)
  const stored = orderForm.customData?.customApps.find((a) => a.id === appId)
  if (stored) delete stored.fields[field]
  customDataRemovals.push({ orderFormId: orderForm.orderFormId, field })
  return { ok: true }
}
