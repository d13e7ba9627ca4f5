/**
 * npm start: the local sandbox. The real node Service and the real storefront blocks run against
 * stand-ins of VTEX (OMS, checkout, VBase, app settings) and of the ad platforms; a page lets a
 * person browse sponsored products, see beacons arrive, place an order and watch the conversion.
 *
 *   npm start                 # serve until Ctrl-C
 *   npm start -- --once       # replay the fixture broadcasts, print what arrived, exit (CI smoke)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'http'
import { join } from 'path'
import type { Received } from './lib/standIn'
import { close, listen } from './lib/servers'
import { orderFromCart } from './orderFromCart'
import { startSandbox, type Sandbox } from './sandbox'
import { createStorefrontRoutes } from './storefront/routes'
import { orderForms } from './storefront/orderForms'
import { dashboardHtml } from './dashboard'
import { loadBroadcasts } from '../test/fixtures'
import type { DeliveryRecord } from '../node/delivery/ledger'
import { LEDGER_BUCKET } from '../node/delivery/vbaseLedger'

const FIXTURE_BROADCASTS = ['simple-lifecycle', 'invoiced-only', 'canceled-after-payment'] as const
const ORDER_FLOW = ['order-created', 'payment-pending', 'payment-approved', 'ready-for-handling']

const args = process.argv.slice(2)
const once = args.includes('--once')
const requestedPort = Number(process.env.PORT ?? 3000)

const line = (received: Received) => `  ${received.standIn.padEnd(8)} ${received.summary}`
/** Infra reads are the app's bookkeeping: shown in the dashboard, not in the terminal. */
const worthPrinting = (received: Received) => received.standIn !== 'infra' || received.method !== 'GET'

function cookie(req: IncomingMessage, name: string): string | undefined {
  return (req.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1]
}

async function replayFixtures(sandbox: Sandbox): Promise<void> {
  for (const name of FIXTURE_BROADCASTS) {
    console.log(`\n▶ broadcasts ${name}.json`)
    for (const broadcast of loadBroadcasts(name)) {
      const status = await sandbox.service!.sendEvent(broadcast)
      console.log(`  broadcast ${broadcast.orderId} ${broadcast.currentState} → Service answered ${status}`)
    }
  }
}

function ledgerRecords(sandbox: Sandbox): DeliveryRecord[] {
  return [...sandbox.state.vbase.entries()]
    .filter(([key]) => key.includes(`/${LEDGER_BUCKET}/`))
    .map(([, value]) => JSON.parse(value.toString('utf8')) as DeliveryRecord)
}

async function placeOrder(sandbox: Sandbox, req: IncomingMessage, sequence: number) {
  const orderFormId = /^__ofid_(.+)$/.exec(cookie(req, 'checkout.vtex.com') ?? '')?.[1]
  const orderForm = orderFormId ? orderForms.get(orderFormId) : undefined
  if (!orderForm || orderForm.items.length === 0) return { status: 400, body: { error: 'the cart is empty' } }

  const order = orderFromCart(orderForm, sequence, Date.now(), cookie(req, 'sandbox_user'))
  sandbox.state.orders.set(order.orderId, order)
  orderForm.items = []
  orderForm.value = 0
  const answers: Record<string, number> = {}
  for (const [index, state] of ORDER_FLOW.entries()) {
    answers[state] = await sandbox.service!.sendEvent({
      domain: 'Marketplace',
      orderId: order.orderId,
      currentState: state,
      lastState: ORDER_FLOW[index - 1] ?? '',
    })
  }
  return { status: 200, body: { orderId: order.orderId, broadcasts: answers } }
}

async function main() {
  const sandbox = await startSandbox()
  const storefront = createStorefrontRoutes({ eventsBaseUrl: sandbox.eventsOrigin })
  let sequence = 0

  const page = createServer(async (req: IncomingMessage, res: ServerResponse) => {
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
      if (url.pathname === '/_sandbox/place-order' && req.method === 'POST') {
        const placed = await placeOrder(sandbox, req, ++sequence)
        return reply(placed.status, placed.body)
      }
      if (url.pathname === '/_sandbox/fail-next' && req.method === 'POST') {
        const status = Number(url.searchParams.get('status') ?? 503)
        sandbox.state.injectFailures(url.searchParams.get('standIn') ?? 'vtexAds', [status])
        return reply(200, { queued: status })
      }
      if (await storefront(req, res, url)) return
      reply(404, { error: 'not found' })
    } catch (error) {
      reply(500, { error: (error as Error).message })
    }
  })

  let port: number
  try {
    port = await listen(page, requestedPort)
  } catch {
    port = await listen(page, 0)
  }
  const origin = `http://127.0.0.1:${port}`
  sandbox.allowedOrigins.push(origin, `http://localhost:${port}`)

  sandbox.state.onReceived((received) => {
    if (worthPrinting(received)) console.log(line(received))
  })

  console.log('ads-events sandbox')
  console.log(
    `  the real Service (node/) on 127.0.0.1:${sandbox.service!.port}, its clients routed through the sandbox proxy on :${sandbox.proxyPort}`
  )
  console.log(
    `  stand-ins: OMS + checkout, VBase, app settings (${join('sandbox', 'settings.json')}), VTEX Ads events API (${sandbox.eventsOrigin}), impact.com, OpenAI Ads`
  )

  await replayFixtures(sandbox)
  const accepted = [...sandbox.vtexAds.conversions.keys()]
  console.log(`\nVTEX Ads accepted ${accepted.length} conversion(s): ${accepted.join(', ') || 'none'}`)
  console.log(
    `impact.com queued ${sandbox.impact.conversions.size} conversion(s); OpenAI Ads stored ${sandbox.openai.events.size} event(s)`
  )
  console.log('Delivery ledger (VBase):')
  for (const record of ledgerRecords(sandbox)) {
    console.log(
      `  ${record.destination}:${record.orderId}  ${record.status}${record.reason ? ` (${record.reason})` : ''}${record.canceledAt ? ', order canceled later' : ''}`
    )
  }

  if (once) {
    await sandbox.stop()
    await close(page)
    process.exit(accepted.length > 0 ? 0 : 1)
  }

  console.log(`\n  Store:     ${origin}/   (browse, see beacons, add to cart, place an order)`)
  console.log(`  Dashboard: ${origin}/_sandbox   (everything the stand-ins received)`)
  console.log('  Ctrl-C to stop.\n')

  const shutdown = async () => {
    await sandbox.stop()
    await close(page)
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
