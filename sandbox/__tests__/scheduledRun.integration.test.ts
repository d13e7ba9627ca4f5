/**
 * What happens without a broadcast, over HTTP through the real Service: the app registers its
 * schedule with the scheduler on install, and the scheduler's calls to the scheduled-run route
 * retry failed deliveries, reconcile orders whose broadcast never came, and walk backfills.
 * The Service's scheduled clock runs 100× faster here (5 minutes are 3 s), and the test makes the
 * scheduler's calls itself, when it wants them.
 */
import { SANDBOX_ACCOUNT, SANDBOX_LOGINS, SANDBOX_WORKSPACE, startSandbox, type Sandbox } from '../sandbox'
import { RETRY_QUEUE_BUCKET } from '../../node/deliveryStore/buckets'
import { ORDER_RECORDS_BUCKET } from '../../node/deliveryStore/recordStore'
import { deliveryOf } from '../../node/deliveryStore/orderRecord'
import type { DeliveryRecord } from '../../node/deliveryStore/ledger'
import type { VtexOrder } from '../../node/typings/order'
import { SCHEDULER_PRINCIPAL } from '../platform/scheduleClock'
import { unlistedCalls } from '../contracts/coverage'

jest.setTimeout(90_000)

const SCALE = 0.01
const scaled = (ms: number) => ms * SCALE
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ schedule: { timeScale: SCALE } })
})
afterAll(() => sandbox?.stop())
afterAll(() => expect(sandbox.state.policyViolations).toEqual([]))
afterAll(() => expect(sandbox.state.contractViolations).toEqual([]))
// Every VTEX endpoint the Service called is in the contract coverage's list (sandbox/contracts/coverage.ts).
afterAll(() => expect(unlistedCalls(sandbox.state.received)).toEqual([]))

const ledger = (orderId: string): DeliveryRecord | undefined => {
  const file = sandbox.state.vbase.get([SANDBOX_ACCOUNT, SANDBOX_WORKSPACE, 'adsevents.ads-events', ORDER_RECORDS_BUCKET, orderId].join('/'))
  return file && deliveryOf(JSON.parse(file.toString('utf8')), 'vtexAds')
}
const queued = (orderId: string) => [...sandbox.state.vbase.keys()].some((key) => key.includes(`/${RETRY_QUEUE_BUCKET}/${orderId}~`))
const conversions = (orderId: string) => sandbox.vtexAds.conversions.get(orderId) ?? 0
/** A new order in OMS, a copy of the simple fixture placed `agoMs` ago. */
const placeOrder = (orderId: string, agoMs: number): VtexOrder => {
  const order = { ...sandbox.state.orders.get('1390620512853-01')!, orderId, status: 'ready-for-handling', creationDate: new Date(Date.now() - agoMs).toISOString() }
  sandbox.state.orders.set(orderId, order)
  return order
}
const run = async () => {
  const [call] = await sandbox.runSchedules()
  expect(call.status).toBe(200)
  return call.body as { ran: boolean; retries: { processed: number; gaveUp: number }; reconciliation: { handled: number }; backfills: Array<{ id: string; status: string }> }
}

it('the app registered its scheduled run with the scheduler when it was installed', () => {
  expect([...sandbox.state.schedules.values()]).toEqual([
    expect.objectContaining({
      id: 'ads-events-scheduled-run',
      workspace: SANDBOX_WORKSPACE,
      app: 'adsevents.ads-events',
      request: expect.objectContaining({ method: 'POST', uri: `https://${SANDBOX_WORKSPACE}--${SANDBOX_ACCOUNT}.myvtex.com/_v/ads-events/scheduled-run` }),
      scheduler: expect.objectContaining({ expression: '*/5 * * * *' }),
    }),
  ])
})

it("VTEX's router lets only the scheduler call the scheduled-run route, and only with a POST", async () => {
  const route = '/_v/ads-events/scheduled-run'
  expect((await sandbox.service!.callRoute(route, 'POST')).status).toBe(403)
  expect((await sandbox.service!.callRoute(route, 'POST', {}, 'vrn:vtex.vtex-id:aws-us-east-1:mystore:master:user/shopper@example.com')).status).toBe(403)
  expect((await sandbox.service!.callRoute(route, 'GET', {}, SCHEDULER_PRINCIPAL)).status).toBe(403)
})

it('an order whose only broadcast failed is delivered by a scheduled run, once', async () => {
  // Placed long before reconciliation's first window: only the retry queue brings it back.
  const order = placeOrder('1390620577777-01', 3 * 3_600_000)
  sandbox.state.injectFailures('vtexAds', [500, 500, 500, 500])
  expect(await sandbox.service!.sendEvent({ orderId: order.orderId, currentState: 'invoiced' })).toBe(500)
  expect(ledger(order.orderId)).toMatchObject({ status: 'failed', reason: 'http-500' })
  expect(queued(order.orderId)).toBe(true)

  expect((await run()).retries.processed).toBe(0) // due 2 minutes after the failure
  await sleep(scaled(2 * 60_000) + 200)
  expect((await run()).retries.processed).toBe(1)
  expect(ledger(order.orderId)).toMatchObject({ status: 'sent', attempts: 5 })
  expect(queued(order.orderId)).toBe(false)
  expect(conversions(order.orderId)).toBe(1)
})

it('an order whose broadcast never came is delivered by reconciliation, once', async () => {
  // Reconciliation's first window ends 5 minutes (scaled) before now: the order is older than that.
  const order = placeOrder('1390620566666-01', scaled(12 * 60_000))
  const first = await run()
  expect(first.reconciliation.handled).toBeGreaterThanOrEqual(1)
  expect(conversions(order.orderId)).toBe(1)
  expect(ledger(order.orderId)).toMatchObject({ status: 'sent' })
  await sleep(scaled(5 * 60_000))
  await run()
  expect(conversions(order.orderId)).toBe(1)
})

describe('backfill', () => {
  const admin = { cookies: { VtexIdclientAutCookie: SANDBOX_LOGINS.admin.token } }
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  const start = () =>
    sandbox.service!.graphql(`mutation { adsEventsBackfill(from: "${day(Date.now() - 2 * 86_400_000)}", to: "${day(Date.now())}") { id status ordersSeen ordersQueued } }`, {}, admin)

  it('sends a date range once, however often it is started', async () => {
    const older = placeOrder('1390620555555-01', 26 * 3_600_000) // a day ago: before the app's reconciliation
    const first = (await start()).body as { data: { adsEventsBackfill: { id: string; status: string } } }
    expect(first.data.adsEventsBackfill).toMatchObject({ status: 'queued' })
    expect(((await start()).body as typeof first).data.adsEventsBackfill.id).toBe(first.data.adsEventsBackfill.id)

    const report = await run()
    expect(report.backfills).toEqual([expect.objectContaining({ id: first.data.adsEventsBackfill.id, status: 'done' })])
    expect(conversions(older.orderId)).toBe(1)
    const counts = new Map(sandbox.vtexAds.conversions)

    expect(((await start()).body as typeof first).data.adsEventsBackfill).toMatchObject({ status: 'done' })
    await run()
    expect(new Map(sandbox.vtexAds.conversions)).toEqual(counts)
    const jobs = (await sandbox.service!.graphql('query { adsEventsBackfillJobs { id status ordersSeen } }', {}, admin)).body as { data: { adsEventsBackfillJobs: unknown[] } }
    expect(jobs.data.adsEventsBackfillJobs).toEqual([expect.objectContaining({ id: first.data.adsEventsBackfill.id, status: 'done' })])
  })

  it('refuses a range older than 30 days with the reason', async () => {
    const answer = (await sandbox.service!.graphql('mutation { adsEventsBackfill(from: "2026-01-01", to: "2026-01-05") { id } }', {}, admin)).body as { errors: Array<{ message: string }> }
    expect(answer.errors[0].message).toMatch(/30 days/)
  })
})
