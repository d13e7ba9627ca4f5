/**
 * The real Service (node/index.ts under @vtex/api's worker, in a child process) against the
 * sandbox stand-ins over HTTP: broadcasts arrive on the platform's _events route, the clients go
 * through the proxy. What the unit tests prove with fakes, proven here on the wire.
 */
import { startSandbox, SANDBOX_ACCOUNT, SANDBOX_LOGINS, SANDBOX_WORKSPACE, type Sandbox } from '../sandbox'
import { loadBroadcasts } from '../../node/__fixtures__'
import type { DeliveryRecord } from '../../node/deliveryStore/ledger'
import { DEAD_LETTER_BUCKET } from '../../node/deliveryStore/vbaseLedger'
import { ORDER_RECORDS_BUCKET } from '../../node/deliveryStore/recordStore'
import { deliveryOf } from '../../node/deliveryStore/orderRecord'
import { RETRY_QUEUE_BUCKET } from '../../node/deliveryStore/buckets'
import { sha256Hex } from '../../node/identity/hash'
import { unlistedCalls } from '../contracts/coverage'

jest.setTimeout(60_000)

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox?.stop())

// The sandbox behaves like a real account with VTEX's default settings: no call of the Service may
// have needed a policy the manifest lacks.
afterAll(() => expect(sandbox.state.policyViolations).toEqual([]))
afterAll(() => expect(sandbox.state.contractViolations).toEqual([]))
// Every VTEX endpoint the Service called is in the contract coverage's list (sandbox/contracts/coverage.ts).
afterAll(() => expect(unlistedCalls(sandbox.state.received)).toEqual([]))

const SIMPLE = '1390620512853-01'
const CORPORATE = '1390630512999-01'
const send = (body: unknown) => sandbox.service!.sendEvent(body)
const vbaseFile = (bucket: string, path: string) => sandbox.state.vbase.get([SANDBOX_ACCOUNT, SANDBOX_WORKSPACE, 'adsevents.ads-events', bucket, path].join('/'))
const ledger = (orderId: string): DeliveryRecord | undefined => {
  const file = vbaseFile(ORDER_RECORDS_BUCKET, orderId)
  return file && deliveryOf(JSON.parse(file.toString('utf8')), 'vtexAds')
}
const conversionsReceived = (orderId: string) =>
  sandbox.state.received.filter((received) => received.standIn === 'vtexAds' && received.summary.startsWith(`conversion ${orderId} `))

it('duplicate, concurrent and out-of-order broadcasts give one conversion', async () => {
  const lifecycle = loadBroadcasts('simple-lifecycle')
  const statuses = await Promise.all([...lifecycle].reverse().concat(lifecycle).map(send))
  expect(statuses.every((status) => status === 204)).toBe(true)
  expect(sandbox.vtexAds.conversions.get(SIMPLE)).toBe(1)
  expect(ledger(SIMPLE)).toMatchObject({ status: 'sent', attempts: 1 })
})

it('503 then 202: delivered once, inside the same broadcast', async () => {
  sandbox.state.injectFailures('vtexAds', [503])
  expect(await send(loadBroadcasts('invoiced-only')[0])).toBe(204)
  expect(conversionsReceived(CORPORATE).map((received) => received.status)).toEqual([503, 202])
  expect(sandbox.vtexAds.conversions.get(CORPORATE)).toBe(1)
  expect(ledger(CORPORATE)).toMatchObject({ status: 'sent', attempts: 2 })
})

it('a destination down for the whole retry budget: the Service answers 500 so the broadcaster retries', async () => {
  const order = { ...sandbox.state.orders.get(SIMPLE)!, orderId: '1390620599999-01' }
  sandbox.state.orders.set(order.orderId, order)
  sandbox.state.injectFailures('vtexAds', [500, 500, 500, 500])
  const broadcast = { domain: 'Marketplace', orderId: order.orderId, currentState: 'order-created', lastState: '' }
  expect(await send(broadcast)).toBe(500)
  expect(ledger(order.orderId)).toMatchObject({ status: 'failed', attempts: 4, reason: 'http-500' })
  expect(await send(broadcast)).toBe(204)
  expect(ledger(order.orderId)).toMatchObject({ status: 'sent', attempts: 5 })
})

it('422 from VTEX Ads: a dead letter with the answer, acknowledged, not retried', async () => {
  const order = { ...sandbox.state.orders.get(SIMPLE)!, orderId: '1390620588888-01' }
  sandbox.state.orders.set(order.orderId, order)
  sandbox.state.injectFailures('vtexAds', [422])
  expect(await send({ orderId: order.orderId, currentState: 'order-created' })).toBe(204)
  expect(await send({ orderId: order.orderId, currentState: 'payment-approved' })).toBe(204)
  expect(conversionsReceived(order.orderId)).toHaveLength(1)
  expect(ledger(order.orderId)).toMatchObject({ status: 'dead', reason: expect.stringMatching(/^http-422/) })
})

it('a malformed broadcast is recorded with its reason and acknowledged', async () => {
  expect(await send({ currentState: 'invoiced' })).toBe(204)
  const deadLetters = [...sandbox.state.vbase.entries()].filter(([key]) => key.includes(`/${DEAD_LETTER_BUCKET}/`))
  expect(deadLetters.map(([, value]) => JSON.parse(value.toString('utf8')))).toEqual([
    expect.objectContaining({ reason: 'malformed-broadcast: orderId missing or invalid (an order id is 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit)', body: { currentState: 'invoiced' } }),
  ])
})

it('registers the ads-events customData app in the checkout configuration, once', async () => {
  const apps = (sandbox.state.orderFormConfiguration.apps ?? []) as Array<{ id: string; fields: string[] }>
  expect(apps.filter((app) => app.id === 'ads-events')).toEqual([expect.objectContaining({ fields: ['session_id', 'user_id', 'impact_click_id', 'oppref', 'consent'] })])
  const writes = sandbox.state.received.filter((received) => received.method === 'POST' && received.url.includes('/configuration/orderForm'))
  expect(writes).toHaveLength(1)
})

it('an order OMS does not show (yet) is failed, queued for the scheduled run, and redelivered by the broadcaster', async () => {
  expect(await send({ orderId: '404404-01', currentState: 'order-created' })).toBe(500)
  expect(ledger('404404-01')).toMatchObject({ status: 'failed', reason: 'order-unreadable: http-404 (not readable yet)' })
  const queued = [...sandbox.state.vbase.keys()].filter((key) => key.includes(`/${RETRY_QUEUE_BUCKET}/404404-01~`))
  expect(queued).toHaveLength(1)
})

describe('a store with VTEX defaults: OMS masks e-mails hard', () => {
  const HARD = '1390650514222-01'
  const masterDataReads = () => sandbox.state.received.filter((received) => received.standIn === 'masterdata')

  it('OMS answers the alias, and VTEX Ads receives email_hashed of the address in the customer profile', async () => {
    expect(sandbox.state.emailMasking).toBe('hard')
    const before = masterDataReads().length
    expect(await send({ domain: 'Marketplace', orderId: HARD, currentState: 'order-created', lastState: '' })).toBe(204)
    expect(sandbox.vtexAds.conversions.get(HARD)).toBe(1)
    expect((sandbox.vtexAds.conversionBodies.get(HARD) as { email_hashed: string }).email_hashed).toBe(sha256Hex('ana.costa@example.com'))
    expect(masterDataReads().length).toBe(before + 1)
    expect(ledger(HARD)).toMatchObject({ status: 'sent', notes: expect.arrayContaining(['email-resolved: from the customer profile (Master Data CL)']) })
  })

  it('the soft-masked fixture, served hard like every order of this store, resolves through its profile too', () => {
    expect((sandbox.vtexAds.conversionBodies.get(SIMPLE) as { email_hashed: string }).email_hashed).toBe(sha256Hex('maria.silva@example.com'))
  })
})

describe('reads and writes are never served stale within one request', () => {
  it('an order OMS answers 404 for at first is read again in the same broadcast and delivered', async () => {
    const order = { ...sandbox.state.orders.get(SIMPLE)!, orderId: '1390620544444-01' }
    sandbox.state.orders.set(order.orderId, order)
    sandbox.state.injectFailures('oms', [404])
    expect(await send({ orderId: order.orderId, currentState: 'order-created' })).toBe(204)
    expect(sandbox.state.received.filter((received) => received.standIn === 'oms' && received.url.includes(order.orderId)).map((received) => received.status)).toEqual([404, 200])
    expect(ledger(order.orderId)).toMatchObject({ status: 'sent' })
  })

  it('adsEventsReplay answers with the records as they are after the replay', async () => {
    const order = { ...sandbox.state.orders.get(SIMPLE)!, orderId: '1390620533333-01' }
    sandbox.state.orders.set(order.orderId, order)
    sandbox.state.injectFailures('vtexAds', [422])
    await send({ orderId: order.orderId, currentState: 'order-created' })
    expect(ledger(order.orderId)).toMatchObject({ status: 'dead' })
    const answer = await sandbox.service!.graphql(
      `mutation { adsEventsReplay(orderIds: ["${order.orderId}"], destination: "vtexAds") { destination status attempts } }`,
      {},
      { cookies: { VtexIdclientAutCookie: SANDBOX_LOGINS.admin.token } }
    )
    expect((answer.body as { data: { adsEventsReplay: unknown[] } }).data.adsEventsReplay).toContainEqual({ destination: 'vtexAds', status: 'sent', attempts: 2 })
  })
})
