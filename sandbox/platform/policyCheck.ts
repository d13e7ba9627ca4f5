/**
 * What a real VTEX account does with every outbound call of an IO app: refuse it (403) unless the
 * app's manifest.json declares the policy that call needs. The sandbox proxy runs this check on
 * every request of the Service, so a policy missing from the manifest fails here as it would on
 * VTEX, and a test fails with it.
 *
 * Each rule cites the public source of the policy it requires. A VTEX host (*.vtex.com*,
 * *.vtexcommercestable.com.br…) without a rule is refused too: a new VTEX endpoint needs its rule,
 * with its source, before the app may call it here. Any other host is the internet: it needs an
 * `outbound-access` policy whose host and path match (VTEX docs, "Policies").
 */
export interface ManifestPolicy {
  name: string
  attrs?: { host?: string; path?: string }
}

export interface OutboundCall {
  method: string
  url: URL
}

/** One of these policy names (alternatives), or an outbound-access policy matching the call. */
type Requirement = { anyOf: string[] } | { outboundAccess: true }

export interface PolicyRule {
  name: string
  host: RegExp
  path: RegExp
  methods?: string[]
  requires: Requirement[]
  source: string
}

const STABLE = /^(portal|[a-z0-9-]+)\.vtexcommercestable\.com\.br$/

/** Master Data v2 entities an app owns are named `{vendor}_{appName}_{entity}` (`.`, `-` → `_`). */
const ownEntity = (appName: string) => `${appName.replace(/[.-]/g, '_')}_[A-Za-z0-9_]+`

/** The rules for the app `appName` (vendor.name): it may read only its own settings. */
export const policyRules = (appName: string): PolicyRule[] => [
  {
    name: "Master Data v2: search the app's own entity",
    host: /^api\.vtex\.com$/,
    path: new RegExp(`^/api/dataentities/${ownEntity(appName)}/search$`),
    methods: ['GET'],
    requires: [{ anyOf: ['ADMIN_DS', 'POWER_USER_DS'] }, { outboundAccess: true }],
    source:
      'Master Data API v2 OpenAPI (vtex/openapi-schemas "VTEX - Master Data API - v2.json"): GET /api/dataentities/{dataEntityName}/search needs "Read only documents" or more; VTEX "Policies from License Manager": ADMIN_DS; vtex/affiliates searches its own v2 entity with ADMIN_DS and outbound-access api.vtex.com /api/dataentities/*.',
  },
  {
    name: 'OMS: get order',
    host: STABLE,
    path: /^\/api\/oms\/pvt\/orders\/[^/]+$/,
    methods: ['GET'],
    requires: [{ anyOf: ['OMSViewer'] }],
    source: 'developers.vtex.com release note "Custom IO apps need to add the ListOrders resource" (2023-02-09): "OMSViewer: view orders."',
  },
  {
    name: 'Orders API (PII version): get order',
    host: STABLE,
    path: /^\/api\/orders\/pvt\/document\/[^/]+$/,
    methods: ['GET'],
    requires: [{ anyOf: ['OMSViewer'] }],
    source:
      'Orders API PII version OpenAPI (vtex/openapi-schemas "VTEX - Orders API PII version.json"): GET /api/orders/pvt/document/{orderId} needs OMS "View order" (or Checkout "Orders Full Access"); the release note above: "OMSViewer: view orders."',
  },
  {
    name: 'OMS: list orders',
    host: STABLE,
    path: /^\/api\/oms\/pvt\/orders\/?$/,
    methods: ['GET'],
    requires: [{ anyOf: ['OMSViewer'] }, { anyOf: ['ListOrders'] }],
    source: 'same release note: "ListOrders: list orders." Custom IO apps must add {"name": "ListOrders"} alongside OMSViewer.',
  },
  {
    name: 'Checkout: orderForm configuration',
    host: STABLE,
    path: /^\/api\/checkout\/pvt\/configuration\/orderForm$/i,
    requires: [{ anyOf: ['SaveOrderFormConfiguration'] }, { outboundAccess: true }],
    source:
      'VTEX docs "Policies from License Manager": SaveOrderFormConfiguration, resource /api/checkout/pvt/configuration/orderform; Checkout API OpenAPI requires "Save OrderForm Configuration" for GET, POST and PATCH; vtex-apps/b2b-checkout-settings declares it with outbound-access portal.vtexcommercestable.com.br.',
  },
  {
    name: 'Master Data v1: search documents',
    host: /^api\.vtex\.com$/,
    path: /^\/api\/dataentities\/[A-Za-z0-9_]+\/search$/,
    methods: ['GET'],
    requires: [{ anyOf: ['ADMIN_DS', 'POWER_USER_DS'] }, { outboundAccess: true }],
    source:
      'Master Data API v1 OpenAPI (search: Dynamic Storage resources); VTEX "Policies from License Manager": ADMIN_DS; vtex-apps/storefront-permissions reads CL from node with ADMIN_DS and outbound-access api.vtex.com /api/dataentities/*.',
  },
  {
    name: 'Master Data v2: the app\'s own documents (create or replace by id, read)',
    host: /^api\.vtex\.com$/,
    path: new RegExp(`^/api/dataentities/${ownEntity(appName)}/documents/[^/]+$`),
    methods: ['GET', 'PUT', 'PATCH'],
    requires: [{ anyOf: ['ADMIN_DS', 'POWER_USER_DS'] }, { outboundAccess: true }],
    source:
      'Master Data API v2 OpenAPI (vtex/openapi-schemas "VTEX - Master Data API - v2.json"): PUT /api/dataentities/{dataEntityName}/documents/{id} needs "Insert or update document (not remove)", "Full access to all documents" or "Master Data administrator"; VTEX "Policies from License Manager": ADMIN_DS; vtex/affiliates and vtex/affiliates-commission-service write their own entities with ADMIN_DS and outbound-access api.vtex.com /api/dataentities/*.',
  },
  {
    name: 'Master Data v2: the app\'s own documents (delete: the index migration removes the v1 documents)',
    host: /^api\.vtex\.com$/,
    path: new RegExp(`^/api/dataentities/${ownEntity(appName)}/documents/[^/]+$`),
    methods: ['DELETE'],
    requires: [{ anyOf: ['ADMIN_DS'] }, { outboundAccess: true }],
    source:
      'Master Data API v2 OpenAPI (vtex/openapi-schemas "VTEX - Master Data API - v2.json"): DELETE /api/dataentities/{dataEntityName}/documents/{id} needs "Full access to all documents" or "Master Data administrator"; VTEX "Policies from License Manager": ADMIN_DS; vtex-apps/storefront-permissions (node/resolvers/Mutations/Users.ts deleteUser) deletes documents of its own v2 entity with ADMIN_DS.',
  },
  {
    name: 'Master Data v2: the app\'s own schema (read, create or update)',
    host: /^api\.vtex\.com$/,
    path: new RegExp(`^/api/dataentities/${ownEntity(appName)}/schemas/[^/]+$`),
    methods: ['GET', 'PUT'],
    requires: [{ anyOf: ['ADMIN_DS'] }, { outboundAccess: true }],
    source:
      'Master Data API v2 OpenAPI: PUT /api/dataentities/{dataEntityName}/schemas/{schemaName} ("Save schema by name") needs "Master Data administrator" only; vtex-apps/storefront-permissions (node/mdSchema.ts) and vtex-apps/b2b-quotes-graphql create their schemas with createOrUpdateSchema under ADMIN_DS and outbound-access api.vtex.com /api/dataentities/*.',
  },
  {
    name: 'VBase',
    host: /^infra\.io\.vtex\.com$/,
    path: /^\/vbase\/v2\//,
    requires: [{ anyOf: ['vbase-read-write'] }],
    source: 'License Manager resources, product VTEX IO (66): vbase-read-write; vtex-apps/service-example.',
  },
  {
    name: "Apps: the app's own settings",
    host: /^infra\.io\.vtex\.com$/,
    path: new RegExp(`^/apps/v0/[^/]+/[^/]+/apps/${appName.replace(/\./g, '\\.')}((@|%40)[^/]+)?/settings$`),
    methods: ['GET'],
    requires: [],
    source: 'vtex/skills vtex-io-app-settings: an app reads its own settings with getAppSettings(VTEX_APP_ID), no policy ("do not add read-workspace-apps").',
  },
  {
    name: 'VTEX ID: authenticated user (the @auth directive of @vtex/api)',
    host: /^vtexid\.vtex\.com\.br$/,
    path: /^\/api\/vtexid\/pub\/authenticated\/user$/,
    methods: ['GET'],
    requires: [{ outboundAccess: true }],
    source: 'vtex-apps/admin-graphql-ide declares outbound-access vtexid.vtex.com.br /api/vtexid/pub/authenticated/user for this call.',
  },
  {
    name: 'License Manager: resource granted (the @auth directive of @vtex/api)',
    host: STABLE,
    path: /^\/api\/license-manager\/pvt\/accounts\/[^/]+\/products\/[^/]+\/logins\/[^/]+\/resources\/[^/]+\/granted$/,
    methods: ['GET'],
    requires: [],
    source: "@vtex/api 6.51.3 runtime graphql/schema/schemaDirectives/Auth.js: the runtime's own check, made with the app token; VTEX docs \"GraphQL authorization in IO apps\".",
  },
  {
    name: 'Scheduler',
    host: STABLE,
    path: /^\/api\/scheduler\//,
    requires: [{ outboundAccess: true }],
    source: 'vtex-apps/b2b-quotes-graphql and vtex-apps/storefront-permissions declare outbound-access portal.vtexcommercestable.com.br /api/scheduler/* to register schedules.',
  },
]

/** Hosts of the platform itself: a call to them needs a rule above, never just outbound-access. */
export const VTEX_HOST = /(^|\.)(vtex\.com|vtex\.com\.br|vtexcommercestable\.com\.br|vtexcommerce\.com\.br|myvtex\.com|vtex\.io)$/

const globToRegExp = (glob: string) => new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`)

/**
 * outbound-access {host, path}: "`host` and `path` accept `{{account}}` as a variable and the `*`
 * character as a wildcard" (VTEX docs, "Accessing external resources within a VTEX IO app"); `*` spans
 * segments (vtex-apps/store-graphql declares `/api/oms/*`, and a wildcard mid-path for its sessions' tokens). The path is matched
 * without the query string: VTEX's own apps declare `/api/vtexid/pub/authenticated/user` for
 * @vtex/api's `?authToken=` call (vtex-apps/store-graphql, admin-graphql-ide).
 */
export function outboundAccessAllows(policies: ManifestPolicy[], url: URL, account: string): boolean {
  return policies.some((policy) => {
    if (policy.name !== 'outbound-access' || !policy.attrs?.host) return false
    const host = policy.attrs.host.replace(/\{\{account\}\}/g, account).toLowerCase()
    return host === url.hostname.toLowerCase() && globToRegExp(policy.attrs.path ?? '/*').test(url.pathname)
  })
}

export type PolicyDecision = { allowed: true; rule?: string } | { allowed: false; reason: string }

export interface AppUnderTest {
  /** vendor.name, from manifest.json */
  appName: string
  account: string
  policies: ManifestPolicy[]
}

export function checkPolicies(call: OutboundCall, app: AppUnderTest): PolicyDecision {
  const { policies, account } = app
  const names = new Set(policies.map((policy) => policy.name))
  const rule = policyRules(app.appName).find(
    (candidate) =>
      candidate.host.test(call.url.hostname) && candidate.path.test(call.url.pathname) && (!candidate.methods || candidate.methods.includes(call.method))
  )
  if (!rule) {
    if (VTEX_HOST.test(call.url.hostname))
      return { allowed: false, reason: `no policy rule for VTEX endpoint ${call.method} ${call.url.hostname}${call.url.pathname}: the sandbox refuses what it cannot vouch for` }
    return outboundAccessAllows(policies, call.url, account)
      ? { allowed: true, rule: 'outbound-access' }
      : { allowed: false, reason: `missing policy outbound-access {host: ${call.url.hostname}, path: ${call.url.pathname}}` }
  }
  for (const requirement of rule.requires) {
    if ('anyOf' in requirement && !requirement.anyOf.some((name) => names.has(name)))
      return { allowed: false, reason: `${rule.name}: missing policy ${requirement.anyOf.join(' or ')}` }
    if ('outboundAccess' in requirement && !outboundAccessAllows(policies, call.url, account))
      return { allowed: false, reason: `${rule.name}: missing policy outbound-access {host: ${call.url.hostname}, path: ${call.url.pathname}}` }
  }
  return { allowed: true, rule: rule.name }
}
