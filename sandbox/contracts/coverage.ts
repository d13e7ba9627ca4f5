import type { Received } from '../lib/standIn'
import { VTEX_HOST } from '../platform/policyCheck'
import { contractChecker } from './contractCheck'
import { VENDORED_SPECS } from './specs'

/**
 * Every VTEX endpoint the app calls, and whether a vendored OpenAPI file checks it. The Service's
 * follow the policy table (sandbox/platform/policyCheck.ts; a test keeps the two in step) and the
 * integration suites fail on a call missing here; the page's and the browser's come from
 * react/identity (userId.ts, orderFormBridge.ts) and react/tracking (the Get ads event URLs).
 */
export interface AppEndpoint {
  method: string
  /** A host the call goes to (the IO gateway for the Service's calls). */
  host: string
  /** OpenAPI-style template: `{name}` is one path segment. */
  path: string
  caller: 'service' | 'page' | 'browser'
}

const JANUS = 'portal.vtexcommercestable.com.br'
const MASTER_DATA = 'api.vtex.com'
const INFRA = 'infra.io.vtex.com'
const VBASE_FILE = '/vbase/v2/{account}/{workspace}/buckets/{app}/{bucket}/files/{path}'
/** Checkout and Session Manager on the store's host, as the page reaches them. */
const STORE = 'mystore.vtexcommercestable.com.br'
const EVENTS = 'events.newtail-media.newtail.com.br'

const service = (method: string, host: string, path: string): AppEndpoint => ({ method, host, path, caller: 'service' })

export const APP_ENDPOINTS: AppEndpoint[] = [
  service('GET', JANUS, '/api/oms/pvt/orders/{orderId}'),
  service('GET', JANUS, '/api/oms/pvt/orders'),
  service('GET', JANUS, '/api/orders/pvt/document/{orderId}'),
  service('GET', JANUS, '/api/checkout/pvt/configuration/orderForm'),
  service('POST', JANUS, '/api/checkout/pvt/configuration/orderForm'),
  service('GET', MASTER_DATA, '/api/dataentities/CL/search'),
  service('GET', MASTER_DATA, '/api/dataentities/{dataEntityName}/search'),
  service('PUT', MASTER_DATA, '/api/dataentities/{dataEntityName}/documents/{id}'),
  service('DELETE', MASTER_DATA, '/api/dataentities/{dataEntityName}/documents/{id}'),
  service('GET', MASTER_DATA, '/api/dataentities/{dataEntityName}/schemas/{schemaName}'),
  service('PUT', MASTER_DATA, '/api/dataentities/{dataEntityName}/schemas/{schemaName}'),
  service('GET', INFRA, VBASE_FILE),
  service('PUT', INFRA, VBASE_FILE),
  service('DELETE', INFRA, VBASE_FILE),
  service('GET', INFRA, '/vbase/v2/{account}/{workspace}/buckets/{app}/{bucket}/files'),
  service('GET', INFRA, '/apps/v0/{account}/{workspace}/apps/{app}/settings'),
  service('GET', 'vtexid.vtex.com.br', '/api/vtexid/pub/authenticated/user'),
  service(
    'GET',
    'mystore.vtexcommercestable.com.br',
    '/api/license-manager/pvt/accounts/{account}/products/{productCode}/logins/{login}/resources/{resourceCode}/granted'
  ),
  service('PUT', JANUS, '/api/scheduler/{workspace}/{app}'),
  service('POST', EVENTS, '/v1/beacon/conversion'),
  service('POST', 'newtail-media.newtail.com.br', '/v1/rma/{publisher_id}'),
  { method: 'GET', host: STORE, path: '/api/sessions', caller: 'page' },
  { method: 'POST', host: STORE, path: '/api/sessions', caller: 'page' },
  { method: 'PUT', host: STORE, path: '/api/checkout/pub/orderForm/{orderFormId}/customData/{appId}', caller: 'page' },
  { method: 'DELETE', host: STORE, path: '/api/checkout/pub/orderForm/{orderFormId}/customData/{appId}/{appFieldName}', caller: 'page' },
  ...['impression', 'view', 'click'].map((kind): AppEndpoint => ({
    method: 'POST',
    host: EVENTS,
    path: `/v1/beacon/${kind}/{ad_id}`,
    caller: 'browser',
  })),
]

/** A URL of the endpoint (each `{name}` filled with its name), to find the operation that describes it. */
export const exampleUrl = (endpoint: AppEndpoint): URL => new URL(`https://${endpoint.host}${endpoint.path.replace(/\{([^}]+)\}/g, '$1')}`)

const patternOf = (path: string) =>
  new RegExp(
    `^${path
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+')}$`
  )

export interface EndpointCoverage {
  endpoint: AppEndpoint
  /** The published operation that checks it, or undefined. */
  operation?: string
}

export function contractCoverage(endpoints: AppEndpoint[] = APP_ENDPOINTS): EndpointCoverage[] {
  return endpoints.map((endpoint) => ({ endpoint, operation: contractChecker().describe(endpoint.method, exampleUrl(endpoint))[0]?.key }))
}

/** What the endpoints no file checks are, in a few words each (the README line names them). */
const UNCHECKED_NAMES: Array<[RegExp, string]> = [
  [/^\/vbase\//, 'VBase'],
  [/^\/apps\/v0\//, 'app settings'],
  [/^\/api\/vtexid\//, 'VTEX ID'],
  [/^\/api\/license-manager\//, 'License Manager'],
  [/^\/api\/scheduler\//, 'scheduler'],
]

/** The README's one line, recomputed: a test compares it with README.md. */
export function coverageLine(coverage: EndpointCoverage[] = contractCoverage()): string {
  const unchecked = coverage.filter((entry) => !entry.operation)
  const names = new Map<string, number>()
  for (const { endpoint } of unchecked) {
    const name =
      UNCHECKED_NAMES.find(([pattern]) => pattern.test(endpoint.path))?.[1] ?? `${endpoint.method} ${endpoint.host}${endpoint.path}`
    names.set(name, (names.get(name) ?? 0) + 1)
  }
  const list = [...names].map(([name, count]) => (count > 1 ? `${name} (${count})` : name)).join(', ')
  return `Contract coverage: ${coverage.length - unchecked.length} of ${coverage.length} VTEX endpoints the app calls are checked against VTEX's OpenAPI; not covered (no vendored VTEX OpenAPI file describes them): ${list}. Details: [sandbox/README.md](sandbox/README.md#contract-checks).`
}

const isVtexHost = (host: string) => VTEX_HOST.test(host) || VENDORED_SPECS.some((spec) => spec.hosts.some((pattern) => pattern.test(host)))

/** Calls the stand-ins received from the app to a VTEX host that no endpoint above describes. */
export function unlistedCalls(received: Received[], endpoints: AppEndpoint[] = APP_ENDPOINTS): string[] {
  const compiled = endpoints.map((endpoint) => ({ endpoint, pattern: patternOf(endpoint.path) }))
  const unlisted = new Set<string>()
  for (const call of received) {
    if (call.standIn === 'policy' || call.standIn === 'contract') continue
    const url = new URL(call.url)
    // `/_v/…` is the app's own route, called by the platform (the scheduler), not a call of the app.
    if (!isVtexHost(url.hostname) || url.pathname.startsWith('/_v/')) continue
    const listed = compiled.some(
      ({ endpoint, pattern }) =>
        endpoint.method === call.method &&
        (endpoint.host === url.hostname || isSameApiHost(endpoint.host, url.hostname)) &&
        pattern.test(url.pathname)
    )
    if (!listed) unlisted.add(`${call.method} ${url.hostname}${url.pathname}`)
  }
  return [...unlisted]
}

/** `portal.` (IO's gateway) and `{account}.vtexcommercestable.com.br` reach the same APIs. */
const isSameApiHost = (listed: string, called: string) =>
  /\.vtexcommercestable\.com\.br$/.test(listed) && /\.vtexcommercestable\.com\.br$/.test(called)
