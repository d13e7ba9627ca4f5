import { loadBroadcasts, loadOrder } from '../../__fixtures__'
import { destinations } from '../../destinations'
import type { DestinationName, DestinationResponse, OutboundRequest } from '../../destinations/destination'
import { normalizeSettings } from '../../settings/appSettings'
import type { VtexOrder } from '../../typings/order'
import { KeyedMutex } from '../../coordination/keyedMutex'
import { MemoryOrderRecords } from '../../deliveryStore/recordStore'
import { processOrderStatus, type OrderStatusDeps } from '../processOrderStatus'
import { replayDeliveries } from '../replay'

// After every fixture order was placed (the latest: 2026-11-22T10:00Z), within OpenAI's 7 days.
const NOW = Date.parse('2026-11-22T12:00:00Z')
const settingsInput = {
  publisherId: 'pub-1',
  impactEnabled: true,
  impactAccountSid: 'IRsid',
  impactAuthToken: 'impact-token',
  impactCampaignId: '1000',
  impactEventTypeId: '12345',
  openaiEnabled: true,
  openaiPixelId: 'px_1',
  openaiApiKey: 'sk-svcacct-key',
}

const ok: Record<DestinationName, DestinationResponse> = {
  vtexAds: { status: 202, headers: {}, body: { messages: ['conversion will be processed soon'] } },
  impact: { status: 200, headers: {}, body: { Status: 'QUEUED', QueuedUri: '/x' } },
  openai: { status: 200, headers: {}, body: {} },
}

function setup(
  options: {
    settings?: Record<string, unknown>
    answer?: (destination: DestinationName, request: OutboundRequest) => DestinationResponse
    orders?: VtexOrder[]
  } = {}
) {
  const orders = new Map<string, VtexOrder>()
  for (const order of [loadOrder('simple'), loadOrder('corporate-multiseller'), loadOrder('no-identity'), ...(options.orders ?? [])])
    orders.set(order.orderId, order)
  const sent: Array<{ destination: DestinationName; request: OutboundRequest }> = []
  const ledger = new MemoryOrderRecords()
  const deps: OrderStatusDeps = {
    settings: normalizeSettings({ ...settingsInput, ...options.settings }),
    destinations,
    readOrder: async (orderId) => orders.get(orderId)!,
    records: ledger,
    transport: {
      async send(destination, request) {
        sent.push({ destination, request })
        return options.answer?.(destination, request) ?? ok[destination]
      },
    },
    logger: { info() {}, warn() {}, error() {} },
    now: () => NOW,
    sleep: async () => undefined,
    mutex: new KeyedMutex(),
  }
  const count = (destination: DestinationName) => sent.filter((entry) => entry.destination === destination).length
  return { deps, sent, ledger, count }
}

describe('every destination, exactly once per order', () => {
  it('duplicate, concurrent and out-of-order broadcasts deliver one conversion per destination', async () => {
    const { deps, count, ledger } = setup()
    const lifecycle = loadBroadcasts('simple-lifecycle')
    await Promise.all([...lifecycle, ...[...lifecycle].reverse(), ...lifecycle].map((broadcast) => processOrderStatus(broadcast, deps)))
    expect([count('vtexAds'), count('impact'), count('openai')]).toEqual([1, 1, 1])
    for (const destination of ['vtexAds', 'impact', 'openai'] as const)
      expect(await ledger.delivery(destination, '1390620512853-01')).toMatchObject({ status: 'sent' })
  })

  it('one destination failing does not resend to the others on redelivery', async () => {
    let impactCalls = 0
    const { deps, count } = setup({
      answer: (destination) => (destination === 'impact' && impactCalls++ < 4 ? { status: 503, headers: {}, body: {} } : ok[destination]),
    })
    const broadcast = { orderId: '1390620512853-01', currentState: 'order-created' }
    await expect(processOrderStatus(broadcast, deps)).rejects.toThrow('impact: http-503')
    await processOrderStatus(broadcast, deps)
    expect([count('vtexAds'), count('impact'), count('openai')]).toEqual([1, 5, 1])
  })

  it('an order without storefront session reaches every destination, VTEX Ads included', async () => {
    const { deps, count, ledger } = setup()
    for (const broadcast of loadBroadcasts('canceled-after-payment')) await processOrderStatus(broadcast, deps)
    expect([count('vtexAds'), count('impact'), count('openai')]).toEqual([1, 1, 1])
    expect(await ledger.delivery('vtexAds', '1390640513111-01')).toMatchObject({ status: 'sent', reason: expect.stringMatching(/^no-storefront-session: /) })
    // Only VTEX Ads needs a session: the others' records carry no such reason.
    expect((await ledger.delivery('impact', '1390640513111-01'))?.reason).toBeUndefined()
  })

  it('OpenAI test mode is recorded as sent with a note saying nothing was saved', async () => {
    const { deps, ledger } = setup({ settings: { openaiValidateOnly: true } })
    await processOrderStatus({ orderId: '1390620512853-01', currentState: 'order-created' }, deps)
    expect(await ledger.delivery('openai', '1390620512853-01')).toMatchObject({
      status: 'sent',
      reason: expect.stringMatching(/^validate-only/),
    })
  })
})

describe('replayDeliveries', () => {
  const orderIds = Array.from({ length: 7 }, (_, index) => `13906205128${50 + index}-01`)
  const orders = orderIds.map((orderId) => ({ ...loadOrder('simple'), orderId }))
  const BAD = orderIds[4]
  const openaiAnswer = (destination: DestinationName, request: OutboundRequest): DestinationResponse => {
    if (destination !== 'openai') return ok[destination]
    const ids = (JSON.parse(request.body) as { events: Array<{ id: string }> }).events.map((event) => event.id)
    return ids.includes(`order_${BAD}`)
      ? { status: 400, headers: {}, body: { error: { message: `events[0]: invalid event order_${BAD}` } } }
      : ok.openai
  }

  it('sends OpenAI dead letters in batches and isolates the bad event', async () => {
    const { deps, ledger, sent } = setup({ orders, settings: { openaiPixelId: '' } })
    for (const orderId of orderIds) await processOrderStatus({ orderId, currentState: 'order-created' }, deps)
    for (const orderId of orderIds)
      expect(await ledger.delivery('openai', orderId)).toMatchObject({ status: 'dead', reason: expect.stringContaining('openaiPixelId') })

    deps.settings = normalizeSettings(settingsInput)
    const fixed: OrderStatusDeps = {
      ...deps,
      transport: {
        async send(destination, request) {
          sent.push({ destination, request })
          return openaiAnswer(destination, request)
        },
      },
    }
    const before = sent.length
    const results = await replayDeliveries(orderIds, 'openai', fixed)
    const calls = sent.slice(before)
    expect(calls.every((call) => call.destination === 'openai')).toBe(true)
    expect(calls.length).toBeLessThanOrEqual(7)
    expect(JSON.parse(calls[0].request.body).events).toHaveLength(7)
    expect(
      results
        .filter((result) => result.status === 'sent')
        .map((result) => result.orderId)
        .sort()
    ).toEqual(orderIds.filter((id) => id !== BAD).sort())
    expect(await ledger.delivery('openai', BAD)).toMatchObject({ status: 'dead', reason: expect.stringContaining(`order_${BAD}`) })
    // Each good event reached OpenAI in exactly one accepted request.
    const accepted = calls
      .filter((call) => openaiAnswer('openai', call.request).status === 200)
      .flatMap((call) => JSON.parse(call.request.body).events.map((event: { id: string }) => event.id))
    expect(accepted.sort()).toEqual(
      orderIds
        .filter((id) => id !== BAD)
        .map((id) => `order_${id}`)
        .sort()
    )
  })

  it('leaves sent records alone and replays other destinations order by order', async () => {
    const { deps, count } = setup({
      answer: (destination) => (destination === 'vtexAds' ? { status: 422, headers: {}, body: [] } : ok[destination]),
    })
    await processOrderStatus({ orderId: '1390620512853-01', currentState: 'order-created' }, deps)
    const results = await replayDeliveries(['1390620512853-01', '1390620512853-01'], 'impact', deps)
    expect(results).toEqual([])
    expect(count('impact')).toBe(1)
    const vtexResults = await replayDeliveries(['1390620512853-01'], 'vtexAds', deps)
    expect(vtexResults).toEqual([expect.objectContaining({ destination: 'vtexAds', status: 'dead' })])
    expect(count('vtexAds')).toBe(2)
  })
})
