import type { IncomingMessage, ServerResponse } from 'http'

import { DEMO_MEDIA, demoProducts } from './ads'
import { catalogGraphql, catalogProduct } from './catalogGraphql'
import { APP_PROVIDER, routeGraphql, type GraphqlProvider } from './graphqlGateway'
import { buildStorefrontFiles } from './build'
import { cookiesOf, readBody, readJson, send, sendJson } from './http'
import { openContractExchange, type ContractSink } from '../platform/contractGate'
import type { StandInReply } from '../lib/standIn'
import { addItem, ConfiguredApp, createOrderForm, orderForms, REGISTERED_APP, removeCustomDataField, SandboxOrderForm, setCustomData } from './orderForms'

export type StorefrontRoutes = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>

export interface StorefrontOptions {
  /** Origin of the fake VTEX Ads events API the demo ads beacon to; '' = the page's own origin. */
  eventsBaseUrl?: string
  /** Runs a query on the app's GraphQL (the real Service, through @vtex/api's runtime); without it the app's queries get 503. */
  graphql?: GraphqlProvider
  /** React's production build, minified (the bench); default: development, with React's warnings. */
  production?: boolean
  /**
   * The customData apps of the account's orderForm configuration, read live: the sandbox core
   * passes what the Service registered, so the checkout refuses our app until it is registered.
   * Default (pages without the Service): our app, as registered.
   */
  registeredApps?: () => ConfiguredApp[]
  /**
   * Where calls to VTEX's APIs that break VTEX's published contract are recorded (the sandbox
   * state); they are refused as VTEX refuses them either way. Default: a list of these routes' own.
   */
  contracts?: ContractSink
}

/**
 * The search results of the demo search page, as VTEX's search-result with its own VTEX Ads
 * integration renders them: the sponsored copy first, carrying the ad's event URLs in
 * `advertisement.eventUrls` (there, from its own Get ads call; here, the events stand-in's URL
 * shape), then the organic results, the advertised product included.
 */
const NATIVE_SPONSORED_SKU = '2004'
const searchResults = (eventsBaseUrl: string) => {
  const native = demoProducts.find((product) => product.sku === NATIVE_SPONSORED_SKU)!
  const adId = `vtex-search-${native.sku}`
  const url = (kind: string) => `${eventsBaseUrl}/v1/beacon/${kind}/${adId}`
  return [
    {
      ...catalogProduct(native),
      cacheId: `ad-${native.productId}`,
      // @vtex/ads-core's advertisement (vtex/ads-js hydration/mappers.ts): eventParameters is base64 of the impression URL.
      advertisement: { eventUrls: { impression: url('impression'), view: url('view'), click: url('click') }, eventParameters: Buffer.from(url('impression')).toString('base64'), sponsoredBySellerId: '1' },
    },
    ...demoProducts.map(catalogProduct),
  ]
}

/** VTEX's checkout cookie: `checkout.vtex.com=__ofid_<orderFormId>`. */
const ORDER_FORM_COOKIE = 'checkout.vtex.com'
/** Sandbox-only login: the session API reports this profile id as an authenticated shopper. */
export const SANDBOX_USER_COOKIE = 'sandbox_user'

/**
 * VTEX's segment cookie: base64 of the shopper's segment, whose `channel` is the sales channel; a
 * store's `?sc=<id>` switches it. The gateway forwards it to apps as `x-vtex-segment`.
 */
export const SEGMENT_COOKIE = 'vtex_segment'
export const segmentToken = (salesChannel: string) =>
  Buffer.from(JSON.stringify({ campaigns: null, channel: salesChannel, priceTables: null, regionId: null, utm_campaign: null, utm_source: null, utmi_campaign: null, currencyCode: 'USD', currencySymbol: '$', countryCode: 'USA', cultureInfo: 'en-US', channelPrivacy: 'public' })).toString('base64')

const ID = /^[A-Za-z0-9._:~-]{1,128}$/

/** The orderForm of the shopper's checkout cookie, as the Checkout API finds it. */
export const currentOrderForm = (req: IncomingMessage): SandboxOrderForm | undefined => {
  const id = /^__ofid_(.+)$/.exec(cookiesOf(req)[ORDER_FORM_COOKIE] || '')?.[1]
  return id ? orderForms.get(id) : undefined
}

const orderFormCookie = (orderForm: SandboxOrderForm) => `${ORDER_FORM_COOKIE}=__ofid_${orderForm.orderFormId}; Path=/; SameSite=Lax`

const getOrCreateOrderForm = (req: IncomingMessage, res: ServerResponse) => {
  const existing = currentOrderForm(req)
  if (existing) return existing
  const created = createOrderForm()
  res.setHeader('Set-Cookie', orderFormCookie(created))
  return created
}

/** The Store Framework session API, reduced to what the identity reads. */
const sessionAnswer = (req: IncomingMessage) => {
  const user = cookiesOf(req)[SANDBOX_USER_COOKIE]
  const profile = user && ID.test(user) ? { id: { value: user }, isAuthenticated: { value: 'true' } } : { isAuthenticated: { value: 'false' } }
  return { id: 'sandbox-session', namespaces: { profile } }
}

const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')

/**
 * What render-session does at the start of every Store Framework page: one request to the session
 * API, its answer left on `window.__RENDER_8_SESSION__.sessionPromise` (the identity reads it there).
 */
export const RENDER_SESSION_SCRIPT = `<script>window.__RENDER_8_SESSION__={sessionPromise:fetch('/api/sessions?items=profile.id,profile.isAuthenticated',{method:'POST',credentials:'same-origin',headers:{'Content-Type':'application/json'},body:'{"public":{}}'}).then(function(r){return r.json()}).then(function(response){return {response:response,error:null}},function(){return {response:null,error:{message:'session'}}})}</script>`

/**
 * The demo store's page (home, search, product, cart, order placed: demo.tsx picks by URL). Like a
 * Store Framework page, it starts render-session's request at once and leaves its answer on
 * `window.__RENDER_8_SESSION__.sessionPromise` (RENDER_SESSION_SCRIPT), which the identity reads.
 * The theme's CSS keeps the header and the product cards a fixed size (a theme's own layout
 * shift is not the blocks'); the blocks reserve their space from their props.
 */
const demoHtml = (eventsBaseUrl: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ads-events sandbox store</title>
<style>
body{margin:0;font-family:system-ui,sans-serif;color:#1b1b1b;background:#fafafa}
header{display:flex;gap:16px;align-items:center;height:56px;padding:0 24px;background:#14213d;color:#fff;white-space:nowrap;overflow-x:auto}
header a{color:#fff}
header .cart{min-width:150px;white-space:nowrap}
main{max-width:960px;margin:0 auto;padding:24px}
h1{font-size:22px;line-height:28px;margin:0 0 16px}
h2,.adsevents-ads-events-0-x-sponsoredShelfTitle{font-size:18px;line-height:24px;margin:24px 0 12px}
.adsevents-ads-events-0-x-sponsoredShelf,.adsevents-ads-events-0-x-sponsoredBrand,.adsevents-ads-events-0-x-sponsoredBanner{margin-bottom:16px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:16px;list-style:none;margin:0;padding:0}
.card{position:relative;box-sizing:border-box;background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px;height:180px;display:flex;flex-direction:column;justify-content:space-between}
.card a{color:#1b1b1b}
.adsevents-ads-events-0-x-sponsoredLabel{border:1px solid #767676;text-transform:uppercase;letter-spacing:.04em}
/* This theme puts the search badge's label on the card's top edge, at the right (the cards are position: relative). */
.adsevents-ads-events-0-x-searchBadge>.adsevents-ads-events-0-x-sponsoredLabel{top:-11px;right:8px;margin:0}
button{cursor:pointer}
table{border-collapse:collapse;width:100%}td,th{padding:6px 8px;border-bottom:1px solid #ddd;text-align:left}
.spacer{height:700px;display:flex;align-items:center;justify-content:center;color:#666}
</style></head>
<body><div id="root"></div>
${RENDER_SESSION_SCRIPT}
<script>window.__SANDBOX_SEARCH__=${json(searchResults(eventsBaseUrl))};window.__SANDBOX_CATALOG__=${json(demoProducts.map(catalogProduct))}</script>
<script type="module" src="/assets/storefront.js"></script></body></html>`

/** The VTEX APIs the page calls on the store's host (Session Manager, Checkout's public orderForm API). */
const STORE_API = /^\/api\/(sessions|checkout\/pub\/)/
/** The host those APIs are published on (`https://{accountName}.vtexcommercestable.com.br`): their contracts apply here. */
const STORE_API_HOST = 'mystore.vtexcommercestable.com.br'

const reply = (status: number, body: unknown): StandInReply => ({ status, headers: { 'content-type': 'application/json; charset=utf-8' }, body })
const parsed = (body: Buffer): unknown => {
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    return undefined
  }
}

/** Session Manager and the Checkout API as the page uses them; undefined for a path they do not serve. */
function storeApi(method: string, path: string, body: Buffer, req: IncomingMessage, res: ServerResponse, registeredApps: () => ConfiguredApp[]): StandInReply | undefined {
  // GET: the identity's own lookup; POST: what render-session does at page start (the demo page emulates it).
  if ((method === 'GET' || method === 'POST') && path === '/api/sessions') return reply(200, sessionAnswer(req))
  if ((method === 'GET' || method === 'POST') && path === '/api/checkout/pub/orderForm') return reply(200, getOrCreateOrderForm(req, res))
  const customData = /^\/api\/checkout\/pub\/orderForm\/([^/]+)\/customData\/([^/]+)(?:\/([^/]+))?$/.exec(path)
  if (!customData || (method !== 'PUT' && method !== 'DELETE')) return undefined
  const [, orderFormId, appId, field] = customData
  const orderForm = orderForms.get(orderFormId)
  if (!orderForm) return reply(404, { error: { code: 'CHK0041', message: 'orderForm not found' } })
  if (method === 'DELETE') {
    if (!field) return undefined
    const result = removeCustomDataField(orderForm, appId, field, registeredApps())
    return result.ok ? reply(200, orderForm) : reply(result.status, { error: { code: result.code, message: result.message } })
  }
  if (!/^application\/json\b/.test(req.headers['content-type'] || '')) return reply(415, { error: { message: 'Content-Type must be application/json' } })
  const value = parsed(body) as Record<string, unknown> | undefined
  const fields = field ? { [field]: value?.value } : value || {}
  const result = setCustomData(orderForm, appId, fields, registeredApps())
  return result.ok ? reply(200, orderForm) : reply(result.status, { error: { code: result.code, message: result.message } })
}

/**
 * The demo store: the page, its script, and the Checkout / session APIs it calls. Returns
 * true when it handled the request.
 */
export const createStorefrontRoutes = (options: StorefrontOptions = {}): StorefrontRoutes => {
  let files: Promise<Map<string, string>> | undefined
  const eventsBaseUrl = options.eventsBaseUrl || ''
  const registeredApps = options.registeredApps || (() => [REGISTERED_APP])
  const contracts: ContractSink = options.contracts ?? { contractViolations: [] }
  // Where the store's GraphQL gateway sends each provider's queries; the app's go to the real Service.
  const providers: Record<string, GraphqlProvider> = {
    [APP_PROVIDER]: options.graphql ?? (async () => ({ status: 503, body: { errors: [{ message: `sandbox: ${APP_PROVIDER} is not running here` }] } })),
    'vtex.search-graphql': catalogGraphql,
  }

  return async (req, res, url) => {
    const method = req.method || 'GET'
    const path = url.pathname

    if (method === 'GET' && (path === '/' || path === '/cart' || path === '/checkout/orderPlaced')) {
      const salesChannel = url.searchParams.get('sc')
      const segment = salesChannel && /^\d{1,10}$/.test(salesChannel) ? segmentToken(salesChannel) : cookiesOf(req)[SEGMENT_COOKIE] ? undefined : segmentToken('1')
      send(res, 200, demoHtml(eventsBaseUrl), 'text/html; charset=utf-8', segment ? { 'Set-Cookie': `${SEGMENT_COOKIE}=${segment}; Path=/; SameSite=Lax` } : {})
      return true
    }
    const asset = /^\/assets\/([\w-]+\.js)$/.exec(path)
    if (method === 'GET' && asset) {
      files = files || buildStorefrontFiles({ production: options.production })
      const script = (await files).get(asset[1])
      if (script === undefined) return false
      send(res, 200, script, 'text/javascript; charset=utf-8')
      return true
    }
    if (STORE_API.test(path)) {
      const request = { method, url, headers: req.headers, body: Buffer.from(await readBody(req)) }
      // The page reaches Checkout and Session Manager on the store's own host: VTEX's published contract applies.
      const contract = openContractExchange(contracts, request, STORE_API_HOST)
      const reply = contract?.refusal ?? storeApi(method, path, request.body, req, res, registeredApps)
      if (!reply) return false
      if (!contract?.refusal) contract?.answered(reply)
      send(res, reply.status, JSON.stringify(reply.body), reply.headers?.['content-type'] ?? 'application/json; charset=utf-8')
      return true
    }
    if (method === 'POST' && path === '/_sandbox/graphql') {
      const segment = cookiesOf(req)[SEGMENT_COOKIE]
      const forwarded = { headers: { 'x-forwarded-host': req.headers.host || '', ...(segment ? { 'x-vtex-segment': segment } : {}) } }
      const answer = await routeGraphql(await readJson(req), providers, forwarded)
      sendJson(res, answer.status, answer.body)
      return true
    }
    const media = /^\/_sandbox\/media\/([a-z0-9-]+\.svg)$/.exec(path)
    if (method === 'GET' && media && DEMO_MEDIA[media[1]]) {
      send(res, 200, DEMO_MEDIA[media[1]], 'image/svg+xml', { 'Access-Control-Allow-Origin': '*' })
      return true
    }
    if (method === 'POST' && path === '/_sandbox/add-to-cart') {
      const body = (await readJson(req)) as { sku?: unknown; quantity?: unknown } | undefined
      const orderForm = getOrCreateOrderForm(req, res)
      const ok = typeof body?.sku === 'string' && addItem(orderForm, body.sku, typeof body.quantity === 'number' ? body.quantity : 1)
      sendJson(res, ok ? 200 : 400, ok ? orderForm : { error: 'unknown sku or bad quantity' })
      return true
    }
    return false
  }
}

/** The demo store with beacons on the page's own origin; the sandbox core passes its events origin through createStorefrontRoutes. */
export const storefrontRoutes: StorefrontRoutes = createStorefrontRoutes()
