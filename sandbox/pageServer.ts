import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http'
import type { DeliveryRecord } from '../node/deliveryStore/ledger'
import { LEDGER_BUCKET } from '../node/deliveryStore/vbaseLedger'
import { ORDER_RECORDS_BUCKET } from '../node/deliveryStore/recordStore'
import { deliveriesOf, type OrderRecord } from '../node/deliveryStore/orderRecord'
import { dashboardHtml } from './dashboard'
import { listen } from './lib/servers'
import { orderFromCart } from './orderFromCart'
import { customerProfiles, type Sandbox } from './sandbox'
import { cookiesOf } from './storefront/http'
import { journeys, recordBeacons, type BeaconSeen } from './storefront/journeys'
import { createStorefrontRoutes, currentOrderForm, SANDBOX_USER_COOKIE } from './storefront/routes'
import type { ConfiguredApp } from './storefront/orderForms'
import { createAdminRoutes } from './admin/routes'

/** The statuses a placed order goes through right away, as orders-broadcast sends them. */
const ORDER_FLOW = ['order-created', 'payment-pending', 'payment-approved', 'ready-for-handling']

const registeredApps = (configuration: Record<string, unknown>): ConfiguredApp[] =>
  (Array.isArray(configuration.apps) ? configuration.apps : []).filter(
    (app): app is ConfiguredApp => typeof app?.id === 'string' && Array.isArray(app.fields)
  )

/** Every destination's delivery of every order: the order records (claim files aside), and per-destination files of earlier versions. */
export function ledgerRecords(sandbox: Sandbox): DeliveryRecord[] {
  const parse = (value: Buffer) => JSON.parse(value.toString('utf8')) as unknown
  return [...sandbox.state.vbase.entries()].flatMap(([key, value]) => {
    if (key.includes(`/${ORDER_RECORDS_BUCKET}/`)) return key.includes('~') ? [] : deliveriesOf(parse(value) as OrderRecord)
    return key.includes(`/${LEDGER_BUCKET}/`) ? [parse(value) as DeliveryRecord] : []
  })
}

async function placeOrder(sandbox: Sandbox, req: IncomingMessage, sequence: number) {
  const orderForm = currentOrderForm(req)
  if (!orderForm || orderForm.items.length === 0) return { status: 400, body: { error: 'the cart is empty' } }

  const order = orderFromCart(orderForm, sequence, Date.now(), cookiesOf(req)[SANDBOX_USER_COOKIE])
  sandbox.state.orders.set(order.orderId, order)
  // The checkout keeps the buyer's profile (Master Data CL) with the real address; OMS only ever shows it masked.
  const profile = customerProfiles([order])[0]
  if (profile) sandbox.state.profiles.set(profile.userId, profile)
  orderForm.items = []
  orderForm.value = 0
  const broadcasts: Record<string, number> = {}
  for (const [index, state] of ORDER_FLOW.entries()) {
    broadcasts[state] = await sandbox.service!.sendEvent({ domain: 'Marketplace', orderId: order.orderId, currentState: state, lastState: ORDER_FLOW[index - 1] ?? '' })
  }
  return { status: 200, body: { orderId: order.orderId, broadcasts } }
}

/**
 * The page a person opens: the demo store (real react blocks), the dashboard of what the
 * stand-ins received, and the sandbox's controls (place order, inject a failure).
 */
export async function startPageServer(sandbox: Sandbox, port = 0, options: { production?: boolean } = {}): Promise<{ server: Server; origin: string }> {
  // The demo page's ads take the real path: page → sponsoredAds on the Service → Get ads stand-in.
  const storefront = createStorefrontRoutes({
    eventsBaseUrl: sandbox.eventsOrigin,
    graphql: (query, variables, forwarded) => sandbox.service!.graphql(query, variables, forwarded),
    production: options.production,
    // The checkout accepts our customData only once the Service registered the app (as on VTEX).
    registeredApps: () => registeredApps(sandbox.state.orderFormConfiguration),
    // Calls of the page that break VTEX's published contracts land beside the Service's.
    contracts: sandbox.state,
  })
  // The merchant's admin page and the settings editor (sandbox/admin/).
  const admin = createAdminRoutes(sandbox)
  let sequence = 0
  const beacons: BeaconSeen[] = []
  recordBeacons(sandbox.vtexAds, beacons)

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    try {
      if (url.pathname === '/_sandbox' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        return res.end(dashboardHtml())
      }
      if (url.pathname === '/_sandbox/received.json') return reply(200, sandbox.state.received.slice(-500))
      if (url.pathname === '/_sandbox/ledger.json') return reply(200, ledgerRecords(sandbox))
      if (url.pathname === '/_sandbox/violations.json') return reply(200, { policy: sandbox.state.policyViolations, contract: sandbox.state.contractViolations })
      if (url.pathname === '/_sandbox/journeys.json') return reply(200, { beacons: beacons.slice(-200), orders: journeys([...sandbox.state.orders.values()], beacons, ledgerRecords(sandbox)) })
      if (url.pathname === '/_sandbox/place-order' && req.method === 'POST') {
        const placed = await placeOrder(sandbox, req, ++sequence)
        return reply(placed.status, placed.body)
      }
      if (url.pathname === '/_sandbox/fail-next' && req.method === 'POST') {
        const status = Number(url.searchParams.get('status') ?? 503)
        sandbox.state.injectFailures(url.searchParams.get('standIn') ?? 'vtexAds', [status])
        return reply(200, { queued: status })
      }
      if (await admin(req, res, url)) return
      if (await storefront(req, res, url)) return
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204)
        return res.end()
      }
      reply(404, { error: 'not found' })
    } catch (error) {
      reply(500, { error: (error as Error).message })
    }
  })

  let actual: number
  try {
    actual = await listen(server, port)
  } catch {
    actual = await listen(server, 0)
  }
  const origin = `http://127.0.0.1:${actual}`
  // The Get ads stand-in's creatives are served by this page server (/_sandbox/media/).
  sandbox.getAds.mediaBaseUrl = origin
  sandbox.allowedOrigins.push(origin, `http://localhost:${actual}`)
  return { server, origin }
}
