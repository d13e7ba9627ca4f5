import { deadlineIn } from '../../coordination/deadline'
import { HARD_MASKED_FIXTURE, loadBroadcasts, loadOrder, loadProfileAnswer, type OrderFixture } from '../../__fixtures__'
import { sha256Hex } from '../../identity/hash'
import { CONSENT_REFUSED_SKIP, NO_STOREFRONT_SESSION_NOTE, vtexAdsDestination } from '../../destinations/vtexAds'
import type { DestinationResponse, OutboundRequest } from '../../destinations/destination'
import type { OrderStatusBroadcast } from '../../order/broadcast'
import { normalizeSettings } from '../../settings/appSettings'
import type { VtexOrder } from '../../typings/order'
import { MemoryOrderRecords } from '../../deliveryStore/recordStore'
import { processOrderFromOms, processOrderStatus, RetryableDeliveryError, type OrderStatusDeps } from '../processOrderStatus'
import { replayOrder, REPLAY_START_RESERVE_MS } from '../replay'
import { KeyedMutex } from '../../coordination/keyedMutex'
import { MemoryNameFiles } from '../../deliveryStore/nameFiles'
import { RetryQueue } from '../../deliveryStore/retryQueue'

type Answer = DestinationResponse | Error

/** A scripted VTEX Ads: answers in order, then 202 forever; records every request. */
function scriptedTransport(answers: Answer[] = []) {
  const sent: OutboundRequest[] = []
  return {
    sent,
    transport: {
      async send(_: string, request: OutboundRequest): Promise<DestinationResponse> {
        sent.push(request)
        const next = answers.shift() ?? { status: 202, headers: {}, body: { messages: ['conversion will be processed soon'] } }
        if (next instanceof Error) throw next
        return next
      },
    },
  }
}

const answer = (status: number, body: unknown = {}, headers: Record<string, string> = {}): DestinationResponse => ({ status, body, headers })

function setup(options: { orders?: Partial<Record<string, VtexOrder>>; answers?: Answer[]; settings?: Record<string, unknown>; readOrder?: OrderStatusDeps['readOrder'] } = {}) {
  const orders: Record<string, VtexOrder> = {}
  for (const name of ['simple', 'corporate-multiseller', 'no-identity'] as OrderFixture[]) {
    const order = loadOrder(name)
    orders[order.orderId] = order
  }
  Object.assign(orders, options.orders)
  const { sent, transport } = scriptedTransport(options.answers)
  const ledger = new MemoryOrderRecords()
  const logs: Array<Record<string, unknown>> = []
  const sleeps: number[] = []
  let clock = Date.parse('2026-11-20T15:00:00Z')
  const reads: string[] = []
  const deps: OrderStatusDeps = {
    settings: normalizeSettings({ publisherId: 'pub-123', ...options.settings }),
    destinations: [vtexAdsDestination],
    readOrder:
      options.readOrder ??
      (async (orderId) => {
        reads.push(orderId)
        const order = orders[orderId]
        if (!order) throw Object.assign(new Error('Request failed with status code 404'), { response: { status: 404 } })
        return order
      }),
    records: ledger,
    transport,
    logger: { info: (entry) => logs.push(entry), warn: (entry) => logs.push(entry), error: (entry) => logs.push(entry) },
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms)
      clock += ms
    },
    random: () => 0.5,
    mutex: new KeyedMutex(),
    retryQueue: new RetryQueue(new MemoryNameFiles()),
    claims: ledger.claimFiles,
  }
  const run = async (broadcasts: OrderStatusBroadcast[]) => {
    for (const broadcast of broadcasts) await processOrderStatus(broadcast, deps)
  }
  return { deps, sent, ledger, logs, sleeps, reads, run, orders, retryQueue: deps.retryQueue!, advance: (ms: number) => (clock += ms) }
}

const broadcast = (orderId: string, currentState: string): OrderStatusBroadcast => ({ orderId, currentState, domain: 'Marketplace' })
const SIMPLE = '1390620512853-01'

describe('exactly once per order', () => {
  it('converts the simple lifecycle once, at order-created, despite a duplicate', async () => {
    const { run, sent, ledger, reads } = setup()
    await run(loadBroadcasts('simple-lifecycle'))
    expect(sent).toHaveLength(1)
    expect(JSON.parse(sent[0].body)).toMatchObject({ order_id: SIMPLE, publisher_id: 'pub-123' })
    expect(await ledger.delivery('vtexAds', SIMPLE)).toMatchObject({ status: 'sent', attempts: 1 })
    // Later statuses end at the ledger: the order is read once.
    expect(reads).toEqual([SIMPLE])
  })

  it('converts once when the broadcasts arrive out of order', async () => {
    const { run, sent } = setup()
    await run([...loadBroadcasts('simple-lifecycle')].reverse())
    expect(sent).toHaveLength(1)
  })

  it('converts once when 20 duplicates arrive at the same time', async () => {
    const { deps, sent } = setup()
    await Promise.all(Array.from({ length: 20 }, () => processOrderStatus(broadcast(SIMPLE, 'payment-approved'), deps)))
    expect(sent).toHaveLength(1)
  })

  it('converts an order first seen as invoiced (a skipped trigger state still converts)', async () => {
    const { run, sent } = setup()
    await run(loadBroadcasts('invoiced-only'))
    expect(sent).toHaveLength(1)
    expect(JSON.parse(sent[0].body)).toMatchObject({ order_id: '1390630512999-01', is_company: true })
  })

  it('waits for the merchant’s trigger status', async () => {
    const { run, sent } = setup({ settings: { conversionStatus: 'invoiced' } })
    await run(loadBroadcasts('simple-lifecycle'))
    expect(sent).toHaveLength(0)
    await run([broadcast(SIMPLE, 'invoiced')])
    expect(sent).toHaveLength(1)
  })

  it('does nothing at all when every destination is disabled', async () => {
    const { run, sent, reads } = setup({ settings: { vtexAdsEnabled: false } })
    await run(loadBroadcasts('simple-lifecycle'))
    expect(sent).toHaveLength(0)
    expect(reads).toHaveLength(0)
  })
})

describe('several replicas', () => {
  it('two replicas, every lifecycle broadcast five times on each: one conversion, nothing left queued', async () => {
    const { deps: base, sent, retryQueue } = setup()
    // Same ledger, claims, queue and destination; each replica has its own in-process lock. Waits
    // really wait here (briefly): the fake clock must not jump past the claims' leases.
    const deps = { ...base, sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms / 50)) }
    const replicas = [deps, { ...deps, mutex: new KeyedMutex() }]
    const lifecycle = loadBroadcasts('simple-lifecycle')
    const outcomes = await Promise.allSettled(
      replicas.flatMap((replica) => Array.from({ length: 5 }, () => lifecycle.map((event) => processOrderStatus(event, replica))).flat())
    )
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([])
    expect(sent).toHaveLength(1)
    // Broadcasts that met the claim held elsewhere left the order queued; the record is final, so the scheduled run drops it.
    const queued = await retryQueue.get(SIMPLE)
    if (queued) await processOrderFromOms(SIMPLE, deps)
    expect(sent).toHaveLength(1)
    expect(await retryQueue.get(SIMPLE)).toBeUndefined()
  })
})

describe('cancellations', () => {
  it('a cancel before sending means no conversion, even if a late broadcast follows', async () => {
    const { run, sent, ledger } = setup({ settings: { conversionStatus: 'invoiced' } })
    await run([broadcast(SIMPLE, 'payment-approved'), broadcast(SIMPLE, 'canceled'), broadcast(SIMPLE, 'invoiced')])
    expect(sent).toHaveLength(0)
    expect(await ledger.delivery('vtexAds', SIMPLE)).toMatchObject({ status: 'skipped', reason: 'canceled-before-send' })
  })

  it('an order the OMS already shows as canceled does not convert', async () => {
    const canceled = { ...loadOrder('simple'), status: 'canceled' }
    const { run, sent } = setup({ orders: { [SIMPLE]: canceled } })
    await run([broadcast(SIMPLE, 'order-created')])
    expect(sent).toHaveLength(0)
  })

  it('a cancel after sending is recorded on the sent record', async () => {
    const { run, sent, ledger } = setup()
    await run([broadcast(SIMPLE, 'order-created'), broadcast(SIMPLE, 'canceled')])
    expect(sent).toHaveLength(1)
    const record = await ledger.delivery('vtexAds', SIMPLE)
    expect(record).toMatchObject({ status: 'sent' })
    expect(record?.canceledAt).toEqual(expect.any(String))
  })

  it('canceled-after-payment fixture: no storefront session → sent with the order-derived session_id, then the cancel is noted', async () => {
    const { run, sent, ledger } = setup()
    await run(loadBroadcasts('canceled-after-payment'))
    expect(sent).toHaveLength(1)
    expect(JSON.parse(sent[0].body)).toMatchObject({ order_id: '1390640513111-01', session_id: 'order1390640513111x2d01' })
    const record = await ledger.delivery('vtexAds', '1390640513111-01')
    expect(record).toMatchObject({ status: 'sent', reason: NO_STOREFRONT_SESSION_NOTE, identity: { sessionId: false, userId: true } })
    expect(record?.canceledAt).toEqual(expect.any(String))
  })

  it('an order whose shopper refused consent is recorded skipped and nothing is sent', async () => {
    const order = { ...loadOrder('simple'), orderId: 'consent-refused-01', customData: { customApps: [{ id: 'ads-events', fields: { consent: 'denied' } }] } }
    const { run, sent, ledger } = setup({ orders: { [order.orderId]: order } })
    await run([broadcast(order.orderId, 'order-created')])
    expect(sent).toHaveLength(0)
    expect(await ledger.delivery('vtexAds', order.orderId)).toMatchObject({ status: 'skipped', reason: CONSENT_REFUSED_SKIP, notes: ['consent-refused'] })
  })
})

describe('destination answers', () => {
  const ajvList = [{ instancePath: '', keyword: 'required', message: "must have required property 'user_id'", params: { missingProperty: 'user_id' }, schemaPath: '#/required' }]

  it('422 → dead letter with the Ajv list, not retried, not resent on redelivery, sent on replay', async () => {
    const { run, deps, sent, ledger } = setup({ answers: [answer(422, ajvList)] })
    await run([broadcast(SIMPLE, 'order-created')])
    expect(sent).toHaveLength(1)
    expect(await ledger.delivery('vtexAds', SIMPLE)).toMatchObject({ status: 'dead', attempts: 1, errors: ajvList })

    await run([broadcast(SIMPLE, 'payment-approved')])
    expect(sent).toHaveLength(1)

    const results = await replayOrder(SIMPLE, deps)
    expect(results).toEqual([expect.objectContaining({ status: 'sent' })])
    expect(sent).toHaveLength(2)
    expect(await ledger.delivery('vtexAds', SIMPLE)).toMatchObject({ status: 'sent', attempts: 2, errors: undefined })
  })

  it('a replay starts no order without time left in its call: that one stays dead, for the next click', async () => {
    const { run, deps, sent, ledger } = setup({ answers: [answer(422, ajvList)] })
    await run([broadcast(SIMPLE, 'order-created')])
    let remainingMs = REPLAY_START_RESERVE_MS - 1
    const results = await replayOrder(SIMPLE, { ...deps, deadline: { remainingMs: () => remainingMs } })
    expect(results).toEqual([])
    expect(sent).toHaveLength(1)
    expect(await ledger.delivery('vtexAds', SIMPLE)).toMatchObject({ status: 'dead', attempts: 1 })

    remainingMs = REPLAY_START_RESERVE_MS
    expect(await replayOrder(SIMPLE, { ...deps, deadline: { remainingMs: () => remainingMs } })).toEqual([expect.objectContaining({ status: 'sent' })])
  })

  it('503 then 202 → delivered once, after one backoff', async () => {
    const { run, sent, ledger, sleeps } = setup({ answers: [answer(503)] })
    await run([broadcast(SIMPLE, 'order-created')])
    expect(sent).toHaveLength(2)
    expect(sent[0].body).toBe(sent[1].body)
    expect(sleeps).toEqual([225]) // 300 ms base, equal jitter at random()=0.5
    expect(await ledger.delivery('vtexAds', SIMPLE)).toMatchObject({ status: 'sent', attempts: 2 })
  })

  it('no answer (connection refused) is retried like a 5xx', async () => {
    const { run, sent, ledger } = setup({ answers: [Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })] })
    await run([broadcast(SIMPLE, 'order-created')])
    expect(sent).toHaveLength(2)
    expect(await ledger.delivery('vtexAds', SIMPLE)).toMatchObject({ status: 'sent' })
  })

  it('a destination down for the whole budget: recorded as failed and rethrown for the broadcaster', async () => {
    const { deps, sent, ledger } = setup({ answers: Array.from({ length: 4 }, () => answer(500)) })
    await expect(processOrderStatus(broadcast(SIMPLE, 'order-created'), deps)).rejects.toThrow(RetryableDeliveryError)
    expect(sent).toHaveLength(4)
    expect(await ledger.delivery('vtexAds', SIMPLE)).toMatchObject({ status: 'failed', attempts: 4, reason: 'http-500' })

    // The broadcaster delivers it again later: now it goes through, once.
    await processOrderStatus(broadcast(SIMPLE, 'order-created'), deps)
    expect(sent).toHaveLength(5)
    expect(await ledger.delivery('vtexAds', SIMPLE)).toMatchObject({ status: 'sent', attempts: 5 })
  })

  it('429 with a Retry-After beyond the budget: not hammered, retried after it', async () => {
    const { deps, sent, ledger, advance } = setup({ answers: [answer(429, {}, { 'retry-after': '120' })] })
    await expect(processOrderStatus(broadcast(SIMPLE, 'order-created'), deps)).rejects.toThrow(RetryableDeliveryError)
    expect(sent).toHaveLength(1)
    expect(await ledger.delivery('vtexAds', SIMPLE)).toMatchObject({ status: 'failed', reason: 'http-429' })

    await expect(processOrderStatus(broadcast(SIMPLE, 'order-created'), deps)).rejects.toThrow(RetryableDeliveryError)
    expect(sent).toHaveLength(1)

    advance(121_000)
    await processOrderStatus(broadcast(SIMPLE, 'order-created'), deps)
    expect(sent).toHaveLength(2)
  })
})

describe('orders that cannot be read (yet)', () => {
  const httpError = (status: number) => Object.assign(new Error(`Request failed with status code ${status}`), { response: { status } })
  /** OMS answers `answers` in turn, then the order. */
  const omsAnswering = (answers: Array<Error | unknown>, order: VtexOrder = loadOrder('simple')) => {
    const calls: string[] = []
    return {
      calls,
      readOrder: async (orderId: string) => {
        calls.push(orderId)
        const next = answers.length > 0 ? answers.shift() : order
        if (next instanceof Error) throw next
        return next
      },
    }
  }

  it('a fresh order OMS does not show yet (404) is read again a moment later, in the same broadcast', async () => {
    const oms = omsAnswering([httpError(404)])
    const { deps, sent, sleeps } = setup({ readOrder: oms.readOrder })
    await processOrderStatus(broadcast(SIMPLE, 'order-created'), deps)
    expect(oms.calls).toHaveLength(2)
    expect(sleeps[0]).toBe(500)
    expect(sent).toHaveLength(1)
  })

  it('still unreadable after the in-handler attempts: failed with what happened, queued for later, rethrown', async () => {
    for (const [answer, reason] of [
      [httpError(404), 'order-unreadable: http-404 (not readable yet)'],
      [httpError(503), 'order-unreadable: http-503'],
      ['<html><body>Bad gateway</body></html>', 'order-unreadable: the answer is not an order (an HTML page)'],
      ['{"orderId":"1390620512853-01","items":[{"id":', 'order-unreadable: the answer is not an order (text that is not JSON)'],
      [null, 'order-unreadable: the answer is not an order (an empty answer)'],
    ] as const) {
      const oms = omsAnswering([answer, answer, answer])
      const { deps, ledger, sent, retryQueue } = setup({ readOrder: oms.readOrder })
      await expect(processOrderStatus(broadcast(SIMPLE, 'order-created'), deps)).rejects.toThrow(RetryableDeliveryError)
      expect([reason, await ledger.delivery('vtexAds', SIMPLE)]).toEqual([reason, expect.objectContaining({ status: 'failed', reason })])
      expect(await retryQueue.get(SIMPLE)).toMatchObject({ orderId: SIMPLE, attempts: 0 })
      expect(sent).toHaveLength(0)
      // Redelivered (or retried by the scheduled run) once OMS answers: delivered, and off the queue.
      await processOrderStatus(broadcast(SIMPLE, 'order-created'), deps)
      expect(sent).toHaveLength(1)
      expect(await retryQueue.get(SIMPLE)).toBeUndefined()
    }
  })

  it('a malformed order line is a dead letter with its reason, never an exception', async () => {
    const order = loadOrder('simple')
    const withNullLine = { ...order, items: [order.items[0], null as unknown as VtexOrder['items'][number]] }
    const { deps, ledger, sent } = setup({ orders: { [SIMPLE]: withNullLine } })
    await expect(processOrderStatus(broadcast(SIMPLE, 'order-created'), deps)).resolves.toMatchObject({ decision: 'convert' })
    expect(sent).toHaveLength(0)
    expect(await ledger.delivery('vtexAds', SIMPLE)).toMatchObject({ status: 'dead', reason: 'unmappable-order: items[1] is not an item line (null)' })
  })

  it('a refusal (403: a policy missing) is a dead letter at once: retrying cannot fix it', async () => {
    const oms = omsAnswering([httpError(403)])
    const { deps, ledger } = setup({ readOrder: oms.readOrder })
    await processOrderStatus(broadcast(SIMPLE, 'order-created'), deps)
    expect(oms.calls).toHaveLength(1)
    expect(await ledger.delivery('vtexAds', SIMPLE)).toMatchObject({ status: 'dead', reason: 'order-unreadable: http-403' })
  })
})

describe('a default store: e-mails masked hard by OMS', () => {
  const HARD = '1390650514222-01'
  const PROFILE = '8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f'
  const hardMasked = () => loadOrder(HARD_MASKED_FIXTURE)

  it('delivers email_hashed of the customer profile address, and the ledger says it was resolved', async () => {
    const { deps, sent, ledger } = setup({ orders: { [HARD]: hardMasked() } })
    deps.lookupProfileEmail = async (userId) => loadProfileAnswer(PROFILE).find((document) => document.userId === userId)?.email
    await processOrderStatus(broadcast(HARD, 'order-created'), deps)
    expect(JSON.parse(sent[0].body).email_hashed).toBe(sha256Hex('ana.costa@example.com'))
    expect(await ledger.delivery('vtexAds', HARD)).toMatchObject({ status: 'sent', notes: expect.arrayContaining(['email-resolved: from the customer profile (Master Data CL)']) })
  })

  it('Master Data down: recorded as failed and rethrown, delivered on redelivery', async () => {
    let calls = 0
    const { deps, sent, ledger } = setup({ orders: { [HARD]: hardMasked() } })
    deps.lookupProfileEmail = async () => {
      if (calls++ === 0) throw Object.assign(new Error('Bad Gateway'), { response: { status: 502 } })
      return 'Ana.Costa@Example.com'
    }
    await expect(processOrderStatus(broadcast(HARD, 'order-created'), deps)).rejects.toThrow(RetryableDeliveryError)
    expect(await ledger.delivery('vtexAds', HARD)).toMatchObject({ status: 'failed', reason: 'profile-unreadable: http-502' })
    expect(sent).toHaveLength(0)
    await processOrderStatus(broadcast(HARD, 'order-created'), deps)
    expect(sent).toHaveLength(1)
  })

  it('no profile: a dead letter whose reason says why the e-mail is missing', async () => {
    const { deps, sent, ledger } = setup({ orders: { [HARD]: hardMasked() } })
    deps.lookupProfileEmail = async () => undefined
    await processOrderStatus(broadcast(HARD, 'order-created'), deps)
    expect(sent).toHaveLength(0)
    expect(await ledger.delivery('vtexAds', HARD)).toMatchObject({
      status: 'dead',
      reason: "invalid-body: email-masked-unrecoverable; email-unresolved: no Master Data CL document for the order's userProfileId",
    })
  })
})

describe('what the ledger keeps for the admin', () => {
  it('which ids the order carried (booleans, never the ids) and when it was placed', async () => {
    const { run, ledger } = setup()
    await run([broadcast(SIMPLE, 'order-created')])
    const record = await ledger.delivery('vtexAds', SIMPLE)
    expect(record).toMatchObject({ identity: { sessionId: true, userId: true, impactClickId: true, oppref: true }, orderCreatedAt: '2026-11-20T14:31:07Z' })
    for (const id of ['5898b8d1-c250-4bb5-931b-8b9d0ee7b499', 'Qn3wT8Xy0xyz123', 'oppref_abc']) expect(JSON.stringify(record)).not.toContain(id)
  })
})

describe('privacy', () => {
  it('logs and ledger records carry no raw PII', async () => {
    const { run, logs, ledger } = setup({ answers: [answer(503)] })
    await run([...loadBroadcasts('simple-lifecycle'), ...loadBroadcasts('invoiced-only'), ...loadBroadcasts('canceled-after-payment')])
    const written = JSON.stringify([logs, [...ledger.records.values()]]).toLowerCase()
    expect(logs.length).toBeGreaterThan(2)
    for (const pii of ['maria', 'silva', 'example.com', '98765', '529.982', '52998224725', 'compras@', 'joão', '11222333000181', 'noid.buyer', 'souza']) {
      expect(written).not.toContain(pii)
    }
  })
})

describe('VBase failing when the outcome is recorded', () => {
  const vbaseDown = () => Object.assign(new Error('Request failed with status code 503'), { response: { status: 503 } })

  it('a sent conversion is recorded once VBase answers again, inside the broadcast: no second send', async () => {
    const { deps, sent, ledger, run, logs } = setup()
    const save = ledger.save.bind(ledger)
    let refusals = 3
    ledger.save = async (record, ifMatch) => (refusals-- > 0 ? Promise.reject(vbaseDown()) : save(record, ifMatch))
    deps.deadline = deadlineIn(20_000, deps.now)
    await run([broadcast(SIMPLE, 'payment-approved')])
    expect(sent).toHaveLength(1)
    expect(await ledger.delivery('vtexAds', SIMPLE)).toMatchObject({ status: 'sent', attempts: 1 })
    expect(logs.filter((entry) => entry.message === 'order-record-unwritten')).toEqual([])
    // A later copy of the broadcast finds the record final: nothing sent again.
    await run([broadcast(SIMPLE, 'payment-approved')])
    expect(sent).toHaveLength(1)
  })

  it('an outage longer than the broadcast has is logged as unwritten and the broadcast fails (the platform redelivers)', async () => {
    const { deps, sent, ledger, logs } = setup()
    ledger.save = async () => Promise.reject(vbaseDown())
    deps.deadline = deadlineIn(8_000, deps.now)
    await expect(processOrderStatus(broadcast(SIMPLE, 'payment-approved'), deps)).rejects.toThrow('503')
    expect(sent).toHaveLength(1)
    expect(logs).toContainEqual(expect.objectContaining({ message: 'order-record-unwritten', orderId: SIMPLE, status: 503 }))
  })
})
