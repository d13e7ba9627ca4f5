/**
 * The sandbox holds every call to VTEX's published contracts (sandbox/contracts/): one invalid of
 * each kind, through the real proxy and origin servers. A request VTEX's schema refuses never
 * reaches the stand-in and gets VTEX's error answer; a stand-in answer VTEX never gives is drift.
 * Both are recorded in the state, where the integration suites assert there are none.
 */
import { request as httpRequest } from 'http'
import { startSandbox, SANDBOX_ACCOUNT, type Sandbox } from '../sandbox'
import type { VtexOrder } from '../../node/typings/order'

jest.setTimeout(60_000)

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ service: false })
})
afterAll(async () => sandbox?.stop())
beforeEach(() => {
  sandbox.state.contractViolations.length = 0
  sandbox.state.received.length = 0
})

/** A call the way the IO clients make it: to the sandbox's forward proxy, absolute URL, app token. */
const throughProxy = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const req = httpRequest(
      { host: '127.0.0.1', port: sandbox.proxyPort, method, path: url, headers: { host: new URL(url).host, 'proxy-authorization': sandbox.state.appToken, vtexidclientautcookie: sandbox.state.appToken, ...(payload ? { 'content-type': 'application/json' } : {}), ...headers } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') }))
      }
    )
    req.on('error', reject)
    req.end(payload)
  })

const OMS = `http://portal.vtexcommercestable.com.br/api/oms/pvt/orders`

it('an invalid request to a real stand-in is refused as VTEX refuses it, recorded, and never reaches the stand-in', async () => {
  const answer = await throughProxy('GET', `${OMS}?an=${SANDBOX_ACCOUNT}&f_creationDate=${encodeURIComponent('creationDate:[2026-01-01T00:00:00Z TO 2026-01-02T00:00:00Z]')}&per_page=all`)
  expect(answer).toEqual({ status: 400, body: { error: { code: 'InvalidRequest', message: '/query/per_page must be integer', exception: null } } })
  expect(sandbox.state.contractViolations).toEqual([
    expect.objectContaining({ kind: 'request', method: 'GET', operation: 'Orders API GET /api/oms/pvt/orders', status: 400, errors: '/query/per_page must be integer' }),
  ])
  expect(sandbox.state.received.map((received) => received.standIn)).toEqual(['contract'])
})

it('a conversion that breaks the Ads API schema gets the 422 Ajv list the seeds document, before the VTEX Ads stand-in sees it', async () => {
  const answer = await throughProxy('POST', 'https://events.newtail-media.newtail.com.br/v1/beacon/conversion', { channel: 'site', publisher_id: 'sandbox-publisher', order_id: 'o-1', items: 'none' })
  expect(answer.status).toBe(422)
  expect(answer.body).toContainEqual(expect.objectContaining({ instancePath: '/items', keyword: 'type', message: 'must be array' }))
  expect(sandbox.vtexAds.conversions.has('o-1')).toBe(false)
  expect(sandbox.state.contractViolations).toEqual([expect.objectContaining({ kind: 'request', operation: 'Ads API POST /v1/beacon/conversion', status: 422 })])
})

it('a beacon from the browser that breaks the schema (no session_id nor user_id) is refused at the events origin too', async () => {
  const response = await fetch(`${sandbox.eventsOrigin}/v1/beacon/view/ad-1?ad_type=product`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
  expect(response.status).toBe(422)
  expect(sandbox.state.contractViolations).toEqual([expect.objectContaining({ kind: 'request', operation: 'Ads API POST /v1/beacon/view/{ad_id}' })])
  expect(sandbox.vtexAds.beacons).toEqual([])
})

it('a stand-in answer that breaks the response schema is detected as drift (an order whose items are not a list)', async () => {
  const order = { ...[...sandbox.state.orders.values()][0], orderId: 'drift-01', items: 'three items' } as unknown as VtexOrder
  sandbox.state.orders.set(order.orderId, order)
  const answer = await throughProxy('GET', `${OMS}/drift-01?an=${SANDBOX_ACCOUNT}`)
  // The answer still goes out (the app sees what the stand-in said), and the drift is on record.
  expect(answer.status).toBe(200)
  expect(sandbox.state.contractViolations).toEqual([
    expect.objectContaining({ kind: 'answer', operation: 'Orders API GET /api/oms/pvt/orders/{orderId}', status: 200, errors: expect.stringContaining('/items must be array') }),
  ])
})

it('valid calls pass untouched, and calls no vendored file describes (VBase) are not checked', async () => {
  const fixture = [...sandbox.state.orders.keys()][0]
  expect((await throughProxy('GET', `${OMS}/${fixture}?an=${SANDBOX_ACCOUNT}`)).status).toBe(200)
  expect((await throughProxy('GET', `https://infra.io.vtex.com/vbase/v2/${SANDBOX_ACCOUNT}/master/buckets/app/bucket/files/nothing`)).status).toBe(404)
  expect(sandbox.state.contractViolations).toEqual([])
})
