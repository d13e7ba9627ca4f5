/**
 * The admin's charts through the real Service over HTTP (@vtex/api runtime, @auth included),
 * against the sandbox: a month of history in the VBase ledger and the Master Data v2 index
 * (sandbox/admin/demoHistory.ts), real orders delivered now, VTEX Ads refusing the outlet's mistyped
 * brand and impact.com refusing a revoked token. Every figure is compared with the ledger itself
 * and with the index's documents: both the read path (a quiet window) and the counted path (a busy
 * one) run.
 */
import { loadBroadcasts, loadOrder } from '../../node/__fixtures__'
import type { DeliveryRecord } from '../../node/deliveryStore/ledger'
import { INDEX_SCHEMA_NAME, indexEntityName } from '../../node/ledgerIndex/entity'
import type { IndexDocument } from '../../node/ledgerIndex/document'
import { timeBuckets, type TrendWindow } from '../../node/admin/timeBuckets'
import { READ_PAGES_AT_MOST } from '../../node/admin/bucketTally'
import type { VtexOrder } from '../../node/typings/order'
import { loadSandboxSettings, SANDBOX_LOGINS, startSandbox, type Sandbox } from '../sandbox'
import { ledgerRecords } from '../pageServer'
import { SANDBOX_APP_ID } from '../service'
import { OUTLET_ORDER_ID, seedAdminDemo, withAdminDemoMistake, withRevokedImpactToken } from '../admin/demo'
import { seedDemoHistory } from '../admin/demoHistory'

jest.setTimeout(180_000)

let sandbox: Sandbox
const DESTINATIONS = ['vtexAds', 'impact', 'openai'] as const
const SAO_PAULO = -180

beforeAll(async () => {
  sandbox = await startSandbox({ settings: withRevokedImpactToken(withAdminDemoMistake(loadSandboxSettings())) })
  seedDemoHistory(sandbox)
  for (const name of ['simple-lifecycle', 'invoiced-only', 'canceled-after-payment'] as const) for (const broadcast of loadBroadcasts(name)) await sandbox.service!.sendEvent(broadcast)
  // A few more orders placed now, one without any id of the storefront.
  for (let n = 0; n < 4; n++) {
    const order: VtexOrder = { ...loadOrder('simple'), orderId: `${1_390_700_000_000 + n}-01`, creationDate: new Date().toISOString() }
    if (n === 3) order.customData = { customApps: [] } as unknown as VtexOrder['customData']
    sandbox.state.orders.set(order.orderId, order)
    expect(await sandbox.service!.sendEvent({ domain: 'Marketplace', orderId: order.orderId, currentState: 'order-created', lastState: '' })).toBe(204)
  }
  await seedAdminDemo(sandbox)
})
afterAll(() => sandbox?.stop())
afterAll(() => expect(sandbox.state.policyViolations).toEqual([]))

type Answer<T> = { data?: T; errors?: Array<{ message: string }> }
async function graphql<T>(query: string, variables: Record<string, unknown>, cookie: string = SANDBOX_LOGINS.admin.token): Promise<Answer<T>> {
  const { body } = await sandbox.service!.graphql(query, variables, { cookies: { VtexIdclientAutCookie: cookie } })
  return body as Answer<T>
}

const TREND = `query($destination: String, $window: AdsEventsTrendWindow, $utcOffsetMinutes: Int) {
  adsEventsDeliveryTrend(destination: $destination, window: $window, utcOffsetMinutes: $utcOffsetMinutes) { destination window unit buckets { from to sent skipped failed dead } } }`
const COVERAGE = `query($destination: String, $window: AdsEventsTrendWindow, $utcOffsetMinutes: Int) {
  adsEventsCoverageTrend(destination: $destination, window: $window, utcOffsetMinutes: $utcOffsetMinutes) { destination window unit buckets { from to converted sessionId userId impactClickId oppref } } }`
type Bucket = { from: string; to: string } & Record<string, number>

const statusAt = (record: DeliveryRecord) => Date.parse(record.status === 'sent' && record.sentAt ? record.sentAt : record.updatedAt)
const indexDocuments = (): IndexDocument[] => {
  const collection = sandbox.masterDataV2.collection(indexEntityName(SANDBOX_APP_ID))!
  const { docs } = collection.query({ where: [], offset: 0, limit: collection.count })
  return docs.map((doc) => collection.project(doc, undefined) as unknown as IndexDocument)
}

/** Per bucket of the answer, the same figure computed from a list of items. */
function perBucket<T>(buckets: Bucket[], items: T[], timeOf: (item: T) => number, figures: Record<string, (item: T) => boolean>) {
  return buckets.map((bucket) => {
    const inside = items.filter((item) => timeOf(item) >= Date.parse(bucket.from) && timeOf(item) < Date.parse(bucket.to))
    return { from: bucket.from, ...Object.fromEntries(Object.entries(figures).map(([name, holds]) => [name, inside.filter(holds).length])) }
  })
}

const OUTCOMES = ['sent', 'skipped', 'failed', 'dead'] as const
const WINDOWS: TrendWindow[] = ['LAST_24_HOURS', 'LAST_7_DAYS', 'LAST_30_DAYS']

describe('deliveries per hour and per day', () => {
  it.each(WINDOWS)('%s: every bucket of every destination equals the ledger and the index', async (window) => {
    const ledger = ledgerRecords(sandbox)
    const documents = indexDocuments()
    expect(documents).toHaveLength(ledger.length)
    for (const destination of DESTINATIONS) {
      const answer = await graphql<{ adsEventsDeliveryTrend: { destination: string; window: string; unit: string; buckets: Bucket[] } }>(TREND, { destination, window, utcOffsetMinutes: SAO_PAULO })
      expect(answer.errors).toBeUndefined()
      const trend = answer.data!.adsEventsDeliveryTrend
      expect(trend).toMatchObject({ destination, window, unit: window === 'LAST_24_HOURS' ? 'hour' : 'day' })
      expect(trend.buckets.map((bucket) => [Date.parse(bucket.from), Date.parse(bucket.to)])).toEqual(
        timeBuckets(window, Date.parse(trend.buckets[trend.buckets.length - 1].from) + 1, SAO_PAULO).map((bucket) => [bucket.fromMs, bucket.toMs])
      )
      const byStatus = Object.fromEntries(OUTCOMES.map((status) => [status, (item: { status: string }) => item.status === status]))
      const shown = trend.buckets.map((bucket) => ({ from: bucket.from, ...Object.fromEntries(OUTCOMES.map((status) => [status, bucket[status]])) }))
      expect([destination, shown]).toEqual([destination, perBucket(trend.buckets, ledger.filter((record) => record.destination === destination), statusAt, byStatus)])
      expect([destination, shown]).toEqual([destination, perBucket(trend.buckets, documents.filter((document) => document.destination === destination), (document) => document.statusAtMs, byStatus)])
    }
  })

  it('both ways of counting run: a quiet window read in pages, a busy one counted per bucket where reading would take more', async () => {
    const before = sandbox.state.received.length
    for (const window of ['LAST_24_HOURS', 'LAST_30_DAYS']) expect((await graphql(TREND, { window })).errors).toBeUndefined()
    const searches = sandbox.state.received.slice(before).filter((received) => received.standIn === 'masterdata-v2')
    const vtexAds = indexDocuments().filter((document) => document.destination === 'vtexAds')
    const month = timeBuckets('LAST_30_DAYS', Date.now())
    const inMonth = vtexAds.filter((document) => document.statusAtMs >= month[0].fromMs).length
    const inDay = vtexAds.filter((document) => document.statusAtMs >= Date.now() - 24 * 3_600_000).length
    expect(inMonth).toBeGreaterThan(READ_PAGES_AT_MOST * 100)
    expect(inDay).toBeLessThan(READ_PAGES_AT_MOST * 100)
    // Read: the window alone, in pages; counted: the bucket and the status.
    expect(searches.some((received) => /where destination="vtexAds" AND statusAtMs between \d+ AND \d+ → 200/.test(received.summary))).toBe(true)
    // Busy month: sent counted day by day (a first page for each status, then 30 counts for sent), the rare outcomes read.
    const perStatus = (status: string) => searches.filter((received) => received.summary.includes(`AND status="${status}" → 200`))
    expect(perStatus('sent')).toHaveLength(1 + 30)
    for (const status of ['skipped', 'failed', 'dead']) expect([status, perStatus(status).length]).toEqual([status, 1])
  })

  it('the last hour shows what Health alerts on: impact.com only refused, VTEX Ads delivered', async () => {
    const health = await graphql<{ adsEventsHealth: { destinations: Array<{ destination: string; alert: boolean; failuresLastHour: number; sentLastHour: number }> } }>(
      'query { adsEventsHealth { destinations { destination alert failuresLastHour sentLastHour } } }',
      {}
    )
    const byName = Object.fromEntries(health.data!.adsEventsHealth.destinations.map((entry) => [entry.destination, entry]))
    const hourAgo = Date.now() - 3_600_000
    const impactDead = ledgerRecords(sandbox).filter((record) => record.destination === 'impact' && record.status === 'dead' && statusAt(record) > hourAgo)
    expect(impactDead.length).toBeGreaterThan(3)
    expect(impactDead.every((record) => record.reason?.startsWith('http-401'))).toBe(true)
    expect(byName.impact).toMatchObject({ alert: true, failuresLastHour: impactDead.length, sentLastHour: 0 })
    expect(byName.vtexAds).toMatchObject({ alert: false })
    expect(byName.vtexAds.sentLastHour).toBeGreaterThan(0)
    expect(ledgerRecords(sandbox).find((record) => record.destination === 'vtexAds' && record.orderId === OUTLET_ORDER_ID)).toMatchObject({ status: 'dead' })
    const hourly = await graphql<{ adsEventsDeliveryTrend: { buckets: Bucket[] } }>(TREND, { destination: 'impact', window: 'LAST_24_HOURS' })
    expect(hourly.data!.adsEventsDeliveryTrend.buckets.slice(-1)[0]).toMatchObject({ sent: 0, dead: impactDead.length })
  })
})

describe('identity coverage per day', () => {
  it.each(WINDOWS)('%s: converted orders and the ids they carried equal the ledger, bucket by bucket', async (window) => {
    const ledger = ledgerRecords(sandbox)
    for (const destination of DESTINATIONS) {
      const answer = await graphql<{ adsEventsCoverageTrend: { buckets: Bucket[] } }>(COVERAGE, { destination, window, utcOffsetMinutes: SAO_PAULO })
      expect(answer.errors).toBeUndefined()
      const { buckets } = answer.data!.adsEventsCoverageTrend
      const mapped = ledger.filter((record) => record.destination === destination && record.identity)
      const carrying = (id: 'sessionId' | 'userId' | 'impactClickId' | 'oppref') => (record: DeliveryRecord) => record.identity![id]
      expect([destination, buckets.map(({ to: _to, ...figures }) => figures)]).toEqual([
        destination,
        perBucket(buckets, mapped, statusAt, {
          converted: () => true,
          sessionId: carrying('sessionId'),
          userId: carrying('userId'),
          impactClickId: carrying('impactClickId'),
          oppref: carrying('oppref'),
        }),
      ])
    }
  })

  it('coverage improved since the storefront part was installed (the demo history says so, the figures show it)', async () => {
    const { data } = await graphql<{ adsEventsCoverageTrend: { buckets: Bucket[] } }>(COVERAGE, { window: 'LAST_30_DAYS' })
    const share = (buckets: Bucket[]) => buckets.reduce((sum, bucket) => sum + bucket.sessionId, 0) / buckets.reduce((sum, bucket) => sum + bucket.converted, 0)
    const buckets = data!.adsEventsCoverageTrend.buckets
    expect(share(buckets.slice(0, 14))).toBeLessThan(0.7)
    expect(share(buckets.slice(-10, -1))).toBeGreaterThan(0.9)
  })
})

describe('refusals', () => {
  it('an offset outside UTC−12…UTC+14, an unknown window or destination: a clear error, nothing counted', async () => {
    const before = sandbox.state.received.length
    expect((await graphql(TREND, { utcOffsetMinutes: 900 })).errors?.[0]?.message).toBe('utcOffsetMinutes is whole minutes from -720 to 840')
    expect((await graphql(TREND, { window: 'LAST_YEAR' })).errors?.[0]?.message).toMatch(/LAST_YEAR/)
    expect((await graphql(COVERAGE, { destination: 'facebook' })).errors?.[0]?.message).toBe('Unknown destination: facebook')
    expect(sandbox.state.received.slice(before).filter((received) => received.standIn === 'masterdata-v2')).toEqual([])
  })

  it('a shopper cannot read the charts', async () => {
    const answer = await graphql(TREND, {}, SANDBOX_LOGINS.shopper.token)
    expect(answer.data).toBeFalsy()
    expect(answer.errors?.length).toBeGreaterThan(0)
  })

  it('the index schema is the one the app pins', () => {
    expect(sandbox.masterDataV2.entities.get(indexEntityName(SANDBOX_APP_ID))?.schemas.has(INDEX_SCHEMA_NAME)).toBe(true)
  })
})
