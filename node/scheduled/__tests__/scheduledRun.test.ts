import { loadOrder } from '../../__fixtures__'
import type { ListOrdersQuery, OrderList } from '../../clients/oms'
import { vtexAdsDestination } from '../../destinations/vtexAds'
import type { DestinationResponse, OutboundRequest } from '../../destinations/destination'
import { deadlineIn } from '../../coordination/deadline'
import { KeyedMutex } from '../../coordination/keyedMutex'
import { MemoryOrderRecords } from '../../deliveryStore/recordStore'
import { MemoryNameFiles } from '../../deliveryStore/nameFiles'
import { processOrderStatus, type OrderStatusDeps } from '../../delivery/processOrderStatus'
import { GIVE_UP_AFTER_MS, RetryQueue } from '../../deliveryStore/retryQueue'
import { normalizeSettings } from '../../settings/appSettings'
import type { VtexOrder } from '../../typings/order'
import { newBackfillJob } from '../backfill'
import { MAX_ORDERS_PER_WINDOW } from '../orderWindows'
import { RECONCILE_LAG_MS } from '../reconciliation'
import { BACKFILL_PREFIX, RECONCILIATION_STATE, runScheduled, workDone, type ScheduledRunDeps } from '../scheduledRun'
import { MemoryStateStore } from '../stateStore'

const START = Date.parse('2026-11-20T15:00:00Z')

/** OMS as the scheduled run sees it: orders by id, and the list endpoint over them (filters, order, pages, 30-page cap). */
function fakeOms(orders: VtexOrder[]) {
  const byId = new Map(orders.map((order) => [order.orderId, order]))
  const lists: ListOrdersQuery[] = []
  const listOrders = async (query: ListOrdersQuery): Promise<OrderList> => {
    lists.push(query)
    const from = Date.parse(query.from)
    const to = Date.parse(query.to)
    const matching = [...byId.values()]
      .filter((order) => {
        const at = Date.parse(order[query.dateField] ?? '')
        return at >= from && at <= to
      })
      .sort((a, b) => Date.parse(a.creationDate) - Date.parse(b.creationDate))
    const pages = Math.ceil(matching.length / query.perPage)
    const list = matching.slice((query.page - 1) * query.perPage, query.page * query.perPage).map((order) => ({ orderId: order.orderId, creationDate: order.creationDate, status: order.status }))
    return { list, paging: { total: matching.length, pages: Math.min(pages, 30), currentPage: query.page, perPage: query.perPage } }
  }
  return { byId, lists, listOrders }
}

/** `count` copies of the simple order, placed one minute apart from `firstAt`. */
const ordersFrom = (count: number, firstAt: number, status = 'ready-for-handling'): VtexOrder[] =>
  Array.from({ length: count }, (_, index) => ({
    ...loadOrder('simple'),
    orderId: `${1390900000000 + index}-01`,
    status,
    creationDate: new Date(firstAt + index * 60_000).toISOString(),
  }))

function setup(orders: VtexOrder[], answers: DestinationResponse[] = []) {
  let clock = START
  const oms = fakeOms(orders)
  const sent: OutboundRequest[] = []
  const ledger = new MemoryOrderRecords()
  const claims = new MemoryNameFiles()
  const retryQueue = new RetryQueue(new MemoryNameFiles())
  const state = new MemoryStateStore()
  const logs: Array<Record<string, unknown>> = []
  const logger = { info: (entry: Record<string, unknown>) => logs.push(entry), warn: (entry: Record<string, unknown>) => logs.push(entry), error: (entry: Record<string, unknown>) => logs.push(entry) }
  const orderDeps: OrderStatusDeps = {
    settings: normalizeSettings({ publisherId: 'pub-1' }),
    destinations: [vtexAdsDestination],
    readOrder: async (orderId) => {
      const order = oms.byId.get(orderId)
      if (!order) throw Object.assign(new Error('not found'), { response: { status: 404 } })
      return order
    },
    records: ledger,
    claims: ledger.claimFiles,
    retryQueue,
    transport: {
      async send(_name, request) {
        sent.push(request)
        return answers.shift() ?? { status: 202, headers: {}, body: {} }
      },
    },
    logger,
    now: () => clock,
    sleep: async () => undefined,
    random: () => 0.5,
    mutex: new KeyedMutex(),
  }
  const runDeps = (): ScheduledRunDeps => ({
    orderDeps: async () => ({ ...orderDeps, deadline: deadlineIn(20_000, () => clock) }),
    listOrders: oms.listOrders,
    state,
    claims,
    retryQueue,
    deadline: deadlineIn(25_000),
    logger,
    now: () => clock,
  })
  const sentOrderIds = () => sent.map((request) => JSON.parse(request.body).order_id as string)
  return { oms, sent, sentOrderIds, ledger, retryQueue, state, orderDeps, logs, run: () => runScheduled(runDeps()), advance: (ms: number) => (clock += ms), now: () => clock }
}

describe('later retries: without a new broadcast', () => {
  it('an order whose only broadcast failed is delivered by a later run, once', async () => {
    // Placed before reconciliation's first window: only the retry queue can bring it back.
    const [order] = ordersFrom(1, START - 3 * 3_600_000)
    const { orderDeps, run, advance, sentOrderIds, ledger, retryQueue } = setup([order], [503, 503, 503, 503].map((status) => ({ status, headers: {}, body: {} })))
    await expect(processOrderStatus({ orderId: order.orderId, currentState: 'invoiced' }, orderDeps)).rejects.toThrow('will be retried')
    expect(await ledger.delivery('vtexAds', order.orderId)).toMatchObject({ status: 'failed' })
    expect(await retryQueue.get(order.orderId)).toBeDefined()

    expect((await run()).retries.processed).toBe(0) // not due yet
    advance(2 * 60_000)
    expect((await run()).retries.processed).toBe(1)
    expect(await ledger.delivery('vtexAds', order.orderId)).toMatchObject({ status: 'sent' })
    expect(await retryQueue.get(order.orderId)).toBeUndefined()
    advance(60 * 60_000)
    await run()
    expect(sentOrderIds().filter((id) => id === order.orderId)).toHaveLength(5) // 4 failed attempts, 1 delivered
    expect(await ledger.delivery('vtexAds', order.orderId)).toMatchObject({ status: 'sent' })
  })

  it('backs off between runs, and gives up after the bound with reason gave-up', async () => {
    const [order] = ordersFrom(1, START - 3 * 3_600_000)
    const down = Array.from({ length: 400 }, () => ({ status: 503, headers: {}, body: {} }))
    const { orderDeps, run, advance, ledger, retryQueue } = setup([order], down)
    await expect(processOrderStatus({ orderId: order.orderId, currentState: 'invoiced' }, orderDeps)).rejects.toThrow()
    const dueTimes: number[] = []
    for (let elapsed = 0; elapsed <= GIVE_UP_AFTER_MS + 12 * 3_600_000; elapsed += 5 * 60_000) {
      advance(5 * 60_000)
      const before = await retryQueue.get(order.orderId)
      const report = await run()
      if (report.retries.processed > 0 && before) dueTimes.push(before.dueAt)
      if (report.retries.gaveUp > 0) break
    }
    // 2, 4, 8 … minutes apart, never more than 6 hours.
    const gaps = dueTimes.slice(1).map((at, index) => at - dueTimes[index])
    expect(gaps.every((gap, index) => index === 0 || gap >= gaps[index - 1] || gap >= 6 * 3_600_000 - 5 * 60_000)).toBe(true)
    expect(Math.max(...gaps)).toBeLessThanOrEqual(6 * 3_600_000 + 5 * 60_000)
    expect(await ledger.delivery('vtexAds', order.orderId)).toMatchObject({ status: 'dead', reason: expect.stringMatching(/^gave-up: still failing after 7\d h \(http-503\)$/) })
    expect(await retryQueue.get(order.orderId)).toBeUndefined()
  })
})

describe('reconciliation: a broadcast that never came', () => {
  it('converts the orders OMS lists since the last run, once, and moves its watermark', async () => {
    const orders = ordersFrom(5, START - 40 * 60_000)
    const { run, sentOrderIds, state, advance } = setup(orders)
    const first = await run()
    expect(first.reconciliation).toMatchObject({ handled: 5, pending: false })
    expect(sentOrderIds().sort()).toEqual(orders.map((order) => order.orderId).sort())
    expect((await state.get<{ watermark: string }>(RECONCILIATION_STATE))?.watermark).toBe(new Date(START - RECONCILE_LAG_MS).toISOString())
    advance(5 * 60_000)
    const second = await run()
    expect(second.reconciliation.handled).toBe(0) // the overlap lists them again; the ledger says they are done
    expect(sentOrderIds()).toHaveLength(5)
  })

  it('finds orders by the date of the trigger: a payment approved later is converted by a later run; a cancel never', async () => {
    const [pending] = ordersFrom(1, START - 30 * 60_000, 'payment-pending')
    const canceled = { ...pending, orderId: 'canceled-01', status: 'canceled', authorizedDate: new Date(START - 25 * 60_000).toISOString() }
    const { run, sentOrderIds, oms, orderDeps, advance, now } = setup([pending, canceled])
    orderDeps.settings = normalizeSettings({ publisherId: 'pub-1', conversionStatus: 'payment-approved' })
    await run()
    expect(sentOrderIds()).toEqual([])
    advance(20 * 60_000)
    oms.byId.set(pending.orderId, { ...pending, status: 'payment-approved', authorizedDate: new Date(now() - RECONCILE_LAG_MS - 60_000).toISOString() })
    await run()
    expect(sentOrderIds()).toEqual([pending.orderId])
    expect(oms.lists.every((query) => query.dateField === 'authorizedDate')).toBe(true)
  })

  it('splits a window OMS cannot page through whole (over 3,000 orders)', async () => {
    const orders = ordersFrom(MAX_ORDERS_PER_WINDOW + 50, START - 5 * 24 * 3_600_000).map((order, index) => ({
      ...order,
      creationDate: new Date(START - 50 * 60_000 + index * 10).toISOString(),
    }))
    const { run, sentOrderIds, oms } = setup(orders)
    const report = await run()
    expect(oms.lists.some((query) => query.page === 1 && query.to !== oms.lists[0].to)).toBe(true)
    // However far it got in this run's time, nothing was skipped: every order listed so far was sent, once.
    expect(new Set(sentOrderIds()).size).toBe(sentOrderIds().length)
    expect(report.reconciliation.handled).toBe(sentOrderIds().length)
  })
})

describe('backfill: a date range, once however often it is started', () => {
  it('walks the range a run at a time and records its progress', async () => {
    const orders = ordersFrom(250, START - 2 * 24 * 3_600_000)
    const { run, state, sentOrderIds, now } = setup(orders)
    const created = newBackfillJob(new Date(START - 3 * 24 * 3_600_000).toISOString(), new Date(START).toISOString(), now())
    if (!('job' in created)) throw new Error(created.error)
    await state.put(`${BACKFILL_PREFIX}${created.job.id}`, created.job)
    await state.put(`${BACKFILL_PREFIX}${created.job.id}`, created.job) // started twice: the same job
    const report = await run()
    expect(report.backfills).toEqual([{ id: created.job.id, status: 'done', ordersSeen: 250, ordersQueued: 250 }])
    expect(new Set(sentOrderIds()).size).toBe(250)
    await run()
    expect(sentOrderIds()).toHaveLength(250)
  })

  it('refuses ranges VTEX Ads could count twice (older than 30 days) and empty ranges', () => {
    expect(newBackfillJob('2026-10-01', '2026-10-05', START)).toMatchObject({ error: expect.stringMatching(/30 days/) })
    expect(newBackfillJob('2026-11-10', '2026-11-09', START)).toMatchObject({ error: 'from must be before to' })
    expect(newBackfillJob('yesterday', '2026-11-09', START)).toMatchObject({ error: expect.stringMatching(/dates/) })
    const a = newBackfillJob('2026-11-01', '2026-11-20', START)
    const b = newBackfillJob('2026-11-01', '2026-11-20', START + 3_600_000)
    expect('job' in a && 'job' in b && a.job.id === b.job.id).toBe(true)
  })
})

describe('one run at a time', () => {
  it('a second run while one holds the run claim does nothing', async () => {
    const { run } = setup(ordersFrom(3, START - 30 * 60_000))
    const [first, second] = await Promise.all([run(), run()])
    expect([first.ran, second.ran].sort()).toEqual([false, true])
  })
})

describe('upkeep: what each step did, for whoever reads the report', () => {
  it('keeps the positive counts and true flags a step returns, and nothing for a step that did nothing or failed', async () => {
    const { orderDeps } = setup([])
    const upkeep = [
      { name: 'index-repair', run: async () => ({ reindexed: 3, failed: 0, dropped: 1 }) },
      { name: 'registration', run: async () => ({ changed: false }) },
      { name: 'broken', run: async () => Promise.reject(new Error('down')) },
      { name: 'silent', run: async () => undefined },
    ]
    const report = await runScheduled({
      orderDeps: async () => ({ ...orderDeps, deadline: deadlineIn(20_000) }),
      listOrders: fakeOms([]).listOrders,
      state: new MemoryStateStore(),
      claims: new MemoryNameFiles(),
      retryQueue: new RetryQueue(new MemoryNameFiles()),
      deadline: deadlineIn(25_000),
      logger: orderDeps.logger,
      upkeep,
    })
    expect(report.upkeep).toEqual({ 'index-repair': 'ok', registration: 'ok', broken: 'failed', silent: 'ok' })
    expect(report.upkeepDone).toEqual({ 'index-repair': { reindexed: 3, dropped: 1 } })
  })

  it('reads a result as work only from its own positive numbers and true flags', () => {
    expect(workDone({ changed: true, orders: 0, note: 'x', nested: { n: 1 } })).toEqual({ changed: true })
    expect(workDone({ migrated: 0, done: false })).toBeUndefined()
    expect(workDone(7)).toBeUndefined()
    expect(workDone(null)).toBeUndefined()
  })
})
