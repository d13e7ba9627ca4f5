import { BRIDGE_FIELDS, BridgeField, BridgeValues, CUSTOM_DATA_APP } from './bridgeFields'
import { validId } from './validId'

export { BRIDGE_FIELDS, CUSTOM_DATA_APP }
export type { BridgeField, BridgeValues }
/** What the orderForm should hold: values to write (the ids, or a refusal) and fields to remove. */
export interface BridgePlan {
  identity?: BridgeValues
  clear: readonly BridgeField[]
}

/** The valid identity values; anything invalid is absent (never written). */
export const bridgeValues = (identity: BridgeValues | undefined): BridgeValues => pick(identity as Record<string, unknown> | undefined, validId)

/** Our app's fields in an orderForm's customData (REST shape: `{customApps: [{id, fields}]}`), if it carries them. */
export const customDataValues = (customData: unknown): BridgeValues => {
  const apps = customData && (customData as { customApps?: unknown }).customApps
  const ours = Array.isArray(apps) && apps.find((app) => app && app.id === CUSTOM_DATA_APP)
  return pick(ours && ours.fields, (value) => (typeof value === 'string' ? value : undefined))
}

const pick = (source: Record<string, unknown> | undefined, keep: (value: unknown) => string | undefined): BridgeValues => {
  const values: BridgeValues = {}
  for (const field of BRIDGE_FIELDS) {
    const value = source && keep(source[field])
    if (value) values[field] = value
  }
  return values
}

/**
 * What this page load knows each orderForm holds after its syncs: the orderForm order-manager
 * holds does not see our writes and removals until it reloads, and a later page reads them from
 * its customData. In memory only: no identifier goes to storage here.
 */
const written = new Map<string, BridgeValues>()

const send = (orderFormId: string, method: 'PUT' | 'DELETE', path: string, body?: BridgeValues) =>
  // Same origin: fetch sends the shopper's checkout cookie by default.
  fetch(`/api/checkout/pub/orderForm/${orderFormId}/customData/${CUSTOM_DATA_APP}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body && JSON.stringify(body),
  }).then((response) => response.ok, () => false)

const sync = async (id: string, plan: BridgePlan, customData: unknown): Promise<void> => {
  // After this page's first sync of an orderForm, what it knows (writes and removals included) replaces the stale customData.
  const known = { ...(written.get(id) || customDataValues(customData)) }
  // When one field differs the whole set is sent: the whole-app endpoint takes all fields in one request.
  const wanted = bridgeValues(plan.identity)
  const values = BRIDGE_FIELDS.some((field) => wanted[field] && wanted[field] !== known[field]) ? wanted : undefined
  const removals = plan.clear.filter((field) => known[field] !== undefined)
  if (values && (await send(id, 'PUT', '', values))) Object.assign(known, values)
  for (const field of removals) if (await send(id, 'DELETE', `/${field}`)) delete known[field]
  written.set(id, known)
}

/** Syncs run one after the other: a trigger while one runs sees what it wrote (no request storm, no lost change). */
let queue = Promise.resolve()

/**
 * Brings the orderForm's customData in step with the identity: one
 * `PUT /api/checkout/pub/orderForm/{id}/customData/ads-events` for the values that changed, and one
 * `DELETE …/customData/ads-events/{field}` per field to clear that it may hold (logout, refused
 * consent). Resolves once done; a failed request is not remembered, so the next trigger retries it. Placeholder ids (order-manager's `default-order-form`) are never written.
 */
export const syncOrderFormIdentity = (orderFormId: unknown, plan: BridgePlan, customData?: unknown): Promise<void> =>
  validId(orderFormId) && orderFormId !== 'default-order-form' ? (queue = queue.then(() => sync(orderFormId as string, plan, customData), () => undefined)) : queue
