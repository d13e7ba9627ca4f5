import { readFileSync, writeFileSync } from 'fs'
import { join } from 'path'
import type { Sandbox } from '../../sandbox/sandbox'
import { DEAD_LETTER_BUCKET, RETRY_QUEUE_BUCKET } from '../../node/deliveryStore/buckets'
import { ORDER_RECORDS_BUCKET } from '../../node/deliveryStore/recordStore'
import { deliveryOf, type OrderRecord } from '../../node/deliveryStore/orderRecord'
import type { VtexOrder } from '../../node/typings/order'
import { Broadcaster, LIFECYCLE, measure, peakRssMb, placeOrders, settle, shuffledCopies, suiteSandbox, suiteSettings, TICK_MS, TIME_SCALE, type Broadcast, type ScenarioReport } from './harness'
import { awaitAgreement } from './adminAgreement'

/** VTEX Ads' delivery state in the order's record (VBase), as the Service wrote it. */
const vtexAdsDelivery = (sandbox: Sandbox, orderId: string) => {
  const file = sandbox.state.vbase.get(`mystore/master/adsevents.ads-events/${ORDER_RECORDS_BUCKET}/${orderId}`)
  return file ? deliveryOf(JSON.parse(file.toString('utf8')) as OrderRecord, 'vtexAds') : undefined
}

/**
 * The fault suite's scenarios: each drives the real Service over HTTP through the sandbox, as the
 * platform would, with faults injected where they happen in production, then lets the scheduled
 * run do its part, and reports what VTEX Ads received.
 */
export interface Scenario {
  name: string
  run(): Promise<ScenarioReport & { checks?: Record<string, boolean> }>
}

/** service.json's `memory`: the container the targets are a share of. */
const MEMORY_MB: number = JSON.parse(readFileSync(join(__dirname, '../../node/service.json'), 'utf8')).memory

const orderCreated = (orders: VtexOrder[]): Broadcast[] => orders.map((order) => ({ orderId: order.orderId, currentState: 'order-created' }))
const allDelivered = (sandbox: Sandbox, orders: VtexOrder[]) => () => orders.every((order) => sandbox.vtexAds.conversions.has(order.orderId))
const queueEmpty = (sandbox: Sandbox) => [...sandbox.state.vbase.keys()].every((key) => !key.includes(`/${RETRY_QUEUE_BUCKET}/`))

/**
 * Outages of the app's own stores. The suite runs the scheduled side of time at TIME_SCALE (the
 * 5-minute tick takes 3 s), while client timeouts (VBase 5 s, 3 tries; Master Data 3 s, 2 tries)
 * and the platform's redeliveries (≈ 8 s) run at real speed. "Two minutes" scaled is 1.2 s, less
 * than one VBase timeout: it would test nothing. So a store stays down for as long as the real-speed
 * side needs to run out, 15 s: 5 ticks, i.e. 25 scheduled minutes, harsher than two minutes.
 */
const STORE_OUTAGE_MS = Math.max(2 * 60_000 * TIME_SCALE, 15_000)
/** The scheduler's silence is scheduled time only: an hour at TIME_SCALE (36 s, 12 ticks). */
const SCHEDULER_SILENCE_MS = 60 * 60_000 * TIME_SCALE

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const until = async (done: () => boolean) => {
  while (!done()) await sleep(20)
}
const injected = (sandbox: Sandbox) =>
  Object.entries(sandbox.state.faults.injected)
    .map(([fault, count]) => `${count} × ${fault}`)
    .join(', ')

/**
 * After a store outage: every order delivered once, then the admin's figures equal the ledger
 * (read through the admin's GraphQL: adminAgreement.ts) once the scheduled run repaired the index.
 */
async function storeOutageReport(name: string, sandbox: Sandbox, broadcaster: Broadcaster, orders: VtexOrder[], notes: string[]) {
  const runs = await settle(sandbox, allDelivered(sandbox, orders), 120_000)
  const agreement = await awaitAgreement(
    sandbox,
    orders.map((order) => order.orderId),
    60_000,
    TICK_MS
  )
  if (process.env.FAULTS_LOG_FILE) writeServiceLog(process.env.FAULTS_LOG_FILE, sandbox, orders)
  const report = measure(name, sandbox, broadcaster, orders, {
    notes: [
      ...notes,
      `injected: ${injected(sandbox)}`,
      `${broadcaster.redeliveries} broadcasts redelivered, ${broadcaster.gaveUp} given up by the platform, ${runs} scheduled runs`,
      `ledger ${JSON.stringify(agreement.ledger)}; admin agreed ${agreement.seconds} s after the last delivery`,
      ...agreement.mismatches.slice(0, 6),
    ],
  })
  return {
    ...report,
    checks: {
      'every order sent, says the ledger': agreement.ledger.sent === orders.length && agreement.ledger.sent === Object.values(agreement.ledger).reduce((sum, count) => sum + count, 0),
      "the admin's figures equal the ledger": agreement.mismatches.length === 0,
    },
  }
}

/**
 * For diagnosis (FAULTS_LOG_FILE=path): the orders VTEX Ads received twice or never, and every
 * Service log line naming one of them or at warn/error level.
 */
function writeServiceLog(path: string, sandbox: Sandbox, orders: VtexOrder[]) {
  const received = (order: VtexOrder) => sandbox.vtexAds.conversions.get(order.orderId) ?? 0
  const twice = orders.filter((order) => received(order) > 1).map((order) => order.orderId)
  const never = orders.filter((order) => received(order) === 0).map((order) => order.orderId)
  const named = [...twice, ...never]
  const lines = sandbox.services.flatMap((service) => service.output.filter((line) => named.some((id) => line.includes(id)) || /"level":"(warn|error)"/.test(line)))
  writeFileSync(path, `${JSON.stringify({ twice, never, lines }, null, 1)}\n`)
}

async function withSandbox<T>(options: Parameters<typeof suiteSandbox>[0], work: (sandbox: Sandbox) => Promise<T>): Promise<T> {
  const sandbox = await suiteSandbox(options)
  try {
    return await work(sandbox)
  } finally {
    await sandbox.stop()
  }
}

export const scenarios: Scenario[] = [
  {
    name: '2 replicas, every lifecycle broadcast 5 times',
    run: () =>
      // All three destinations on: the claim is per order, and each must see each order once.
      withSandbox({ replicas: 2, settings: { ...suiteSettings(), impactEnabled: true, openaiEnabled: true } }, async (sandbox) => {
        const orders = placeOrders(sandbox, 1_391_100_000_000, 500, () => ({ status: 'invoiced' }))
        const broadcaster = new Broadcaster(sandbox.services)
        const events = shuffledCopies(orders.flatMap((order) => LIFECYCLE.map((currentState) => ({ orderId: order.orderId, currentState }))), 5)
        await broadcaster.deliverAll(events, 40)
        // The impact stand-in counts per `EventTypeId:OrderId`; one event type here, so one key per order.
        const impactOnce = () =>
          sandbox.impact.conversions.size === orders.length && orders.every((order) => sandbox.impact.conversions.get(`${suiteSettings().impactEventTypeId}:${order.orderId}`) === 1)
        const openaiOnce = () => orders.every((order) => sandbox.openai.events.get(`order_created:order_${order.orderId}`)?.received === 1)
        await settle(sandbox, () => allDelivered(sandbox, orders)() && impactOnce() && openaiOnce() && queueEmpty(sandbox), 60_000)
        const report = measure('2 replicas, every lifecycle broadcast 5 times', sandbox, broadcaster, orders, {
          notes: [`${events.length} broadcasts, ${broadcaster.redeliveries} redelivered; impact.com ${sandbox.impact.conversions.size} conversions, OpenAI ${sandbox.openai.events.size} events`],
        })
        return { ...report, checks: { 'impact.com received each order exactly once': impactOnce(), 'OpenAI received each order exactly once': openaiOnce() } }
      }),
  },
  {
    name: 'VTEX Ads 503 for a burst, then recovers',
    run: () =>
      withSandbox({}, async (sandbox) => {
        const orders = placeOrders(sandbox, 1_391_200_000_000, 300)
        sandbox.state.injectFailures('vtexAds', Array.from({ length: 600 }, () => 503))
        const broadcaster = new Broadcaster(sandbox.services)
        await broadcaster.deliverAll(orderCreated(orders), 20)
        const runs = await settle(sandbox, () => allDelivered(sandbox, orders)() && queueEmpty(sandbox), 90_000)
        return measure('VTEX Ads 503 for a burst, then recovers', sandbox, broadcaster, orders, { notes: [`600 answers of 503, ${runs} scheduled runs`] })
      }),
  },
  {
    name: 'VTEX Ads 429 with Retry-After',
    run: () =>
      withSandbox({}, async (sandbox) => {
        const orders = placeOrders(sandbox, 1_391_300_000_000, 200)
        sandbox.state.injectFailures('vtexAds', Array.from({ length: 150 }, () => 429))
        const broadcaster = new Broadcaster(sandbox.services)
        await broadcaster.deliverAll(orderCreated(orders), 20)
        await settle(sandbox, () => allDelivered(sandbox, orders)() && queueEmpty(sandbox), 60_000)
        return measure('VTEX Ads 429 with Retry-After', sandbox, broadcaster, orders, { notes: ['150 answers of 429 (Retry-After: 1)'] })
      }),
  },
  {
    name: 'VTEX Ads hangs past the timeout',
    run: () =>
      withSandbox({}, async (sandbox) => {
        const orders = placeOrders(sandbox, 1_391_400_000_000, 60)
        sandbox.state.faults.add({ standIn: 'vtexAds', fault: { kind: 'hang' }, times: 40 })
        const broadcaster = new Broadcaster(sandbox.services)
        await broadcaster.deliverAll(orderCreated(orders), 20)
        await settle(sandbox, () => allDelivered(sandbox, orders)() && queueEmpty(sandbox), 90_000)
        return measure('VTEX Ads hangs past the timeout', sandbox, broadcaster, orders, { notes: ['40 requests never answered (5 s client timeout)'] })
      }),
  },
  {
    name: 'connection resets, and answers lost after VTEX Ads processed',
    run: () =>
      withSandbox({}, async (sandbox) => {
        const orders = placeOrders(sandbox, 1_391_500_000_000, 200)
        sandbox.state.faults.add({ standIn: 'vtexAds', fault: { kind: 'reset' }, times: 80 })
        sandbox.state.faults.add({ standIn: 'vtexAds', fault: { kind: 'lost-answer' }, times: 30 })
        const broadcaster = new Broadcaster(sandbox.services)
        await broadcaster.deliverAll(orderCreated(orders), 20)
        await settle(sandbox, () => allDelivered(sandbox, orders)() && queueEmpty(sandbox), 60_000)
        return measure('connection resets, and answers lost after VTEX Ads processed', sandbox, broadcaster, orders, {
          notes: ['80 resets before processing, 30 answers dropped after VTEX Ads processed the conversion'],
        })
      }),
  },
  {
    name: 'a replica killed mid-burst',
    run: () =>
      withSandbox({ replicas: 2 }, async (sandbox) => {
        const orders = placeOrders(sandbox, 1_391_600_000_000, 500)
        const broadcaster = new Broadcaster(sandbox.services)
        const [, doomed] = sandbox.services
        const delivering = broadcaster.deliverAll(orderCreated(orders), 40)
        // Kill the second replica once a third of the orders went through, whatever it is doing.
        while (sandbox.vtexAds.conversions.size < orders.length / 3) await new Promise((resolve) => setTimeout(resolve, 20))
        broadcaster.lose(doomed)
        await doomed.kill()
        // Conversions VTEX Ads accepted whose sender died before recording them: a resend is expected.
        const ledgerSent = (orderId: string) =>
          vtexAdsDelivery(sandbox, orderId)?.status === 'sent'
        await new Promise((resolve) => setTimeout(resolve, 100))
        const answerLost = new Set(orders.filter((order) => sandbox.vtexAds.conversions.has(order.orderId) && !ledgerSent(order.orderId)).map((order) => order.orderId))
        await delivering
        // The dead replica's claims lapse after their 45 s lease; the retry queue brings those orders back.
        await settle(sandbox, () => allDelivered(sandbox, orders)() && queueEmpty(sandbox), 120_000)
        return measure('a replica killed mid-burst', sandbox, broadcaster, orders, { answerLost, notes: [`killed with ${answerLost.size} conversion(s) accepted but not recorded`] })
      }),
  },
  {
    name: 'VBase answering 5xx, then hanging past its timeout, mid-burst',
    run: () =>
      withSandbox({}, async (sandbox) => {
        const name = 'VBase answering 5xx, then hanging past its timeout, mid-burst'
        const orders = placeOrders(sandbox, 1_392_100_000_000, 300)
        const broadcaster = new Broadcaster(sandbox.services)
        const delivering = broadcaster.deliverAll(orderCreated(orders), 20)
        await until(() => sandbox.vtexAds.conversions.size >= orders.length / 3)
        // The ledger, claims, retry queue and scheduled-run state all live in VBase: half the window answers 503, half hangs.
        const from = Date.now()
        const vbase = { standIn: 'infra', path: /^\/vbase\//, times: Infinity }
        sandbox.state.faults.add({ ...vbase, fault: { kind: 'answer', status: 503, body: '{"code":"ServiceUnavailable"}', contentType: 'application/json' }, from, until: from + STORE_OUTAGE_MS / 2 })
        sandbox.state.faults.add({ ...vbase, fault: { kind: 'hang' }, from: from + STORE_OUTAGE_MS / 2, until: from + STORE_OUTAGE_MS })
        await delivering
        return storeOutageReport(name, sandbox, broadcaster, orders, [`VBase down ${STORE_OUTAGE_MS / 1_000} s from the 100th conversion: 503 for half, no answer for half`])
      }),
  },
  {
    name: 'Master Data (the index and CL) down mid-burst',
    run: () =>
      withSandbox({}, async (sandbox) => {
        const name = 'Master Data (the index and CL) down mid-burst'
        const orders = placeOrders(sandbox, 1_392_200_000_000, 300)
        const broadcaster = new Broadcaster(sandbox.services)
        const delivering = broadcaster.deliverAll(orderCreated(orders), 20)
        await until(() => sandbox.vtexAds.conversions.size >= orders.length / 3)
        // One host (api.vtex.com) for v1 (CL, the hard-masked e-mail) and v2 (the admin's index): down together, 503 then resets.
        const from = Date.now()
        const masterData = { standIn: 'masterdata', path: /^\/api\/dataentities\//, times: Infinity }
        sandbox.state.faults.add({ ...masterData, fault: { kind: 'answer', status: 503, body: '{"Message":"Service Unavailable"}', contentType: 'application/json' }, from, until: from + STORE_OUTAGE_MS / 2 })
        sandbox.state.faults.add({ ...masterData, fault: { kind: 'reset' }, from: from + STORE_OUTAGE_MS / 2, until: from + STORE_OUTAGE_MS })
        await delivering
        const report = await storeOutageReport(name, sandbox, broadcaster, orders, [`Master Data down ${STORE_OUTAGE_MS / 1_000} s from the 100th conversion: 503 for half, connection reset for half`])
        // The e-mail comes from CL (OMS masks it): an order must wait for CL rather than go without it.
        const hashes = orders.map((order) => (sandbox.vtexAds.conversionBodies.get(order.orderId) as { email_hashed?: string } | undefined)?.email_hashed)
        return { ...report, checks: { ...report.checks, 'every conversion carries the e-mail read from CL, none sent without it': hashes.every((hash) => hash !== undefined && hash === hashes[0]) } }
      }),
  },
  {
    name: 'the scheduler silent for an hour, then back',
    run: () =>
      withSandbox({ replicas: 2 }, async (sandbox) => {
        const name = 'the scheduler silent for an hour, then back'
        // Installed and running: one scheduled run went by (reconciliation has its watermark), then the scheduler stops.
        // The scheduler's calls to the app (scheduleClock.ts), not the app's registration with the scheduler.
        const scheduledRuns = () => sandbox.state.received.filter((received) => received.standIn === 'scheduler' && received.summary.startsWith('scheduled run'))
        await until(() => scheduledRuns().length > 0)
        const silentFrom = Date.now()
        const silentUntil = silentFrom + SCHEDULER_SILENCE_MS
        sandbox.state.faults.silenceScheduler(silentUntil)
        const orders = placeOrders(sandbox, 1_392_300_000_000, 100)
        // What only the scheduled run does: orders whose broadcast never came (reconciliation), and
        // orders VTEX Ads refused with 503 past the broadcasts' retries (the retry queue).
        const neverBroadcast = orders.filter((_, index) => index % 4 === 0)
        sandbox.state.faults.add({ standIn: 'vtexAds', fault: { kind: 'answer', status: 503, body: '{"error":"unavailable"}', contentType: 'application/json' }, times: Infinity, from: silentFrom, until: silentFrom + SCHEDULER_SILENCE_MS * 0.75 })
        const broadcaster = new Broadcaster(sandbox.services)
        for (const order of neverBroadcast) broadcaster.firstSentAt.set(order.orderId, Date.now())
        await broadcaster.deliverAll(orderCreated(orders.filter((order) => !neverBroadcast.includes(order))), 40)
        await sleep(Math.max(0, silentUntil - Date.now() - 100))
        const waitingAtTheEnd = orders.filter((order) => !sandbox.vtexAds.conversions.has(order.orderId)).length
        const unseenDuringSilence = neverBroadcast.every((order) => !sandbox.vtexAds.conversions.has(order.orderId))
        const runsDuringSilence = scheduledRuns().filter((received) => received.at > silentFrom && received.at < silentUntil).length
        const report = await storeOutageReport(name, sandbox, broadcaster, orders, [
          `silent ${SCHEDULER_SILENCE_MS / 1_000} s (${SCHEDULER_SILENCE_MS / TICK_MS} ticks); ${neverBroadcast.length} orders never broadcast, VTEX Ads 503 for the first ${(SCHEDULER_SILENCE_MS * 0.75) / 1_000} s; ${waitingAtTheEnd} orders waiting when the scheduler came back`,
        ])
        return {
          ...report,
          checks: {
            ...report.checks,
            'no scheduled run while silent': runsDuringSilence === 0,
            'orders never broadcast waited for the scheduler': unseenDuringSilence && waitingAtTheEnd >= neverBroadcast.length,
          },
        }
      }),
  },
  {
    name: 'OMS faults: not readable yet, 5xx, timeouts, HTML, truncated JSON, malformed lines',
    run: () =>
      withSandbox({}, async (sandbox) => {
        const kinds = ['404-fresh', '503-long', 'timeout', 'html', 'truncated', 'null-line'] as const
        const orders = placeOrders(sandbox, 1_391_700_000_000, 60, (order, index) =>
          kinds[index % kinds.length] === 'null-line' ? { items: [order.items[0], null as unknown as VtexOrder['items'][number], ...order.items.slice(1)] } : {}
        )
        const kindOf = (order: VtexOrder) => kinds[orders.indexOf(order) % kinds.length]
        for (const order of orders) {
          const path = new RegExp(`/orders/${order.orderId}$`)
          const add = (fault: Parameters<Sandbox['state']['faults']['add']>[0]['fault'], times: number) => sandbox.state.faults.add({ standIn: 'oms', path, fault, times })
          switch (kindOf(order)) {
            case '404-fresh':
              add({ kind: 'answer', status: 404, body: '{"error":{"message":"Order not found"}}', contentType: 'application/json' }, 2)
              break
            case '503-long':
              add({ kind: 'answer', status: 503, body: 'Service Unavailable', contentType: 'text/plain' }, 5)
              break
            case 'timeout':
              add({ kind: 'hang' }, 2)
              break
            case 'html':
              add({ kind: 'answer', status: 200, body: '<html><body><h1>502 Bad Gateway</h1></body></html>', contentType: 'text/html' }, 3)
              break
            case 'truncated':
              add({ kind: 'answer', status: 200, body: `{"orderId":"${order.orderId}","items":[{"id":"3`, contentType: 'application/json' }, 3)
              break
          }
        }
        const broadcaster = new Broadcaster(sandbox.services)
        await broadcaster.deliverAll(orderCreated(orders), 20)
        const eligible = (order: VtexOrder) => kindOf(order) !== 'null-line'
        await settle(sandbox, () => allDelivered(sandbox, orders.filter(eligible))() && queueEmpty(sandbox), 90_000)
        const record = (order: VtexOrder) => vtexAdsDelivery(sandbox, order.orderId)
        const malformed = orders.filter((order) => !eligible(order))
        return {
          ...measure('OMS faults: not readable yet, 5xx, timeouts, HTML, truncated JSON, malformed lines', sandbox, broadcaster, orders, { eligible, notes: ['10 orders per fault; null-line orders are dead letters by design'] }),
          checks: {
            'malformed order lines are dead letters with their reason': malformed.every((order) => record(order)?.status === 'dead' && /items\[1\] is not an item line/.test(record(order)?.reason ?? '')),
            'no malformed order was sent': malformed.every((order) => !sandbox.vtexAds.conversions.has(order.orderId)),
          },
        }
      }),
  },
  {
    name: 'malformed broadcasts',
    run: () =>
      withSandbox({}, async (sandbox) => {
        const [valid] = placeOrders(sandbox, 1_391_800_000_000, 1)
        const service = sandbox.service!
        const bodies: Array<[string, string | Buffer, string | undefined]> = [
          ['over 1 MB', Buffer.alloc(1_100_000, 'x'), 'application/json'],
          ['not JSON', 'orderId=1&currentState=invoiced', 'application/json'],
          ['truncated JSON', '{"orderId":"1391800000001-01","currentState":"inv', 'application/json'],
          ['null', 'null', 'application/json'],
          ['a JSON array', '[]', 'application/json'],
          ['no content type', '{"orderId":"x"', undefined],
          ['0.9 MB of junk', 'y'.repeat(900_000), 'text/plain'],
        ]
        const statuses = await Promise.all(bodies.map(([, body, type]) => service.sendRawEvent(body, type)))
        const textPlain = await service.sendRawEvent(JSON.stringify({ orderId: valid.orderId, currentState: 'order-created' }), 'text/plain')
        const deadLetters = [...sandbox.state.vbase.entries()].filter(([key]) => key.includes(`/${DEAD_LETTER_BUCKET}/`)).map(([, value]) => value)
        const broadcaster = new Broadcaster(sandbox.services)
        broadcaster.firstSentAt.set(valid.orderId, Date.now())
        return {
          ...measure('malformed broadcasts', sandbox, broadcaster, [valid], { notes: [`${bodies.length} malformed bodies, 1 valid broadcast sent as text/plain`] }),
          checks: {
            'every malformed broadcast acknowledged (2xx), none redelivered forever': statuses.every((status) => status >= 200 && status < 300),
            'each kept with its reason': deadLetters.length === bodies.length,
            'kept bounded (≤ 8 KB each)': deadLetters.every((value) => value.length <= 8_192),
            'a valid broadcast sent as text/plain is processed': textPlain === 204 && sandbox.vtexAds.conversions.get(valid.orderId) === 1,
          },
        }
      }),
  },
  {
    name: '5,000-order burst at the configured concurrency',
    run: () =>
      withSandbox({}, async (sandbox) => {
        const orders = placeOrders(sandbox, 1_391_900_000_000, 5_000)
        const broadcaster = new Broadcaster(sandbox.services, [100, 200, 400, 800, 1_600, 3_200, 6_400])
        // Far more in flight than a replica takes (rateLimitPerReplica.concurrent 20): the rest get 429 and come back.
        await broadcaster.deliverAll(orderCreated(orders), 100)
        await settle(sandbox, () => allDelivered(sandbox, orders)() && queueEmpty(sandbox), 90_000)
        const peak = peakRssMb(sandbox.service!.pid)
        return {
          ...measure('5,000-order burst at the configured concurrency', sandbox, broadcaster, orders, { peakRssMb: peak, notes: [`${broadcaster.redeliveries} broadcasts redelivered after a 429 or no answer`] }),
          checks: { [`peak RSS ≤ 60 % of service.json memory (${Math.round(MEMORY_MB * 0.6)} MB)`]: peak !== undefined && peak <= MEMORY_MB * 0.6 },
        }
      }),
  },
  {
    name: 'a 1,000-item order',
    run: () =>
      withSandbox({}, async (sandbox) => {
        const [order] = placeOrders(sandbox, 1_392_000_000_000, 1, (base) => ({
          items: Array.from({ length: 1_000 }, (_, index) => ({ ...base.items[index % base.items.length], id: String(500_000 + index), productId: String(600_000 + index) })),
        }))
        const broadcaster = new Broadcaster(sandbox.services)
        await broadcaster.deliverAll(orderCreated([order]), 1)
        await settle(sandbox, allDelivered(sandbox, [order]), 30_000)
        const peak = peakRssMb(sandbox.service!.pid)
        const body = sandbox.vtexAds.conversionBodies.get(order.orderId) as { items?: unknown[] } | undefined
        return {
          ...measure('a 1,000-item order', sandbox, broadcaster, [order], { peakRssMb: peak }),
          checks: { 'all 1,000 items sent': body?.items?.length === 1_000, [`peak RSS ≤ ${Math.round(MEMORY_MB * 0.6)} MB`]: peak !== undefined && peak <= MEMORY_MB * 0.6 },
        }
      }),
  },
]
