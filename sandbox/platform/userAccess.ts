import { json, type StandIn, type StandInReply, type StandInRequest } from '../lib/standIn'
import type { SandboxState } from '../state'
import { grantKey } from '../standins/vtexId'

/**
 * Who a call to a VTEX API is made for, as the API sees it: the VTEX ID token in VtexIdclientAutCookie
 * (@vtex/api's clients send the app's token there; an admin action sends the admin's, as VTEX's
 * "App authentication using auth tokens" shows). Proxy-Authorization always carries the app's token:
 * that is for the egress proxy and the manifest's policies (platform/policyCheck.ts).
 *
 * - The app's token: what the manifest's policies allow (checked at the proxy).
 * - A user's token: what that user's License Manager role holds. Each endpoint needs one of the
 *   resources VTEX's OpenAPI files list in its "Permissions" table; without one, 403.
 * - In an admin's operation (a GraphQL request carrying the admin's cookie), these endpoints must be
 *   called on the admin's token. VTEX itself would accept the app's token there; the sandbox refuses
 *   it, so that a call slipping back to the app's token (against the App Store engineering
 *   guidelines: "For user-initiated actions, apps should use … ctx.vtex.adminUserAuthToken") fails
 *   a test. The app's own storage (VBase, its Master Data v2 entity) is not in this table.
 */
export interface UserGovernedEndpoint {
  name: string
  method: string[]
  path: RegExp
  product: string
  anyOf: string[]
  source: string
}

const DOCUMENTS = ['Read only documents', 'Insert or update document (not remove)', 'Full access to all documents', 'Master Data administrator']

export const USER_GOVERNED_ENDPOINTS: UserGovernedEndpoint[] = [
  {
    name: 'OMS: get order',
    method: ['GET'],
    path: /^\/api\/oms\/pvt\/orders\/[^/]+$/,
    product: 'OMS',
    anyOf: ['View order', 'Orders Full Access'],
    source: 'VTEX - Orders API.json, GET /api/oms/pvt/orders/{orderId}, "Permissions"',
  },
  {
    name: 'OMS: list orders',
    method: ['GET'],
    path: /^\/api\/oms\/pvt\/orders\/?$/,
    product: 'OMS',
    anyOf: ['List Orders', 'Orders Full Access'],
    source: 'VTEX - Orders API.json, GET /api/oms/pvt/orders, "Permissions"',
  },
  {
    name: 'Checkout: orderForm configuration',
    method: ['GET', 'POST', 'PATCH'],
    path: /^\/api\/checkout\/pvt\/configuration\/orderForm$/i,
    product: 'Checkout',
    anyOf: ['Save OrderForm Configuration'],
    source: 'VTEX - Checkout API.json, GET and POST /api/checkout/pvt/configuration/orderForm, "Permissions"',
  },
  {
    name: 'Master Data v1: search the customers (CL)',
    method: ['GET'],
    path: /^\/api\/dataentities\/CL\/search$/,
    product: 'Dynamic Storage',
    anyOf: DOCUMENTS,
    source: 'VTEX - MasterData API - v10.2.json, GET /api/dataentities/{acronym}/search, "Permissions"',
  },
]

export const endpointOf = (method: string, pathname: string): UserGovernedEndpoint | undefined =>
  USER_GOVERNED_ENDPOINTS.find((endpoint) => endpoint.method.includes(method) && endpoint.path.test(pathname))

/** Who made one call to a user-governed VTEX API: read by tests at the stand-in. */
export interface VtexApiCall {
  at: number
  endpoint: string
  method: string
  path: string
  /** `app`, or the VTEX ID user whose token it was. */
  caller: string
  /** The call belongs to an admin's GraphQL operation. */
  adminOperation: boolean
  status?: number
}

const header = (request: StandInRequest, name: string) => {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** The refusal a call gets, or undefined when its caller may make it. */
export function checkCaller(request: StandInRequest, state: SandboxState, account: string): StandInReply | undefined {
  const endpoint = endpointOf(request.method, request.url.pathname)
  if (!endpoint) return undefined
  const token = header(request, 'vtexidclientautcookie')
  const operation = header(request, 'x-vtex-operation-id')
  const adminOperation = operation !== undefined && state.adminOperations.has(operation)
  const user = token ? state.vtexIdTokens.get(token) : undefined
  const call: VtexApiCall = { at: Date.now(), endpoint: endpoint.name, method: request.method, path: request.url.pathname, caller: token === state.appToken ? 'app' : (user?.user ?? 'unknown'), adminOperation }
  state.vtexApiCalls.push(call)
  const refuse = (status: number, message: string) => {
    call.status = status
    return json(status, { error: { code: String(status), message } })
  }
  if (!token) return refuse(401, 'missing VtexIdclientAutCookie')
  if (token === state.appToken)
    return adminOperation
      ? refuse(403, `sandbox: ${endpoint.name} in an admin's operation must be made on the admin's token (ctx.vtex.adminUserAuthToken), not the app's`)
      : undefined
  if (!user || user.account !== account) return refuse(401, 'unknown or expired VTEX ID token')
  if (!endpoint.anyOf.some((resource) => state.grants.has(grantKey(user.user, endpoint.product, resource))))
    return refuse(403, `Forbidden: the user's role holds none of ${endpoint.anyOf.map((resource) => `"${resource}"`).join(', ')} (${endpoint.product})`)
  return undefined
}

/** `standIn`, answering only calls whose caller may make them (see checkCaller). */
export const requireCaller = (standIn: StandIn, state: SandboxState, account: string): StandIn => ({
  ...standIn,
  handle: (request) => checkCaller(request, state, account) ?? standIn.handle(request),
})
