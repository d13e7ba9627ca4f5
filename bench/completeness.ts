/**
 * conversion_completeness and time_to_conversion_p99_s: a sandbox store (2 replicas, the scheduler
 * ticking) receives 1,000 orders over half a minute; orders-broadcast sends each order's lifecycle
 * (order created, payment approved, ready for handling) but drops 10 % of the broadcasts at
 * random, and VTEX Ads answers 503 to everything for a stretch, then recovers. Completeness is
 * delivered ÷ eligible orders once the scheduled run settled; the p99 is from each order's
 * creation to VTEX Ads accepting its conversion.
 *
 * The scheduled run's clock runs 50× faster (VTEX's 5-minute tick is 6 s here, later retries and
 * reconciliation's lag alike), so figures are also given in scheduled periods.
 */
import { startSandbox } from '../sandbox/sandbox'
import { Broadcaster, placeOrders, suiteSettings } from '../test/faults/harness'
import type { VtexOrder } from '../node/typings/order'
import { percentile } from './pool'

const TIME_SCALE = 0.02
const PERIOD_MS = 5 * 60_000 * TIME_SCALE
const STATUS_GAP_MS = 1_000

export interface Completeness {
  completeness: number
  delivered: number
  eligible: number
  p99Seconds: number
  p99Periods: number
  periodSeconds: number
  broadcastsDropped: number
  /** Orders none of whose broadcasts arrived: only reconciliation can find them. */
  silentOrders: number
  silentDelivered: number
  outageSeconds: number
}


/**
 * `lifecycle`: each order is broadcast at each status, as VTEX does (an order goes unseen only when
 * all three are dropped); false: one broadcast per order, so a tenth of the orders are only found
 * by reconciliation and the p99 is reconciliation's (its lag, then the next tick).
 */
export async function conversionCompleteness(options: { orders?: number; dropRate?: number; spreadMs?: number; lifecycle?: boolean } = {}): Promise<Completeness> {
  const count = options.orders ?? 1_000
  const dropRate = options.dropRate ?? 0.1
  const spreadMs = options.spreadMs ?? 30_000
  const statuses = options.lifecycle === false ? ['order-created'] : ['order-created', 'payment-approved', 'ready-for-handling']
  const sandbox = await startSandbox({ settings: suiteSettings(), replicas: 2, schedule: { timeScale: TIME_SCALE, tickEveryMs: PERIOD_MS } })
  try {
    const broadcaster = new Broadcaster(sandbox.services)
    const createdAt = new Map<string, number>()
    let dropped = 0
    const silent = new Set<string>()
    const place = async (order: VtexOrder) => {
      createdAt.set(order.orderId, Date.now())
      let sent = 0
      sandbox.state.orders.set(order.orderId, { ...order, creationDate: new Date().toISOString() })
      for (const [step, currentState] of statuses.entries()) {
        if (step > 0) await new Promise((resolve) => setTimeout(resolve, STATUS_GAP_MS))
        sandbox.state.orders.set(order.orderId, { ...sandbox.state.orders.get(order.orderId)!, status: currentState })
        if (Math.random() < dropRate) dropped++
        else {
          sent++
          await broadcaster.deliver({ orderId: order.orderId, currentState })
        }
      }
      if (sent === 0) silent.add(order.orderId)
    }
    const orders = placeOrders(sandbox, 1_393_000_000_000, count)
    for (const order of orders) sandbox.state.orders.delete(order.orderId) // placed one by one below
    // VTEX Ads is down for half a period, a third of the way in.
    const outageMs = PERIOD_MS / 2
    const outage = setTimeout(() => {
      sandbox.state.faults.add({ standIn: 'vtexAds', fault: { kind: 'answer', status: 503, body: '{"messages":["unavailable"]}', contentType: 'application/json' }, times: Infinity })
      setTimeout(() => sandbox.state.faults.clear('vtexAds'), outageMs)
    }, spreadMs / 3)
    const placing: Array<Promise<void>> = []
    for (const [index, order] of orders.entries()) {
      placing.push(place(order))
      if (index % 10 === 9) await new Promise((resolve) => setTimeout(resolve, (spreadMs / count) * 10))
    }
    await Promise.all(placing)
    clearTimeout(outage)
    const accepted = () => orders.filter((order) => sandbox.vtexAds.firstAcceptedAt.has(order.orderId)).length
    const until = Date.now() + 20 * PERIOD_MS
    while (accepted() < orders.length && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200))

    const latencies = orders.flatMap((order) => {
      const at = sandbox.vtexAds.firstAcceptedAt.get(order.orderId)
      return at === undefined ? [] : [at - createdAt.get(order.orderId)!]
    })
    const p99 = percentile(latencies, 99)
    return {
      completeness: Math.round((accepted() / orders.length) * 1000) / 1000,
      delivered: accepted(),
      eligible: orders.length,
      p99Seconds: Math.round(p99 / 100) / 10,
      p99Periods: Math.round((p99 / PERIOD_MS) * 100) / 100,
      periodSeconds: PERIOD_MS / 1000,
      broadcastsDropped: dropped,
      silentOrders: silent.size,
      silentDelivered: [...silent].filter((orderId) => sandbox.vtexAds.firstAcceptedAt.has(orderId)).length,
      outageSeconds: outageMs / 1000,
    }
  } finally {
    await sandbox.stop()
  }
}
