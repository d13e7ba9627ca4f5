/**
 * The admin page's GraphQL, driven over HTTP through the real Service (@vtex/api runtime, @auth
 * included) against the sandbox: ledger in VBase, its index in the Master Data v2 stand-in, VTEX
 * Ads refusing a mistyped brand. Figures are compared with the ledger itself, not with constants.
 */
import { createHash } from 'crypto'
import { loadBroadcasts, loadOrder, HARD_MASKED_FIXTURE } from '../../node/__fixtures__'
import type { DeliveryRecord } from '../../node/deliveryStore/ledger'
import { INDEX_PENDING_BUCKET } from '../../node/ledgerIndex/pendingReindex'
import { INDEX_MIGRATION_BUCKET } from '../../node/ledgerIndex/fullReindex'
import { legacyDocumentId, orderDocumentId } from '../../node/ledgerIndex/document'
import { indexEntityName } from '../../node/ledgerIndex/entity'
import { SANDBOX_APP_ID } from '../service'
import { loadSandboxSettings, SANDBOX_LOGINS, startSandbox, type Sandbox } from '../sandbox'
import { ledgerRecords } from '../pageServer'
import { MISTYPED_OUTLET_BRAND, OUTLET_BRAND, OUTLET_ORDER_ID, outletOrder, withOutletBrand } from '../admin/demo'
import { unlistedCalls } from '../contracts/coverage'

jest.setTimeout(120_000)

let sandbox: Sandbox
const answers: string[] = []
const CONSENT_REFUSED_ORDER_ID = '1390699990002-01'

beforeAll(async () => {
  sandbox = await startSandbox({ settings: withOutletBrand(loadSandboxSettings(), MISTYPED_OUTLET_BRAND) })
  sandbox.state.orders.set(OUTLET_ORDER_ID, outletOrder(OUTLET_ORDER_ID, Date.now()))
  // A shopper who refused consent: the one sale VTEX Ads does not get (skipped).
  sandbox.state.orders.set(CONSENT_REFUSED_ORDER_ID, { ...loadOrder('simple'), orderId: CONSENT_REFUSED_ORDER_ID, customData: { customApps: [{ id: 'ads-events', major: 1, fields: { consent: 'denied' } }] } })
  for (const name of ['simple-lifecycle', 'invoiced-only', 'canceled-after-payment'] as const)
    for (const broadcast of loadBroadcasts(name)) await sandbox.service!.sendEvent(broadcast)
  for (const orderId of [loadOrder(HARD_MASKED_FIXTURE).orderId, OUTLET_ORDER_ID, CONSENT_REFUSED_ORDER_ID])
    expect(await sandbox.service!.sendEvent({ domain: 'Marketplace', orderId, currentState: 'order-created', lastState: '' })).toBe(204)
})
afterAll(() => sandbox?.stop())
afterAll(() => expect(sandbox.state.policyViolations).toEqual([]))
afterAll(() => expect(sandbox.state.contractViolations).toEqual([]))
// Every VTEX endpoint the Service called is in the contract coverage's list (sandbox/contracts/coverage.ts).
afterAll(() => expect(unlistedCalls(sandbox.state.received)).toEqual([]))

type Answer<T> = { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> }
async function admin<T>(query: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> {
  const { body } = await sandbox.service!.graphql(query, variables, { cookies: { VtexIdclientAutCookie: SANDBOX_LOGINS.admin.token } })
  answers.push(JSON.stringify(body))
  return body as Answer<T>
}
async function adminData<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await admin<T>(query, variables)
  expect(answer.errors).toBeUndefined()
  return answer.data!
}

const statusAt = (record: DeliveryRecord) => Date.parse(record.status === 'sent' && record.sentAt ? record.sentAt : record.updatedAt)
const DESTINATIONS = ['vtexAds', 'impact', 'openai'] as const

const HEALTH = `query { adsEventsHealth { destinations { destination enabled lastSuccessAt alert failuresLastHour sentLastHour
  last24h { sent skipped dead failed } last7d { sent skipped dead failed } } } }`
const DELIVERIES = `query($filter: AdsEventsDeliveryFilter, $page: Int, $pageSize: Int) {
  adsEventsDeliveries(filter: $filter, page: $page, pageSize: $pageSize) { total page pageSize items { destination orderId status attempts reason updatedAt sentAt canceled } } }`
type Page = { adsEventsDeliveries: { total: number; items: Array<{ destination: string; orderId: string; status: string; attempts: number; reason: string | null; updatedAt: string }> } }
const deliveries = (variables: Record<string, unknown>) => adminData<Page>(DELIVERIES, variables).then((data) => data.adsEventsDeliveries)

describe('health', () => {
  it('counts per destination and window match the ledger', async () => {
    const { adsEventsHealth } = await adminData<{ adsEventsHealth: { destinations: Array<Record<string, unknown>> } }>(HEALTH)
    const records = ledgerRecords(sandbox)
    const since = Date.now() - 24 * 3_600_000
    for (const destination of DESTINATIONS) {
      const mine = records.filter((record) => record.destination === destination && statusAt(record) > since)
      const expected = Object.fromEntries(['sent', 'skipped', 'dead', 'failed'].map((status) => [status, mine.filter((record) => record.status === status).length]))
      const reported = adsEventsHealth.destinations.find((entry) => entry.destination === destination)!
      expect([destination, reported.last24h]).toEqual([destination, expected])
      expect([destination, reported.last7d]).toEqual([destination, expected])
      expect(reported.enabled).toBe(true)
      const lastSent = Math.max(...mine.filter((record) => record.status === 'sent').map(statusAt))
      expect(reported.lastSuccessAt).toBe(new Date(lastSent).toISOString())
    }
    // VTEX Ads refused the outlet order but accepted the others within the hour: no alert.
    const vtexAds = adsEventsHealth.destinations.find((entry) => entry.destination === 'vtexAds')!
    expect(vtexAds).toMatchObject({ alert: false, failuresLastHour: 1 })
  })
})

describe('identity coverage', () => {
  it('shares and skipped reasons match the ledger records of the destination', async () => {
    const { adsEventsIdentityCoverage: coverage } = await adminData<{ adsEventsIdentityCoverage: Record<string, unknown> & { skippedReasons: Array<{ reason: string }> } }>(
      'query { adsEventsIdentityCoverage(destination: "vtexAds") { destination converted sessionId noStorefrontSession consentRefused userId impactClickId oppref skipped skippedReasons { reason count } } }'
    )
    const mine = ledgerRecords(sandbox).filter((record) => record.destination === 'vtexAds')
    const mapped = mine.filter((record) => record.identity)
    const carrying = (id: 'sessionId' | 'userId' | 'impactClickId' | 'oppref') => mapped.filter((record) => record.identity![id]).length
    const skipped = mine.filter((record) => record.status === 'skipped')
    const refusals = mapped.filter((record) => record.reason?.startsWith('consent-refused:')).length
    const byReason = (a: { reason: string }, b: { reason: string }) => a.reason.localeCompare(b.reason)
    expect({ ...coverage, skippedReasons: [...coverage.skippedReasons].sort(byReason) }).toEqual({
      destination: 'vtexAds',
      converted: mapped.length,
      sessionId: carrying('sessionId'),
      consentRefused: refusals,
      noStorefrontSession: mapped.length - carrying('sessionId') - refusals,
      userId: carrying('userId'),
      impactClickId: carrying('impactClickId'),
      oppref: carrying('oppref'),
      skipped: skipped.length,
      skippedReasons: [...new Set(skipped.map((record) => record.reason!.split(':')[0]))].map((reason) => ({
        reason,
        count: skipped.filter((record) => record.reason!.startsWith(reason)).length,
      })).sort(byReason),
    })
    expect(mapped.length).toBeGreaterThan(2)
    expect(skipped.length).toBeGreaterThan(0)
    // Each kind of sale is there: with a storefront session, without one (the canceled-after-payment order), refused.
    expect([carrying('sessionId'), coverage.noStorefrontSession, refusals]).toEqual([expect.any(Number), expect.any(Number), 1])
    expect(Math.min(carrying('sessionId'), coverage.noStorefrontSession as number)).toBeGreaterThan(0)
  })
})

describe('deliveries', () => {
  it('pages through every record newest first, without overlap', async () => {
    const records = ledgerRecords(sandbox)
    const seen: Array<{ destination: string; orderId: string; updatedAt: string }> = []
    let total = 0
    for (let page = 1; page <= 20; page++) {
      const result = await deliveries({ page, pageSize: 4 })
      total = result.total
      seen.push(...result.items)
      if (result.items.length < 4) break
    }
    expect(total).toBe(records.length)
    expect(seen.map((row) => `${row.destination}:${row.orderId}`).sort()).toEqual(records.map((record) => `${record.destination}:${record.orderId}`).sort())
    const times = seen.map((row) => Date.parse(row.updatedAt))
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  it('filters by status, destination and order id', async () => {
    const records = ledgerRecords(sandbox)
    const dead = await deliveries({ filter: { status: 'dead', destination: 'vtexAds' } })
    expect(dead.items.map((row) => row.orderId)).toEqual(records.filter((r) => r.status === 'dead' && r.destination === 'vtexAds').map((r) => r.orderId))
    expect(dead.items[0]).toMatchObject({ orderId: OUTLET_ORDER_ID, attempts: 1, reason: expect.stringContaining("http-422: must be one of the publisher's sites: My Store, My Store Outlet") })
    const byOrder = await deliveries({ filter: { orderId: OUTLET_ORDER_ID } })
    expect(byOrder.items.map((row) => [row.destination, row.status]).sort()).toEqual([
      ['impact', 'sent'],
      ['openai', 'sent'],
      ['vtexAds', 'dead'],
    ])
  })

  it('refuses filters it cannot answer, in words', async () => {
    const answer = await admin(DELIVERIES, { filter: { status: 'lost' } })
    expect(answer.errors?.[0]?.message).toBe('Unknown status: lost')
    const injection = await admin(DELIVERIES, { filter: { orderId: '1" OR status="sent' } })
    expect(injection.errors?.[0]?.message).toBe('Invalid order id: an order id is 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit')
  })

  it("the order's delivery status carries VTEX Ads' own error list", async () => {
    const { adsEventsDeliveryStatus } = await adminData<{ adsEventsDeliveryStatus: Array<{ destination: string; errorsJson: string | null }> }>(
      'query($orderId: String!) { adsEventsDeliveryStatus(orderId: $orderId) { destination status errorsJson notes } }',
      { orderId: OUTLET_ORDER_ID }
    )
    const errors = JSON.parse(adsEventsDeliveryStatus.find((record) => record.destination === 'vtexAds')!.errorsJson!)
    expect(errors).toEqual([expect.objectContaining({ instancePath: '/brand', params: { allowedValues: ['My Store', OUTLET_BRAND] } })])
  })
})

describe('replay', () => {
  const REPLAY = 'mutation($orderIds: [String!]!, $destination: String) { adsEventsReplay(orderIds: $orderIds, destination: $destination) { destination orderId status } }'

  it('after the fix, a replay clicked twice at once sends the conversion once; a third click sends nothing', async () => {
    sandbox.state.settings = withOutletBrand(sandbox.state.settings, OUTLET_BRAND)
    type Replayed = { adsEventsReplay: Array<{ destination: string; status: string }> }
    const clicks = await Promise.all([admin<Replayed>(REPLAY, { orderIds: [OUTLET_ORDER_ID], destination: 'vtexAds' }), admin<Replayed>(REPLAY, { orderIds: [OUTLET_ORDER_ID], destination: 'vtexAds' })])
    expect(sandbox.vtexAds.conversions.get(OUTLET_ORDER_ID)).toBe(1)
    // Each click answers with the record as it is after the replay (not as it was read before).
    for (const click of clicks) expect(click.data?.adsEventsReplay.find((record) => record.destination === 'vtexAds')?.status).toBe('sent')
    await adminData(REPLAY, { orderIds: [OUTLET_ORDER_ID], destination: 'vtexAds' })
    expect(sandbox.vtexAds.conversions.get(OUTLET_ORDER_ID)).toBe(1)
    expect(ledgerRecords(sandbox).find((r) => r.destination === 'vtexAds' && r.orderId === OUTLET_ORDER_ID)).toMatchObject({ status: 'sent', attempts: 2 })
    // The index follows the ledger: no dead letter left for VTEX Ads.
    expect((await deliveries({ filter: { status: 'dead', destination: 'vtexAds' } })).total).toBe(0)
  })

  it('refuses a malformed order id with a clear error naming the rule, and calls nothing', async () => {
    const before = sandbox.state.received.length
    const answer = await admin<unknown>(REPLAY, { orderIds: [OUTLET_ORDER_ID, '../ledger/1390620512853-01'] })
    expect(answer.data).toBeNull()
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: 'Invalid order id "../ledger/1390620512853-01": an order id is 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit',
        // @vtex/api answers a UserInputError with its name and status 400 under extensions.exception.
        extensions: expect.objectContaining({ exception: expect.objectContaining({ name: 'UserInputError', status: 400 }) }),
      }),
    ])
    // Refused before any platform call but the admin check itself: not even the batch's valid id is read or replayed.
    const afterAuth = sandbox.state.received.slice(before).filter((call) => !/vtexid|license-manager|licensemanager/i.test(`${call.standIn} ${call.url}`))
    expect(afterAuth).toEqual([])
    const status = await admin<unknown>('query($orderId: String!) { adsEventsDeliveryStatus(orderId: $orderId) { destination } }', { orderId: '..' })
    expect(status.errors?.[0]).toMatchObject({ message: expect.stringContaining('Invalid order id'), extensions: { exception: { name: 'UserInputError', status: 400 } } })
  })

  it('replays every dead letter of a destination, once however often it is clicked', async () => {
    const orders = ['1390670516444-01', '1390670516555-01']
    for (const orderId of orders) sandbox.state.orders.set(orderId, { ...outletOrder(orderId, Date.now()), salesChannel: '1' })
    sandbox.state.injectFailures('vtexAds', [422, 422])
    for (const orderId of orders) await sandbox.service!.sendEvent({ domain: 'Marketplace', orderId, currentState: 'order-created', lastState: '' })
    expect((await deliveries({ filter: { status: 'dead', destination: 'vtexAds' } })).total).toBe(2)

    const REPLAY_ALL = 'mutation { adsEventsReplayDeadLetters(destination: "vtexAds") { destination replayed sent dead failed remaining } }'
    const first = await adminData<{ adsEventsReplayDeadLetters: unknown }>(REPLAY_ALL)
    expect(first.adsEventsReplayDeadLetters).toEqual({ destination: 'vtexAds', replayed: 2, sent: 2, dead: 0, failed: 0, remaining: 0 })
    const second = await adminData<{ adsEventsReplayDeadLetters: unknown }>(REPLAY_ALL)
    expect(second.adsEventsReplayDeadLetters).toEqual({ destination: 'vtexAds', replayed: 0, sent: 0, dead: 0, failed: 0, remaining: 0 })
    for (const orderId of orders) expect(sandbox.vtexAds.conversions.get(orderId)).toBe(1)
  })
})

describe('preview and checkout registration', () => {
  it('previews an order as each destination would get it: nothing sent, secrets redacted, personal data only hashed', async () => {
    const hard = loadOrder(HARD_MASKED_FIXTURE)
    const sentBefore = sandbox.state.received.filter((received) => received.method === 'POST').length
    const { adsEventsPreview } = await adminData<{ adsEventsPreview: { orderId: string; notes: string[]; destinations: Array<{ destination: string; status: string; request: { body: string; headersJson: string; url: string } }> } }>(
      'query($orderId: String!) { adsEventsPreview(orderId: $orderId) { orderId notes destinations { destination status reason errorsJson request { method url headersJson body } } } }',
      { orderId: hard.orderId }
    )
    expect(sandbox.state.received.filter((received) => received.method === 'POST').length).toBe(sentBefore)
    const vtexAds = adsEventsPreview.destinations.find((entry) => entry.destination === 'vtexAds')!
    expect(vtexAds.status).toBe('ready')
    const realEmail = sandbox.state.profiles.get(hard.clientProfileData!.userProfileId!)!.email
    expect(JSON.parse(vtexAds.request.body).email_hashed).toBe(createHash('sha256').update(realEmail.trim().toLowerCase()).digest('hex'))
    const impact = adsEventsPreview.destinations.find((entry) => entry.destination === 'impact')!
    expect(JSON.parse(impact.request.headersJson).Authorization ?? JSON.parse(impact.request.headersJson).authorization).toBe('Basic [REDACTED]')
    const text = JSON.stringify(adsEventsPreview)
    const personal = [realEmail, hard.clientProfileData!.firstName, hard.clientProfileData!.lastName, hard.clientProfileData!.phone, hard.clientProfileData!.document]
    for (const value of personal.filter((v): v is string => typeof v === 'string' && v.length > 3)) expect(text).not.toContain(value)
  })

  it('an unknown order is a clear error', async () => {
    const answer = await admin('query { adsEventsPreview(orderId: "0000000000000-01") { orderId } }')
    expect(answer.errors?.[0]?.message).toBe('Order 0000000000000-01 was not found')
  })

  it('tells whether the checkout lists the customData app, and registers it again idempotently', async () => {
    const status = await adminData<{ adsEventsOrderFormApp: unknown }>('query { adsEventsOrderFormApp { registered fields missingFields } }')
    expect(status.adsEventsOrderFormApp).toEqual({ registered: true, fields: ['session_id', 'user_id', 'impact_click_id', 'oppref', 'consent'], missingFields: [] })
    sandbox.state.orderFormConfiguration = { ...sandbox.state.orderFormConfiguration, apps: [] }
    expect((await adminData<{ adsEventsOrderFormApp: { registered: boolean } }>('query { adsEventsOrderFormApp { registered } }')).adsEventsOrderFormApp.registered).toBe(false)
    expect(await adminData('mutation { adsEventsRegisterOrderFormApp }')).toEqual({ adsEventsRegisterOrderFormApp: true })
    expect(await adminData('mutation { adsEventsRegisterOrderFormApp }')).toEqual({ adsEventsRegisterOrderFormApp: false })
    expect((await adminData<{ adsEventsOrderFormApp: { registered: boolean } }>('query { adsEventsOrderFormApp { registered } }')).adsEventsOrderFormApp.registered).toBe(true)
  })
})

describe('the index never fails a delivery', () => {
  it('a Master Data outage queues the index writes; the conversion is delivered anyway; the scheduled run repairs the index', async () => {
    const orderId = '1390680517666-01'
    sandbox.state.orders.set(orderId, { ...outletOrder(orderId, Date.now()), salesChannel: '1' })
    // One index write of the order's document (one record write per order), tried twice by the
    // client (an idempotent PUT): both refused.
    sandbox.state.injectFailures('masterdata-v2', [503, 503])
    expect(await sandbox.service!.sendEvent({ domain: 'Marketplace', orderId, currentState: 'order-created', lastState: '' })).toBe(204)
    expect(ledgerRecords(sandbox).filter((record) => record.orderId === orderId).map((record) => record.status)).toEqual(['sent', 'sent', 'sent'])
    const pending = [...sandbox.state.vbase.entries()].filter(([key]) => key.includes(`/${INDEX_PENDING_BUCKET}/`)).map(([, value]) => JSON.parse(value.toString('utf8')))
    // One entry per order, however many of its writes failed.
    expect(pending).toEqual([{ orderId, queuedAt: expect.any(String), reason: 'http-503' }])
    expect(sandbox.state.injectedFailures.get('masterdata-v2')).toEqual([])
    // Until the repair, the admin does not see the order's deliveries…
    expect((await deliveries({ filter: { orderId } })).total).toBe(0)

    // …the scheduled run's upkeep writes them from the ledger and empties the queue.
    const [call] = await sandbox.runSchedules()
    expect((call.body as { upkeep: Record<string, string> }).upkeep).toMatchObject({ 'admin-index-repair': 'ok' })
    expect([...sandbox.state.vbase.keys()].filter((key) => key.includes(`/${INDEX_PENDING_BUCKET}/`))).toEqual([])
    const repaired = await deliveries({ filter: { orderId } })
    expect(repaired.items.map((row) => [row.destination, row.status]).sort()).toEqual([
      ['impact', 'sent'],
      ['openai', 'sent'],
      ['vtexAds', 'sent'],
    ])
  })
})

describe('the index migration to one document per order', () => {
  it("the admin never reads v1 documents; the scheduled run writes each order's document from the ledger and deletes its v1 documents", async () => {
    const collection = sandbox.masterDataV2.collection(indexEntityName(SANDBOX_APP_ID))!
    const ledger = ledgerRecords(sandbox).filter((record) => record.orderId === OUTLET_ORDER_ID)
    expect(ledger.map((record) => record.destination).sort()).toEqual(['impact', 'openai', 'vtexAds'])
    // As an earlier version left it: one v1 document per destination, no order document, the migration not started.
    collection.delete(orderDocumentId(OUTLET_ORDER_ID))
    for (const record of ledger)
      collection.put(legacyDocumentId(record.destination, record.orderId), {
        destination: record.destination,
        orderId: record.orderId,
        status: record.status,
        attempts: record.attempts,
        mapped: true,
        updatedAtMs: Date.parse(record.updatedAt),
        statusAtMs: statusAt(record),
      })
    for (const key of [...sandbox.state.vbase.keys()].filter((key) => key.includes(`/${INDEX_MIGRATION_BUCKET}/`))) sandbox.state.vbase.delete(key)
    expect((await deliveries({ filter: { orderId: OUTLET_ORDER_ID } })).total).toBe(0)

    const [call] = await sandbox.runSchedules()
    expect((call.body as { upkeep: Record<string, string> }).upkeep).toMatchObject({ 'admin-index-migration': 'ok' })
    const ids = collection.query({ where: [], offset: 0, limit: collection.count }).docs.map((doc) => String(collection.project(doc, ['id']).id))
    expect(ids.filter((id) => /^(vtexAds|impact|openai)-/.test(id))).toEqual([])
    expect(ids).toHaveLength(new Set(ledgerRecords(sandbox).map((record) => record.orderId)).size)
    const rows = await deliveries({ filter: { orderId: OUTLET_ORDER_ID } })
    expect(rows.items.map((row) => [row.destination, row.status, row.attempts, Date.parse(row.updatedAt)]).sort()).toEqual(
      ledger.map((record) => [record.destination, record.status, record.attempts, Date.parse(record.updatedAt)]).sort()
    )
    // Done: the next run only reads its cursor.
    const before = sandbox.state.received.length
    await sandbox.runSchedules()
    expect(sandbox.state.received.slice(before).filter((received) => received.standIn === 'masterdata-v2' && received.method === 'DELETE')).toEqual([])
  })
})

afterAll(() => {
  // Secrets of the settings never reach an admin answer.
  const settings = loadSandboxSettings()
  for (const secret of [settings.impactAuthToken, settings.openaiApiKey] as string[]) for (const answer of answers) expect(answer).not.toContain(secret)
})
