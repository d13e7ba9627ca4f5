/**
 * Every completed sale reaches VTEX Ads, through the real Service over HTTP: VTEX's own example
 * order (no storefront session) served by the OMS stand-in, e-mail masked hard as VTEX's default;
 * a shopper who refused consent is the exception; the admin's Identity coverage (GraphQL through
 * @vtex/api's runtime, @auth included) shows both. Then a Data Protection Plus store, whose orders
 * come from the Orders API's PII version.
 */
import { HARD_MASKED_FIXTURE, loadOrder, loadVtexExampleOrder } from '../../node/__fixtures__'
import type { DeliveryRecord } from '../../node/deliveryStore/ledger'
import { ORDER_RECORDS_BUCKET } from '../../node/deliveryStore/recordStore'
import { deliveryOf } from '../../node/deliveryStore/orderRecord'
import { sha256Hex } from '../../node/identity/hash'
import type { DestinationName } from '../../node/destinations/destination'
import { CONSENT_REFUSED_SKIP, NO_STOREFRONT_SESSION_NOTE } from '../../node/destinations/vtexAds'
import { loadSandboxSettings, SANDBOX_ACCOUNT, SANDBOX_LOGINS, SANDBOX_WORKSPACE, startSandbox, type Sandbox } from '../sandbox'
import { ledgerRecords } from '../pageServer'

jest.setTimeout(120_000)

const orderCreated = (orderId: string) => ({ domain: 'Marketplace', orderId, currentState: 'order-created', lastState: '' })
const ledgerOf = (sandbox: Sandbox) => (destination: DestinationName, orderId: string): DeliveryRecord | undefined => {
  const file = sandbox.state.vbase.get([SANDBOX_ACCOUNT, SANDBOX_WORKSPACE, 'adsevents.ads-events', ORDER_RECORDS_BUCKET, orderId].join('/'))
  return file && deliveryOf(JSON.parse(file.toString('utf8')), destination)
}

describe('a store with VTEX defaults (e-mails masked hard)', () => {
  let sandbox: Sandbox
  let ledger: ReturnType<typeof ledgerOf>
  const example = loadVtexExampleOrder()
  const refused = { ...loadOrder('simple'), orderId: '1390699990001-01', customData: { customApps: [{ id: 'ads-events', major: 1, fields: { consent: 'denied' } }] } }

  beforeAll(async () => {
    sandbox = await startSandbox()
    ledger = ledgerOf(sandbox)
    sandbox.state.orders.set(example.orderId, example)
    // The example customer's Master Data CL document: where a hard-masked store keeps the address.
    sandbox.state.profiles.set(example.clientProfileData!.userProfileId!, { userId: example.clientProfileData!.userProfileId!, email: 'rodrigo.smith@email.com' })
    sandbox.state.orders.set(refused.orderId, refused)
    for (const orderId of [example.orderId, refused.orderId]) expect(await sandbox.service!.sendEvent(orderCreated(orderId))).toBe(204)
  })
  afterAll(() => sandbox?.stop())
  afterAll(() => expect(sandbox.state.policyViolations).toEqual([]))

  it("VTEX's example order is delivered to VTEX Ads: unit prices, hashes, user_id and a session_id of the order", () => {
    expect(sandbox.vtexAds.conversions.get(example.orderId)).toBe(1)
    expect(sandbox.vtexAds.conversionBodies.get(example.orderId)).toEqual({
      channel: 'ecommerce',
      publisher_id: 'sandbox-publisher',
      user_id: '5660c55f714d4b1488a7b03e9bfbdd2y',
      session_id: 'order1172452900788x2d01',
      order_id: '1172452900788-01',
      created_at: '2024-02-04T20:09:43Z',
      items: [{ sku: '18', product_id: '6', seller_id: '1', quantity: 1, price: 19.9, promotional_price: 9.9 }],
      brand: 'My Store',
      gender: null,
      uf: 'RJ',
      city: 'Rio de Janeiro',
      is_company: false,
      // OMS answered a hard-masked alias: the address came from the customer's CL document.
      email_hashed: sha256Hex('rodrigo.smith@email.com'),
      phone_hashed: sha256Hex('+5561992227222'),
      social_id_hashed: sha256Hex('84513427019'),
      first_name_hashed: sha256Hex('Rodrigo'),
      last_name_hashed: sha256Hex('Smith'),
    })
  })

  it('its ledger record says it had no storefront session', () => {
    expect(ledger('vtexAds', example.orderId)).toMatchObject({
      status: 'sent',
      reason: NO_STOREFRONT_SESSION_NOTE,
      identity: { sessionId: false, userId: true, impactClickId: false, oppref: false },
      notes: expect.arrayContaining(['email-resolved: from the customer profile (Master Data CL)']),
    })
  })

  it('the order of a shopper who refused consent reaches neither VTEX Ads nor OpenAI; impact without a coupon has nothing to go by', () => {
    expect(sandbox.vtexAds.conversions.get(refused.orderId)).toBeUndefined()
    expect(ledger('vtexAds', refused.orderId)).toMatchObject({ status: 'skipped', reason: CONSENT_REFUSED_SKIP, notes: expect.arrayContaining(['consent-refused']) })
    expect(ledger('openai', refused.orderId)).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^consent-refused: /) })
    expect(ledger('impact', refused.orderId)).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^consent-refused: /) })
    // Nothing of the order reached any ad platform.
    for (const keys of [sandbox.impact.conversions.keys(), sandbox.openai.events.keys()]) expect([...keys].filter((key) => key.includes(refused.orderId))).toEqual([])
  })

  it("the admin's Identity coverage counts sales with and without a storefront session and consent refusals, as the ledger holds them", async () => {
    const { body } = await sandbox.service!.graphql(
      'query { adsEventsIdentityCoverage(destination: "vtexAds", days: 1) { converted sessionId noStorefrontSession consentRefused skippedReasons { reason count } } }',
      {},
      { cookies: { VtexIdclientAutCookie: SANDBOX_LOGINS.admin.token } }
    )
    const answer = body as { data?: { adsEventsIdentityCoverage: Record<string, unknown> & { skippedReasons: Array<{ reason: string; count: number }> } }; errors?: unknown }
    expect(answer.errors).toBeUndefined()
    const mapped = ledgerRecords(sandbox).filter((record) => record.destination === 'vtexAds' && record.identity)
    const withSession = mapped.filter((record) => record.identity!.sessionId).length
    const refusals = mapped.filter((record) => record.reason?.startsWith('consent-refused')).length
    const coverage = answer.data!.adsEventsIdentityCoverage
    expect(coverage).toMatchObject({ converted: mapped.length, sessionId: withSession, consentRefused: 1, noStorefrontSession: mapped.length - withSession - 1 })
    expect(refusals).toBe(1)
    // VTEX's example order is one of the sales without storefront session.
    expect(coverage.noStorefrontSession).toBeGreaterThanOrEqual(1)
    expect(coverage.skippedReasons).toEqual(expect.arrayContaining([{ reason: 'consent-refused', count: 1 }]))
  })
})

describe('a store on Data Protection Plus', () => {
  let sandbox: Sandbox
  let ledger: ReturnType<typeof ledgerOf>
  const simple = loadOrder('simple')
  const hardMasked = loadOrder(HARD_MASKED_FIXTURE)

  beforeAll(async () => {
    sandbox = await startSandbox({ settings: { ...loadSandboxSettings(), dataProtectionPlus: true } })
    ledger = ledgerOf(sandbox)
    for (const orderId of [simple.orderId, hardMasked.orderId]) expect(await sandbox.service!.sendEvent(orderCreated(orderId))).toBe(204)
  })
  afterAll(() => sandbox?.stop())
  afterAll(() => expect(sandbox.state.policyViolations).toEqual([]))

  it("reads orders from the Orders API's PII version (OMSViewer), never Master Data CL", () => {
    const oms = sandbox.state.received.filter((received) => received.standIn === 'oms' && received.method === 'GET' && received.url.includes('/orders/'))
    expect(oms.length).toBeGreaterThan(0)
    expect(oms.every((received) => /\/api\/orders\/pvt\/document\/[^/?]+\?.*reason=/.test(received.url))).toBe(true)
    expect(sandbox.state.received.filter((received) => received.standIn === 'masterdata')).toEqual([])
  })

  it('hashes the unmasked e-mail the PII version answers', () => {
    expect(sandbox.vtexAds.conversionBodies.get(simple.orderId)).toMatchObject({ email_hashed: sha256Hex('maria.silva@example.com') })
    expect(ledger('vtexAds', simple.orderId)).toMatchObject({ status: 'sent' })
  })

  it('an order whose e-mail stays masked is a dead letter that says why, not a hash of the mask', () => {
    expect(sandbox.vtexAds.conversions.get(hardMasked.orderId)).toBeUndefined()
    expect(ledger('vtexAds', hardMasked.orderId)).toMatchObject({ status: 'dead', reason: expect.stringMatching(/^invalid-body: .*email-dpp-unresolved: /) })
  })
})
