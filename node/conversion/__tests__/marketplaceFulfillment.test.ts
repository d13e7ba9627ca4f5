import { toConversion } from '../conversion'
import { marketplaceFulfillmentSkipReason, readMarketplaceFulfillment } from '../marketplaceFulfillment'
import { destinations } from '../../destinations'
import { previewOrder } from '../../delivery/preview'
import { MemoryOrderRecords } from '../../deliveryStore/recordStore'
import { processOrderStatus } from '../../delivery/processOrderStatus'
import { normalizeSettings } from '../../settings/appSettings'
import { MARKETPLACE_FULFILLMENT_FIXTURE, ORDER_FIXTURES, loadOrder } from '../../__fixtures__'

const allOn = {
  publisherId: 'pub-1',
  impactEnabled: true,
  impactAccountSid: 'IRabc123',
  impactAuthToken: 'tok-secret-999',
  impactCampaignId: '1000',
  impactEventTypeId: '12345',
  openaiEnabled: true,
  openaiPixelId: 'px_123',
  openaiApiKey: 'sk-svcacct-secret-abc',
}
const now = Date.parse('2026-11-22T00:00:00Z')
const REASON =
  'marketplace-fulfillment: this order fulfills a sale made on a marketplace (marketplace order 1391004500784-01, affiliate MKP), which reports it; turn on convertFulfillmentOrders to send it too'

describe('fulfillment orders of a marketplace sale', () => {
  const order = loadOrder(MARKETPLACE_FULFILLMENT_FIXTURE)

  it('recognizes the seller copy by its origin, with the marketplace order id and affiliate', () => {
    expect(order.origin).toBe('Fulfillment')
    expect(readMarketplaceFulfillment(order)).toEqual({ marketplaceOrderId: '1391004500784-01', affiliateId: 'MKP' })
    expect(toConversion(order).notes).toContain('marketplace-fulfillment')
    for (const name of ORDER_FIXTURES) expect([name, readMarketplaceFulfillment(loadOrder(name))]).toEqual([name, undefined])
  })

  it('is skipped by every destination with the same clear reason (the ledger records it as skipped)', () => {
    const conversion = toConversion(order)
    const settings = normalizeSettings(allOn)
    expect(settings.convertFulfillmentOrders).toBe(false)
    for (const destination of destinations) {
      expect([destination.name, destination.prepare(conversion, settings, now)]).toEqual([
        destination.name,
        { kind: 'skipped', reason: REASON },
      ])
    }
  })

  it('is recorded as skipped by the pipeline, once per destination, and nothing is sent', async () => {
    const ledger = new MemoryOrderRecords()
    const sent: string[] = []
    const logs: Array<Record<string, unknown>> = []
    const log = (entry: Record<string, unknown>) => logs.push(entry)
    const result = await processOrderStatus(
      {
        domain: 'Fulfillment',
        orderId: order.orderId,
        currentState: 'ready-for-handling',
        lastState: 'order-created',
        currentChangeDate: '',
        lastChangeDate: '',
      },
      {
        settings: normalizeSettings(allOn),
        destinations,
        readOrder: async () => order,
        records: ledger,
        transport: { send: async (name) => (sent.push(name), { status: 500, headers: {}, body: {} }) },
        logger: { info: log, warn: log, error: log },
        now: () => now,
      }
    )
    expect(sent).toEqual([])
    expect(result.results.map(({ destination, status, reason }) => ({ destination, status, reason }))).toEqual(
      destinations.map((destination) => ({ destination: destination.name, status: 'skipped', reason: REASON }))
    )
    for (const destination of destinations)
      expect(await ledger.delivery(destination.name, order.orderId)).toMatchObject({ status: 'skipped', reason: REASON })
    // Ledger and logs hold ids and reasons, never the customer's data.
    const recorded = JSON.stringify([
      await Promise.all(destinations.map((destination) => ledger.delivery(destination.name, order.orderId))),
      logs,
    ])
    for (const value of ['rafael', 'Rafael', 'Costa', '99876', '39053344705', '390.533.447-05']) expect(recorded).not.toContain(value)
  })

  it('shows the reason in the merchant preview', () => {
    const preview = previewOrder(order, normalizeSettings(allOn), destinations, now)
    expect(preview.destinations).toEqual({
      vtexAds: { status: 'skipped', reason: REASON },
      impact: { status: 'skipped', reason: REASON },
      openai: { status: 'skipped', reason: REASON },
    })
  })

  it('is converted like any order when the store turns convertFulfillmentOrders on', () => {
    const conversion = toConversion(order)
    const settings = normalizeSettings({ ...allOn, convertFulfillmentOrders: true })
    expect(marketplaceFulfillmentSkipReason(conversion, settings)).toBeUndefined()
    const [vtexAds, impact, openai] = destinations.map((destination) => destination.prepare(conversion, settings, now))
    // The seller's copy carries no storefront session: a sale all the same, with the order's own session_id.
    expect(vtexAds).toMatchObject({ kind: 'ready', note: expect.stringMatching(/^no-storefront-session: /) })
    expect(impact.kind).toBe('ready')
    expect(openai.kind).toBe('ready')
  })

  it('reads the setting as a boolean, off unless set', () => {
    expect(normalizeSettings({}).convertFulfillmentOrders).toBe(false)
    expect(normalizeSettings({ convertFulfillmentOrders: 'yes' }).convertFulfillmentOrders).toBe(false)
    expect(normalizeSettings({ convertFulfillmentOrders: true }).convertFulfillmentOrders).toBe(true)
  })

  it('names what it knows when the order lacks the marketplace ids', () => {
    const bare = toConversion({ ...order, marketplaceOrderId: null, affiliateId: '' })
    expect(marketplaceFulfillmentSkipReason(bare, normalizeSettings({}))).toBe(
      'marketplace-fulfillment: this order fulfills a sale made on a marketplace, which reports it; turn on convertFulfillmentOrders to send it too'
    )
  })
})
