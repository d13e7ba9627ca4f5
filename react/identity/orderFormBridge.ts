import { Identity } from './identity'
import { validId } from './validId'

/**
 * The identity bridge (DESIGN.md): the checkout is not a React page, so the ids travel to the
 * order inside the orderForm customData, app `ads-events`. The node service registers that
 * app and these fields in the checkout orderForm configuration.
 */
export const CUSTOM_DATA_APP = 'ads-events'
export const BRIDGE_FIELDS = ['session_id', 'user_id', 'impact_click_id', 'oppref'] as const
export type BridgeField = (typeof BRIDGE_FIELDS)[number]
export type BridgeValues = Partial<Record<BridgeField, string>>

/** Placeholder ids order-manager uses before the real orderForm is known. */
const isRealOrderFormId = (id: unknown): id is string => validId(id) !== undefined && id !== 'default-order-form'

/** The valid identity values; anything invalid is absent (never written). */
export const bridgeValues = (identity: Identity): BridgeValues => {
  const values: BridgeValues = {}
  for (const field of BRIDGE_FIELDS) {
    const value = validId(identity[field])
    if (value) values[field] = value
  }
  return values
}

interface CustomApp {
  id?: unknown
  fields?: Record<string, unknown>
}

/** Our app's fields in an orderForm's customData (REST shape: `{customApps: [{id, fields}]}`), if it carries them. */
export const customDataValues = (customData: unknown): BridgeValues => {
  const apps = (customData as { customApps?: CustomApp[] } | null | undefined)?.customApps
  const ours = Array.isArray(apps) ? apps.find((app) => app && app.id === CUSTOM_DATA_APP) : undefined
  const values: BridgeValues = {}
  for (const field of BRIDGE_FIELDS) {
    const value = ours?.fields?.[field]
    if (typeof value === 'string') values[field] = value
  }
  return values
}

/**
 * What to PUT, or undefined when every wanted value is already on the orderForm (per its
 * customData or per what this tab wrote). When one field differs the whole set is sent:
 * the whole-app endpoint takes all fields in one request, so a change costs one request
 * instead of one per field.
 */
export const valuesToWrite = (wanted: BridgeValues, ...known: BridgeValues[]): BridgeValues | undefined =>
  BRIDGE_FIELDS.some((field) => wanted[field] !== undefined && known.every((k) => k[field] !== wanted[field])) ? wanted : undefined

const memoryKey = (orderFormId: string) => `ads-events:orderForm:${orderFormId}`

/** sessionStorage can throw (storage disabled, quota); the bridge then only relies on customData. */
const remembered = (orderFormId: string): BridgeValues => {
  try {
    return JSON.parse(sessionStorage.getItem(memoryKey(orderFormId)) || '{}') as BridgeValues
  } catch {
    return {}
  }
}
const remember = (orderFormId: string, values: BridgeValues) => {
  try {
    sessionStorage.setItem(memoryKey(orderFormId), JSON.stringify(values))
  } catch {
    // nothing to do: at worst the same values are written once more on the next page
  }
}

/** One write in flight per orderForm id and payload: re-renders while it runs add nothing. */
const inFlight = new Set<string>()

/**
 * Writes the changed identity into the orderForm with one
 * `PUT /api/checkout/pub/orderForm/{id}/customData/ads-events`. Resolves to whether a request
 * was made; a failed write is not remembered, so the next trigger retries it.
 */
export const syncOrderFormIdentity = async (orderFormId: unknown, identity: Identity, customData?: unknown): Promise<boolean> => {
  if (!isRealOrderFormId(orderFormId)) return false
  const values = valuesToWrite(bridgeValues(identity), remembered(orderFormId), customDataValues(customData))
  if (!values) return false
  const flightKey = orderFormId + JSON.stringify(values)
  if (inFlight.has(flightKey)) return false
  inFlight.add(flightKey)
  try {
    const response = await fetch(`/api/checkout/pub/orderForm/${orderFormId}/customData/${CUSTOM_DATA_APP}`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(values),
    })
    if (response.ok) remember(orderFormId, values)
    return true
  } catch {
    return true
  } finally {
    inFlight.delete(flightKey)
  }
}
