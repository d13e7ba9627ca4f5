import { readFileSync } from 'fs'
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/sandbox'
import type { RunningService } from '../../sandbox/service'
import type { VtexOrder } from '../../node/typings/order'
import { benchOrder } from '../../bench/orders'
import { percentile } from '../../bench/pool'

/**
 * The fault suite's tools: a sandbox like a real account (2 replicas, the scheduler, VBase and
 * OMS shared), orders, an orders-broadcast that delivers at least once as the platform does, and
 * the measures every scenario reports.
 */
export const TIME_SCALE = 0.01
/** VTEX's 5-minute scheduler tick at TIME_SCALE. */
export const TICK_MS = 5 * 60_000 * TIME_SCALE

/** Only VTEX Ads, the primary destination: every path is the same for the others. */
export const suiteSettings = (): Record<string, unknown> => ({
  ...JSON.parse(readFileSync(`${__dirname}/../../sandbox/settings.json`, 'utf8')),
  impactEnabled: false,
  openaiEnabled: false,
})

/** The scheduler ticks from the start, as on an account where the app is installed: reconciliation's watermark moves with time. */
export async function suiteSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ settings: suiteSettings(), schedule: { timeScale: TIME_SCALE, tickEveryMs: TICK_MS }, ...options })
}

/** `count` 10-item orders placed now, ids from `prefix`, in the sandbox's OMS. */
export function placeOrders(sandbox: Sandbox, prefix: number, count: number, changes: (order: VtexOrder, index: number) => Partial<VtexOrder> = () => ({})): VtexOrder[] {
  // Placed in the last moments, 2 ms apart, as a burst of real orders is: OMS lists by date.
  const now = Date.now()
  return Array.from({ length: count }, (_, index) => {
    const base = benchOrder(index)
    const order = { ...base, orderId: `${prefix + index}-01`, creationDate: new Date(now - (count - index) * 2).toISOString(), status: 'order-created' }
    const changed = { ...order, ...changes(order, index) }
    sandbox.state.orders.set(changed.orderId, changed)
    return changed
  })
}

export const LIFECYCLE = ['order-created', 'payment-approved', 'ready-for-handling', 'invoiced']

export interface Broadcast {
  orderId: string
  currentState: string
}

/**
 * vtex.orders-broadcast as IO delivers events: at least once, to any live replica; an answer of
 * 429 or 5xx, or none, is delivered again after a backoff (to any replica), up to a few times
 * (after which the platform gives up, and the app's scheduled run is what is left).
 */
export class Broadcaster {
  readonly answerMs: number[] = []
  redeliveries = 0
  gaveUp = 0
  readonly firstSentAt = new Map<string, number>()
  private readonly live: RunningService[]

  constructor(services: RunningService[], private readonly retryDelaysMs = [200, 500, 1_000, 2_000, 4_000]) {
    this.live = [...services]
  }

  /** The replica stops answering for good (killed): deliveries go elsewhere. */
  lose(service: RunningService) {
    this.live.splice(this.live.indexOf(service), 1)
  }

  async deliver(event: Broadcast): Promise<void> {
    if (!this.firstSentAt.has(event.orderId)) this.firstSentAt.set(event.orderId, Date.now())
    for (let attempt = 0; ; attempt++) {
      const replica = this.live[Math.floor(Math.random() * this.live.length)]
      const started = Date.now()
      let status = 0
      try {
        status = await replica.sendEvent({ domain: 'Marketplace', lastState: '', ...event })
      } catch {
        status = 0 // no answer: the replica died, or the connection dropped
      }
      this.answerMs.push(Date.now() - started)
      if (status >= 200 && status < 300) return
      if (attempt >= this.retryDelaysMs.length) {
        this.gaveUp++
        return
      }
      this.redeliveries++
      await new Promise((resolve) => setTimeout(resolve, this.retryDelaysMs[attempt] * (0.5 + Math.random())))
    }
  }

  /** Delivers all of them with at most `concurrency` in flight. */
  async deliverAll(events: Broadcast[], concurrency: number): Promise<void> {
    let next = 0
    await Promise.all(
      Array.from({ length: Math.min(concurrency, events.length) }, async () => {
        while (next < events.length) await this.deliver(events[next++])
      })
    )
  }
}

/** `times` copies of each event, shuffled (duplicates and out-of-order delivery). */
export function shuffledCopies(events: Broadcast[], times: number): Broadcast[] {
  const all = events.flatMap((event) => Array.from({ length: times }, () => event))
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[all[i], all[j]] = [all[j], all[i]]
  }
  return all
}

/** Waits (the scheduler ticking) until `done()` or `timeoutMs` passed; the scheduled runs it took. */
export async function settle(sandbox: Sandbox, done: () => boolean, timeoutMs: number): Promise<number> {
  const until = Date.now() + timeoutMs
  const runsBefore = sandbox.state.received.filter((received) => received.standIn === 'scheduler').length
  while (!done() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200))
  return sandbox.state.received.filter((received) => received.standIn === 'scheduler').length - runsBefore
}

/** Peak resident memory of a process so far (VmHWM, Linux), in MB. */
export function peakRssMb(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Math.round(Number(match[1]) / 1024) : undefined
  } catch {
    return undefined
  }
}


export interface ScenarioReport {
  name: string
  /** Orders the scenario placed. */
  ordersIn: number
  /** Orders that must convert (a malformed order's dead letter is by design, not a loss). */
  eligible: number
  delivered: number
  /** Orders VTEX Ads received more than once, the app's fault. */
  duplicated: number
  /** Orders received twice because the first answer never came back (processed, then the connection or the replica died): VTEX Ads dedups order_id. */
  duplicatedAnswerLost: number
  lost: number
  /** Time from an order's first broadcast to its first acceptance by VTEX Ads. */
  p99Seconds: number
  /** The slowest answer the app gave a broadcast (service.json timeout: 30 s). */
  maxAnswerSeconds: number
  peakRssMb?: number
  notes: string[]
}

/** Delivery figures of `orders` (eligible ones) as VTEX Ads received them. */
export function measure(
  name: string,
  sandbox: Sandbox,
  broadcaster: Broadcaster,
  orders: VtexOrder[],
  options: { eligible?: (order: VtexOrder) => boolean; answerLost?: Set<string>; peakRssMb?: number; notes?: string[] } = {}
): ScenarioReport {
  const eligible = orders.filter(options.eligible ?? (() => true))
  const received = (order: VtexOrder) => sandbox.vtexAds.conversions.get(order.orderId) ?? 0
  const duplicates = eligible.filter((order) => received(order) > 1)
  const lostAnswers = new Set([...(options.answerLost ?? []), ...sandbox.state.faults.lostAnswers.map((body) => (JSON.parse(body) as { order_id?: string }).order_id ?? '')])
  const explained = duplicates.filter((order) => lostAnswers.has(order.orderId))
  const latencies = eligible.flatMap((order) => {
    const sent = broadcaster.firstSentAt.get(order.orderId)
    const accepted = sandbox.vtexAds.firstAcceptedAt.get(order.orderId)
    return sent !== undefined && accepted !== undefined ? [accepted - sent] : []
  })
  return {
    name,
    ordersIn: orders.length,
    eligible: eligible.length,
    delivered: eligible.filter((order) => received(order) >= 1).length,
    duplicated: duplicates.length - explained.length,
    duplicatedAnswerLost: explained.length,
    lost: eligible.filter((order) => received(order) === 0).length,
    p99Seconds: Math.round(percentile(latencies, 99) / 100) / 10,
    maxAnswerSeconds: Math.round(Math.max(0, ...broadcaster.answerMs) / 100) / 10,
    ...(options.peakRssMb !== undefined ? { peakRssMb: options.peakRssMb } : {}),
    notes: options.notes ?? [],
  }
}
