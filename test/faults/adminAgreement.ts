import { SANDBOX_LOGINS, type Sandbox } from '../../sandbox/sandbox'

/**
 * Does the admin page tell the truth after an outage? Every figure the admin's GraphQL answers
 * from its index (Health, the deliveries list and its filters, the two trends) is compared with
 * what the app's own per-order query, adsEventsDeliveryStatus, answers from the ledger. Both are
 * read through the real Service over HTTP, @auth included, so the check holds whatever the
 * ledger's and the index's storage layout (one file or document per destination, or per order).
 */
const DESTINATIONS = ['vtexAds', 'impact', 'openai'] as const
const COUNTED = ['sent', 'skipped', 'dead', 'failed'] as const
const PAGE_SIZE = 100
const CONCURRENCY = 8

interface LedgerRow {
  destination: string
  orderId: string
  status: string
  attempts: number
  updatedAt: string
  sentAt?: string | null
}

type Answer<T> = { data?: T; errors?: Array<{ message: string }> }

async function admin<T>(sandbox: Sandbox, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { status, body } = await sandbox.service!.graphql(query, variables, { cookies: { VtexIdclientAutCookie: SANDBOX_LOGINS.admin.token } })
  const answer = body as Answer<T>
  if (status !== 200 || answer.errors?.length || !answer.data) throw new Error(`admin query answered ${status}: ${answer.errors?.map((error) => error.message).join('; ') ?? 'no data'}`)
  return answer.data
}

const STATUS = `query($orderId: String!) { adsEventsDeliveryStatus(orderId: $orderId) { destination orderId status attempts updatedAt sentAt } }`
const DELIVERIES = `query($filter: AdsEventsDeliveryFilter, $page: Int, $pageSize: Int) {
  adsEventsDeliveries(filter: $filter, page: $page, pageSize: $pageSize) { total items { destination orderId status attempts updatedAt sentAt } } }`
const HEALTH = `query { adsEventsHealth { destinations { destination lastSuccessAt alert failuresLastHour sentLastHour
  last24h { sent skipped dead failed } last7d { sent skipped dead failed } } } }`
const DELIVERY_TREND = `query($destination: String) { adsEventsDeliveryTrend(destination: $destination, window: LAST_24_HOURS) { buckets { sent skipped dead failed } } }`
const COVERAGE_TREND = `query($destination: String) { adsEventsCoverageTrend(destination: $destination, window: LAST_24_HOURS) { buckets { converted } } }`

type Page = { adsEventsDeliveries: { total: number; items: LedgerRow[] } }

async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++
        results[index] = await work(items[index])
      }
    })
  )
  return results
}

/** Every row of the admin's deliveries list (the index), page by page. */
async function indexRows(sandbox: Sandbox): Promise<LedgerRow[]> {
  const rows: LedgerRow[] = []
  for (let page = 1; ; page++) {
    const { adsEventsDeliveries } = await admin<Page>(sandbox, DELIVERIES, { page, pageSize: PAGE_SIZE })
    rows.push(...adsEventsDeliveries.items)
    if (adsEventsDeliveries.items.length < PAGE_SIZE || rows.length >= adsEventsDeliveries.total) return rows
  }
}

const keyOf = (row: Pick<LedgerRow, 'destination' | 'orderId'>) => `${row.destination}:${row.orderId}`
const countBy = (rows: LedgerRow[], status: string) => rows.filter((row) => row.status === status).length
const statusAt = (row: LedgerRow) => Date.parse(row.status === 'sent' && row.sentAt ? row.sentAt : row.updatedAt)

export interface Agreement {
  /** What the admin answers that the ledger does not say; empty when they agree. */
  mismatches: string[]
  /** Ledger records read, per status (all destinations). */
  ledger: Record<string, number>
}

/**
 * Compares the admin's figures with the ledger of `orderIds` (plus any order the index lists).
 * Assumes every delivery reached its status within the last hour, as in a fault scenario.
 */
export async function adminAgreesWithLedger(sandbox: Sandbox, orderIds: string[]): Promise<Agreement> {
  const mismatches: string[] = []
  const listed = await indexRows(sandbox)
  const orders = [...new Set([...orderIds, ...listed.map((row) => row.orderId)])]
  const ledger = (await mapLimited(orders, CONCURRENCY, (orderId) => admin<{ adsEventsDeliveryStatus: LedgerRow[] }>(sandbox, STATUS, { orderId }))).flatMap(
    (data) => data.adsEventsDeliveryStatus
  )
  const byKey = new Map(ledger.map((row) => [keyOf(row), row]))
  const listedByKey = new Map(listed.map((row) => [keyOf(row), row]))
  const differences: string[] = []
  for (const [key, row] of byKey) {
    const shown = listedByKey.get(key)
    if (!shown) differences.push(`${key} missing from the list (ledger: ${row.status})`)
    else if (shown.status !== row.status || shown.attempts !== row.attempts) differences.push(`${key} listed ${shown.status}/${shown.attempts}, ledger ${row.status}/${row.attempts}`)
  }
  for (const key of listedByKey.keys()) if (!byKey.has(key)) differences.push(`${key} listed, not in the ledger`)
  if (differences.length) mismatches.push(`deliveries list ≠ ledger (${differences.length}): ${differences.slice(0, 5).join('; ')}`)

  const { adsEventsHealth } = await admin<{ adsEventsHealth: { destinations: Array<Record<string, unknown> & { destination: string; last24h: Record<string, number>; last7d: Record<string, number> }> } }>(sandbox, HEALTH)
  const hourAgo = Date.now() - 3_600_000
  for (const destination of DESTINATIONS) {
    const mine = ledger.filter((row) => row.destination === destination)
    const expected = Object.fromEntries(COUNTED.map((status) => [status, countBy(mine, status)]))
    const health = adsEventsHealth.destinations.find((entry) => entry.destination === destination)
    const sentTimes = mine.filter((row) => row.status === 'sent').map(statusAt)
    const lastHour = mine.filter((row) => statusAt(row) > hourAgo)
    const failuresLastHour = countBy(lastHour, 'failed') + countBy(lastHour, 'dead')
    const sentLastHour = countBy(lastHour, 'sent')
    const want = {
      last24h: expected,
      last7d: expected,
      lastSuccessAt: sentTimes.length ? new Date(Math.max(...sentTimes)).toISOString() : null,
      failuresLastHour,
      sentLastHour,
      alert: failuresLastHour > 0 && sentLastHour === 0,
    }
    const got = health && { last24h: health.last24h, last7d: health.last7d, lastSuccessAt: health.lastSuccessAt, failuresLastHour: health.failuresLastHour, sentLastHour: health.sentLastHour, alert: health.alert }
    if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${destination} health ${JSON.stringify(got)} ≠ ledger ${JSON.stringify(want)}`)

    for (const status of COUNTED) {
      const { adsEventsDeliveries } = await admin<Page>(sandbox, DELIVERIES, { filter: { destination, status }, page: 1, pageSize: 1 })
      if (adsEventsDeliveries.total !== expected[status]) mismatches.push(`${destination} list filtered ${status}: total ${adsEventsDeliveries.total} ≠ ledger ${expected[status]}`)
    }

    const { adsEventsDeliveryTrend } = await admin<{ adsEventsDeliveryTrend: { buckets: Array<Record<string, number>> } }>(sandbox, DELIVERY_TREND, { destination })
    const trend = Object.fromEntries(COUNTED.map((status) => [status, adsEventsDeliveryTrend.buckets.reduce((sum, bucket) => sum + bucket[status], 0)]))
    if (JSON.stringify(trend) !== JSON.stringify(expected)) mismatches.push(`${destination} delivery trend ${JSON.stringify(trend)} ≠ ledger ${JSON.stringify(expected)}`)

    // Every record the pipeline writes carries the order's identity flags (mapped), whatever its status.
    const { adsEventsCoverageTrend } = await admin<{ adsEventsCoverageTrend: { buckets: Array<{ converted: number }> } }>(sandbox, COVERAGE_TREND, { destination })
    const converted = adsEventsCoverageTrend.buckets.reduce((sum, bucket) => sum + bucket.converted, 0)
    if (converted !== mine.length) mismatches.push(`${destination} coverage trend: ${converted} converted ≠ ledger ${mine.length} records`)
  }
  return { mismatches, ledger: Object.fromEntries(['pending', ...COUNTED].map((status) => [status, countBy(ledger, status)])) }
}

/**
 * Polls until the admin agrees with the ledger (the index repaired by the scheduled run's upkeep)
 * or `timeoutMs` passed; the last comparison either way.
 */
export async function awaitAgreement(sandbox: Sandbox, orderIds: string[], timeoutMs: number, everyMs: number): Promise<Agreement & { seconds: number }> {
  const started = Date.now()
  for (;;) {
    const agreement = await adminAgreesWithLedger(sandbox, orderIds)
    if (agreement.mismatches.length === 0 || Date.now() - started > timeoutMs) return { ...agreement, seconds: Math.round((Date.now() - started) / 100) / 10 }
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}
