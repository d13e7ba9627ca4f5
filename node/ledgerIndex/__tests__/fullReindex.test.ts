import { MemoryLedger, type DeliveryRecord } from '../../deliveryStore/ledger'
import type { DestinationName } from '../../destinations/destination'
import type { OrderRecord } from '../../deliveryStore/orderRecord'
import { allOrderPages, deliveryOfLedgerPath, reindexAll, type FullReindexDeps, type ReindexProgress } from '../fullReindex'
import { orderRecordSource } from '../orderRecordSource'

const at = '2026-11-20T14:31:10.000Z'
const record = (destination: DestinationName, orderId: string): DeliveryRecord => ({ destination, orderId, status: 'sent', attempts: 1, createdAt: at, updatedAt: at, sentAt: at })

/** A ledger of `orders` orders, three destinations each, listed as VBase lists its files (one name per destination and order). */
async function setup(orders: number, options: { refuse?: (orderId: string) => boolean } = {}) {
  const ledger = new MemoryLedger()
  for (let n = 0; n < orders; n++) for (const destination of ['vtexAds', 'impact', 'openai'] as const) await ledger.put(record(destination, `o${n}-01`))
  const files = [...ledger.records.keys()].sort().map(encodeURIComponent)
  const written: OrderRecord[] = []
  const deleted: string[] = []
  let saved: ReindexProgress | undefined
  let lists = 0
  const deps: FullReindexDeps = {
    listOrders: async (next, limit) => {
      lists++
      const start = Number(next ?? 0)
      const page = files.slice(start, start + limit)
      return { orders: page.map((path) => deliveryOfLedgerPath(path)!), next: start + limit < files.length ? String(start + limit) : undefined }
    },
    source: orderRecordSource({ ledger }),
    index: {
      write: async (order) => {
        if (options.refuse?.(order.orderId)) throw new Error('md down')
        written.push(order)
      },
      deleteLegacy: async (destination, orderId) => void deleted.push(`${destination}-${orderId}`),
    },
    progress: { read: async () => saved && { ...saved }, save: async (progress) => void (saved = { ...progress }) },
    logger: { info: () => undefined, warn: () => undefined },
  }
  return { deps, written, deleted, progress: () => saved, lists: () => lists }
}

describe('reindexAll: the index migration to one document per order', () => {
  it('writes every order once with all its destinations and deletes its three v1 documents; done, it does nothing', async () => {
    const { deps, written, deleted, progress, lists } = await setup(5)
    // Pages of 4 files: each order is listed three times (once per destination), on different pages.
    expect(await reindexAll(deps, { pageSize: 4 })).toEqual({ reindexed: 5, failed: 0, done: true })
    expect(written.map((order) => [order.orderId, Object.keys(order.deliveries).sort()])).toEqual(
      ['o0-01', 'o1-01', 'o2-01', 'o3-01', 'o4-01'].map((orderId) => [orderId, ['impact', 'openai', 'vtexAds']])
    )
    expect(deleted.sort()).toEqual(['impact', 'openai', 'vtexAds'].flatMap((destination) => ['o0-01', 'o1-01', 'o2-01', 'o3-01', 'o4-01'].map((orderId) => `${destination}-${orderId}`)).sort())
    expect(progress()).toEqual({ done: true, reindexed: 5 })
    const listed = lists()
    expect(await reindexAll(deps)).toEqual({ reindexed: 0, failed: 0, done: true })
    expect(lists()).toBe(listed)
  })

  it('resumes where the last run stopped: its deadline ends a run, the cursor moves only after whole pages', async () => {
    const { deps, written, progress } = await setup(10)
    let checks = 0
    const deadline = { remainingMs: () => (++checks <= 6 ? 10_000 : 0) }
    const first = await reindexAll(deps, { pageSize: 4, deadline })
    expect(first.done).toBe(false)
    expect(first.reindexed).toBeGreaterThan(0)
    // The cursor is at a page boundary (a page cut short by the deadline is done again).
    expect(Number(progress()?.next) % 4).toBe(0)
    expect(await reindexAll(deps, { pageSize: 4 })).toMatchObject({ done: true })
    expect(written.map((order) => order.orderId).sort()).toEqual(Array.from({ length: 10 }, (_, n) => `o${n}-01`).sort())
    expect(written.every((order) => Object.keys(order.deliveries).length === 3)).toBe(true)
  })

  it('an order Master Data refuses keeps its page for the next run; nothing is lost', async () => {
    let refusing = true
    const { deps, written, progress } = await setup(4, { refuse: (orderId) => refusing && orderId === 'o2-01' })
    expect(await reindexAll(deps, { pageSize: 6 })).toMatchObject({ failed: 1, done: false })
    expect(progress()).toBeUndefined()
    refusing = false
    expect(await reindexAll(deps, { pageSize: 6 })).toMatchObject({ failed: 0, done: true })
    expect(written.filter((order) => order.orderId === 'o2-01')).toHaveLength(1)
    expect(new Set(written.map((order) => order.orderId)).size).toBe(4)
  })

  it('reads the delivery of a ledger file name', () => {
    expect(deliveryOfLedgerPath(encodeURIComponent('vtexAds:1390620512853-01'))).toEqual({ destination: 'vtexAds', orderId: '1390620512853-01' })
    expect(deliveryOfLedgerPath('impact:SLR-1:2')).toEqual({ destination: 'impact', orderId: 'SLR-1:2' })
    expect(deliveryOfLedgerPath('garbage')).toBeUndefined()
    expect(deliveryOfLedgerPath('facebook:1-01')).toBeUndefined()
  })
})

describe('allOrderPages: every order the app has a state for', () => {
  it('walks the per-order records (claim files skipped), then the per-destination files of earlier versions', async () => {
    const buckets: Record<string, string[]> = {
      'ads-events-orders': ['1390620512853-01', '1390620512853-01~1764860000000~000000000042~abc0', '1390620512854-01'],
      'ads-events-deliveries': ['vtexAds%3A1390620512777-01', 'impact%3A1390620512777-01'],
    }
    const vbase = {
      listFiles: async (bucket: string, options: { limit: number; next?: string }) => {
        const start = Number(options.next ?? 0)
        const paths = buckets[bucket] ?? []
        const end = start + options.limit
        return { data: paths.slice(start, end).map((path) => ({ path, hash: 'h' })), next: end < paths.length ? String(end) : null }
      },
    }
    const list = allOrderPages(vbase as never)
    const seen: Array<{ orderId: string; destination?: string }> = []
    let next: string | undefined
    let pages = 0
    do {
      const page = await list(next, 2)
      seen.push(...page.orders)
      next = page.next
      pages++
    } while (next !== undefined && pages < 10)
    expect(seen).toEqual([
      { orderId: '1390620512853-01' },
      { orderId: '1390620512854-01' },
      { destination: 'vtexAds', orderId: '1390620512777-01' },
      { destination: 'impact', orderId: '1390620512777-01' },
    ])
    expect(pages).toBe(3)
  })
})
