import type { IncomingMessage, ServerResponse } from 'http'

import { demoAds } from './ads'
import { buildStorefrontBundle } from './build'
import { cookiesOf, readJson, send, sendJson } from './http'
import { addItem, createOrderForm, orderForms, SandboxOrderForm, setCustomData } from './orderForms'

export type StorefrontRoutes = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>

export interface StorefrontOptions {
  /** Origin of the fake VTEX Ads events API the demo ads beacon to; '' = the page's own origin. */
  eventsBaseUrl?: string
}

/** VTEX's checkout cookie: `checkout.vtex.com=__ofid_<orderFormId>`. */
const ORDER_FORM_COOKIE = 'checkout.vtex.com'
/** Sandbox-only login: the session API reports this profile id as an authenticated shopper. */
export const SANDBOX_USER_COOKIE = 'sandbox_user'

const ID = /^[A-Za-z0-9._:~-]{1,128}$/

const currentOrderForm = (req: IncomingMessage): SandboxOrderForm | undefined => {
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

const demoHtml = (eventsBaseUrl: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ads-events sandbox store</title>
<style>
body{margin:0;font-family:system-ui,sans-serif;color:#1b1b1b;background:#fafafa}
header{display:flex;justify-content:space-between;align-items:center;padding:12px 24px;background:#14213d;color:#fff}
main{max-width:960px;margin:0 auto;padding:24px}
.shelf{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:16px}
.card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px;height:180px;display:flex;flex-direction:column;justify-content:space-between}
.tag{font-size:11px;color:#777;text-transform:uppercase}
button{cursor:pointer}
.spacer{height:900px;display:flex;align-items:center;justify-content:center;color:#999}
</style></head>
<body><div id="root"></div>
<script>window.__SANDBOX_ADS__=${JSON.stringify(demoAds(eventsBaseUrl)).replace(/</g, '\\u003c')}</script>
<script src="/assets/storefront.js"></script></body></html>`

/**
 * The demo store: the page, its script, and the Checkout / session APIs it calls. Returns
 * true when it handled the request.
 */
export const createStorefrontRoutes = (options: StorefrontOptions = {}): StorefrontRoutes => {
  let bundle: Promise<string> | undefined
  const eventsBaseUrl = options.eventsBaseUrl || ''

  return async (req, res, url) => {
    const method = req.method || 'GET'
    const path = url.pathname

    if (method === 'GET' && path === '/') {
      send(res, 200, demoHtml(eventsBaseUrl), 'text/html; charset=utf-8')
      return true
    }
    if (method === 'GET' && path === '/assets/storefront.js') {
      bundle = bundle || buildStorefrontBundle()
      send(res, 200, await bundle, 'text/javascript; charset=utf-8')
      return true
    }
    if (method === 'GET' && path === '/api/sessions') {
      sendJson(res, 200, sessionAnswer(req))
      return true
    }
    if ((method === 'GET' || method === 'POST') && path === '/api/checkout/pub/orderForm') {
      sendJson(res, 200, getOrCreateOrderForm(req, res))
      return true
    }
    const customData = /^\/api\/checkout\/pub\/orderForm\/([^/]+)\/customData\/([^/]+)(?:\/([^/]+))?$/.exec(path)
    if (customData && method === 'PUT') {
      const [, orderFormId, appId, field] = customData
      const orderForm = orderForms.get(orderFormId)
      if (!orderForm) {
        sendJson(res, 404, { error: { code: 'CHK0041', message: 'orderForm not found' } })
        return true
      }
      if (!/^application\/json\b/.test(req.headers['content-type'] || '')) {
        sendJson(res, 415, { error: { message: 'Content-Type must be application/json' } })
        return true
      }
      const body = (await readJson(req)) as Record<string, unknown> | undefined
      const fields = field ? { [field]: body?.value } : body || {}
      if (!setCustomData(orderForm, appId, fields)) {
        sendJson(res, 400, { error: { message: 'unknown app or field, or a value that is not a string' } })
        return true
      }
      sendJson(res, 200, orderForm)
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
