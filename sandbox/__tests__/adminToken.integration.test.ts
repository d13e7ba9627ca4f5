/**
 * Admin-initiated calls on the admin's own token (VTEX's App Store engineering guidelines: "For
 * user-initiated actions, apps should use … ctx.vtex.adminUserAuthToken"), proven through the real
 * Service over HTTP: the stand-ins of OMS, the checkout configuration and Master Data CL see whose
 * VTEX ID token each call carries, answer a user by their License Manager role, and refuse the app's
 * token inside an admin's operation. A limited admin (the app's page, no orders) is told which
 * resource their role lacks, and nothing changes.
 */
import { loadOrder, HARD_MASKED_FIXTURE } from '../../node/__fixtures__'
import { STATE_BUCKET } from '../../node/deliveryStore/buckets'
import type { DeliveryRecord } from '../../node/deliveryStore/ledger'
import { loadSandboxSettings, SANDBOX_LOGINS, startSandbox, type Sandbox } from '../sandbox'
import { ledgerRecords } from '../pageServer'
import { MISTYPED_OUTLET_BRAND, OUTLET_BRAND, seedAdminDemo, withOutletBrand } from '../admin/demo'
import type { VtexApiCall } from '../platform/userAccess'

jest.setTimeout(120_000)

let sandbox: Sandbox
let outletOrderId: string
beforeAll(async () => {
  sandbox = await startSandbox({ settings: withOutletBrand(loadSandboxSettings(), MISTYPED_OUTLET_BRAND) })
  outletOrderId = await seedAdminDemo(sandbox)
  // The merchant fixes the brand row: a replay would now deliver.
  sandbox.state.settings = withOutletBrand(sandbox.state.settings, OUTLET_BRAND)
})
afterAll(() => sandbox?.stop())
afterAll(() => expect(sandbox.state.policyViolations).toEqual([]))

type Answer = { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { exception?: { code?: string } } }> }
const as = (login: keyof typeof SANDBOX_LOGINS) => async (query: string, variables: Record<string, unknown> = {}) =>
  (await sandbox.service!.graphql(query, variables, { cookies: { VtexIdclientAutCookie: SANDBOX_LOGINS[login].token } })).body as Answer
const admin = as('admin')
const limitedAdmin = as('limitedAdmin')

const REPLAY = 'mutation($orderIds: [String!]!, $destination: String) { adsEventsReplay(orderIds: $orderIds, destination: $destination) { destination status attempts } }'
const outletRecord = () => ledgerRecords(sandbox).find((record) => record.destination === 'vtexAds' && record.orderId === outletOrderId)
const callsSince = (from: number): VtexApiCall[] => sandbox.state.vtexApiCalls.slice(from)
const backfillJobs = () => [...sandbox.state.vbase.keys()].filter((key) => key.includes(`/${STATE_BUCKET}/backfill-`))
const vtexAdsRequests = () => sandbox.state.received.filter((received) => received.standIn === 'vtexAds').length
const today = () => new Date().toISOString().slice(0, 10)

describe('a limited admin (the app page, no other resource)', () => {
  it('replay: told their role lacks OMS "View order"; the dead letter stays as it was, nothing is sent', async () => {
    const before = outletRecord() as DeliveryRecord
    expect(before.status).toBe('dead')
    const conversions = vtexAdsRequests()
    const from = sandbox.state.vtexApiCalls.length
    const answer = await limitedAdmin(REPLAY, { orderIds: [outletOrderId], destination: 'vtexAds' })
    expect(answer.data?.adsEventsReplay ?? null).toBeNull()
    expect(answer.errors?.[0]?.extensions?.exception?.code).toBe('FORBIDDEN')
    expect(answer.errors?.[0]?.message).toMatch(/missing the License Manager resource "View order" \(OMS\), needed to read order 1390660515333-01\..*Nothing was changed\./)
    expect(outletRecord()).toEqual(before)
    expect(vtexAdsRequests()).toBe(conversions)
    // One refused read on the admin's token; no retry, no fallback to the app's token.
    expect(callsSince(from).map(({ endpoint, caller, adminOperation, status }) => ({ endpoint, caller, adminOperation, status }))).toEqual([
      { endpoint: 'OMS: get order', caller: SANDBOX_LOGINS.limitedAdmin.user, adminOperation: true, status: 403 },
    ])
  })

  it('replay of every dead letter and the preview: the same named refusal', async () => {
    const all = await limitedAdmin('mutation { adsEventsReplayDeadLetters(destination: "vtexAds") { replayed sent } }')
    expect(all.errors?.[0]?.message).toMatch(/"View order" \(OMS\)/)
    expect(outletRecord()?.status).toBe('dead')
    const preview = await limitedAdmin(`query { adsEventsPreview(orderId: "${outletOrderId}") { orderId } }`)
    expect(preview.errors?.[0]?.message).toMatch(/"View order" \(OMS\)/)
  })

  it('checkout registration: told their role lacks "Save OrderForm Configuration"; the configuration is untouched', async () => {
    const configuration = JSON.stringify(sandbox.state.orderFormConfiguration)
    sandbox.state.orderFormConfiguration = { ...sandbox.state.orderFormConfiguration, apps: [] }
    const emptied = JSON.stringify(sandbox.state.orderFormConfiguration)
    const register = await limitedAdmin('mutation { adsEventsRegisterOrderFormApp }')
    expect(register.errors?.[0]?.message).toMatch(/missing the License Manager resource "Save OrderForm Configuration" \(Checkout\)/)
    expect(JSON.stringify(sandbox.state.orderFormConfiguration)).toBe(emptied)
    const status = await limitedAdmin('query { adsEventsOrderFormApp { registered } }')
    expect(status.errors?.[0]?.message).toMatch(/"Save OrderForm Configuration"/)
    // The full admin may: the registration is back.
    expect((await admin('mutation { adsEventsRegisterOrderFormApp }')).data).toEqual({ adsEventsRegisterOrderFormApp: true })
    expect(JSON.parse(JSON.stringify(sandbox.state.orderFormConfiguration)).apps).toEqual(JSON.parse(configuration).apps)
  })

  it('backfill: told their role lacks OMS "List Orders"; no job is created', async () => {
    const jobs = backfillJobs()
    const answer = await limitedAdmin(`mutation { adsEventsBackfill(from: "${today()}", to: "${today()}") { id } }`)
    expect(answer.errors?.[0]?.message).toMatch(/missing the License Manager resource "List Orders" \(OMS\)/)
    expect(backfillJobs()).toEqual(jobs)
  })

  it("still sees the page's figures: the app's own index is read on the app's token", async () => {
    const health = await limitedAdmin('query { adsEventsHealth { destinations { destination last24h { dead } } } }')
    expect(health.errors).toBeUndefined()
    const vtexAds = (health.data!.adsEventsHealth as { destinations: Array<{ destination: string; last24h: { dead: number } }> }).destinations.find(
      (entry) => entry.destination === 'vtexAds'
    )
    expect(vtexAds?.last24h.dead).toBeGreaterThanOrEqual(1)
  })
})

describe('the admin', () => {
  it("replay reads the order on the admin's own token, and delivers it", async () => {
    const from = sandbox.state.vtexApiCalls.length
    const answer = await admin(REPLAY, { orderIds: [outletOrderId], destination: 'vtexAds' })
    expect(answer.errors).toBeUndefined()
    // The answer lists the order's every record; the replayed one is now sent.
    expect(answer.data?.adsEventsReplay).toContainEqual(expect.objectContaining({ destination: 'vtexAds', status: 'sent' }))
    expect(outletRecord()?.status).toBe('sent')
    // At the stand-ins: the order and (its e-mail masked hard, VTEX's default) the customer's profile,
    // both on the admin's token; no call of the admin's operation carried the app's.
    expect(callsSince(from).map(({ endpoint, caller, adminOperation, status }) => ({ endpoint, caller, adminOperation, status }))).toEqual([
      { endpoint: 'OMS: get order', caller: SANDBOX_LOGINS.admin.user, adminOperation: true, status: undefined },
      { endpoint: 'Master Data v1: search the customers (CL)', caller: SANDBOX_LOGINS.admin.user, adminOperation: true, status: undefined },
    ])
  })

  it("preview of a hard-masked order reads the customer's profile (CL) on the admin's token", async () => {
    const orderId = loadOrder(HARD_MASKED_FIXTURE).orderId
    const from = sandbox.state.vtexApiCalls.length
    const answer = await admin(`query { adsEventsPreview(orderId: "${orderId}") { orderId notes } }`)
    expect(answer.errors).toBeUndefined()
    expect(callsSince(from).map(({ endpoint, caller }) => [endpoint, caller])).toEqual([
      ['OMS: get order', SANDBOX_LOGINS.admin.user],
      ['Master Data v1: search the customers (CL)', SANDBOX_LOGINS.admin.user],
    ])
  })

  it("backfill start lists one order of the range on the admin's token; the walk stays the scheduled run's", async () => {
    const from = sandbox.state.vtexApiCalls.length
    const answer = await admin(`mutation { adsEventsBackfill(from: "${today()}", to: "${today()}") { id status } }`)
    expect(answer.errors).toBeUndefined()
    expect(callsSince(from).map(({ endpoint, caller }) => [endpoint, caller])).toEqual([['OMS: list orders', SANDBOX_LOGINS.admin.user]])
    const walk = sandbox.state.vtexApiCalls.length
    await sandbox.runSchedules()
    const walked = callsSince(walk).filter((call) => call.endpoint === 'OMS: list orders')
    expect(walked.length).toBeGreaterThan(0)
    expect(new Set(walked.map((call) => [call.caller, call.adminOperation].join()))).toEqual(new Set(['app,false']))
  })
})

it("broadcasts read orders on the app's own token", async () => {
  const from = sandbox.state.vtexApiCalls.length
  const order = loadOrder('simple')
  expect(await sandbox.service!.sendEvent({ domain: 'Marketplace', orderId: order.orderId, currentState: 'order-created', lastState: '' })).toBe(204)
  const calls = callsSince(from).filter((call) => call.endpoint === 'OMS: get order')
  expect(calls.length).toBeGreaterThan(0)
  for (const call of calls) expect([call.caller, call.adminOperation, call.status]).toEqual(['app', false, undefined])
})
