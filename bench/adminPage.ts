/**
 * admin_page_ms_1m_records: the admin page's queries (health counts, the dead-letter list, the
 * newest deliveries, and the charts: deliveries per hour over 24 h and per day over 7 and 30 days,
 * identity coverage per day over 7 and 30 days), each sent as the admin page sends it (its .gql,
 * the admin's cookie) to the real Service over HTTP, against a sandbox store whose ledger index
 * holds 1,000,000 records. The Service and the stand-ins each run in their own process; @auth's VTEX ID
 * and License Manager calls are part of every query, as on VTEX.
 */
import './env'
import { spawn } from 'child_process'
import { readFileSync } from 'fs'
import { join } from 'path'
import { startService } from '../sandbox/service'
import { SANDBOX_ACCOUNT, SANDBOX_LOGINS, SANDBOX_WORKSPACE } from '../sandbox/sandbox'
import { routeToProvider } from '../sandbox/admin/graphqlGateway'
import { median, percentile } from './pool'

const ROOT = join(__dirname, '..')
const gql = (file: string) => {
  const routed = routeToProvider(readFileSync(join(ROOT, 'react', 'admin', 'graphql', file), 'utf8'), 'adsevents.ads-events')
  if (!routed.ok) throw new Error(routed.message)
  return routed.query
}

async function startAdminStandIns(records: number): Promise<{ proxyPort: number; seedMs: number; stop: () => void }> {
  const child = spawn(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', join(__dirname, 'adminStandIns.ts'), String(records)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  const ready = await new Promise<[number, number]>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /ADMIN_STANDINS_READY (\d+) (\d+)/.exec(chunk.toString())
      if (match) resolve([Number(match[1]), Number(match[2])])
    })
    child.once('exit', (code) => reject(new Error(`admin stand-ins exited with ${code}`)))
  })
  return { proxyPort: ready[0], seedMs: ready[1], stop: () => child.kill('SIGTERM') }
}

export interface QueryTiming {
  p50: number
  p95: number
}

export const ADMIN_QUERIES = ['health', 'deadLetters', 'newest', 'trend24h', 'trend7d', 'trend30d', 'coverage7d', 'coverage30d'] as const
export type AdminQuery = (typeof ADMIN_QUERIES)[number]

export interface AdminPageFigures {
  /** The slowest of the queries' medians. */
  ms: number
  records: number
  runs: number
  seedMs: number
  queries: Record<AdminQuery, QueryTiming>
  /** What the queries answered (a sanity check that they ran on the full store). */
  totals: { deliveries: number; deadLetters: number; sent24h: number; sent30dChart: number; converted30dChart: number }
}

const round = (ms: number) => Math.round(ms * 10) / 10

export async function adminPageMs1mRecords(options: { records?: number; runs?: number } = {}): Promise<AdminPageFigures> {
  const records = options.records ?? 1_000_000
  const runs = options.runs ?? 15
  const standIns = await startAdminStandIns(records)
  const service = await startService({ proxyPort: standIns.proxyPort, account: SANDBOX_ACCOUNT, workspace: SANDBOX_WORKSPACE })
  try {
    const admin = { cookies: { VtexIdclientAutCookie: SANDBOX_LOGINS.admin.token } }
    const run = async (query: string, variables: Record<string, unknown>) => {
      const started = process.hrtime.bigint()
      const answer = await service.graphql(query, variables, admin)
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const body = answer.body as { data?: Record<string, unknown>; errors?: unknown[] }
      if (answer.status !== 200 || body.errors) throw new Error(`admin query failed: ${JSON.stringify(body).slice(0, 300)}`)
      return { ms, data: body.data! }
    }
    const deliveries = gql('deliveries.gql')
    const trend = gql('deliveryTrend.gql')
    const coverage = gql('coverageTrend.gql')
    // The charts as an admin in São Paulo asks for them (days start at 03:00 UTC).
    const chart = (window: string) => ({ destination: 'vtexAds', window, utcOffsetMinutes: -180 })
    const queries: Record<AdminQuery, () => ReturnType<typeof run>> = {
      health: () => run(gql('health.gql'), {}),
      deadLetters: () => run(deliveries, { filter: { status: 'dead' }, page: 1, pageSize: 20 }),
      newest: () => run(deliveries, { page: 1, pageSize: 20 }),
      trend24h: () => run(trend, chart('LAST_24_HOURS')),
      trend7d: () => run(trend, chart('LAST_7_DAYS')),
      trend30d: () => run(trend, chart('LAST_30_DAYS')),
      coverage7d: () => run(coverage, chart('LAST_7_DAYS')),
      coverage30d: () => run(coverage, chart('LAST_30_DAYS')),
    }
    const timings = Object.fromEntries(ADMIN_QUERIES.map((name) => [name, [] as number[]])) as Record<AdminQuery, number[]>
    const last: Record<string, Record<string, unknown>> = {}
    // Warm-up (the first call also creates nothing: the schema is there), then rounds alternating the queries.
    for (let i = 0; i < 3; i++) for (const query of Object.values(queries)) await query()
    for (let i = 0; i < runs; i++)
      for (const name of ADMIN_QUERIES) {
        const { ms, data } = await queries[name]()
        timings[name].push(ms)
        last[name] = data
      }
    const figures = Object.fromEntries(Object.entries(timings).map(([name, values]) => [name, { p50: round(median(values)), p95: round(percentile(values, 95)) }])) as AdminPageFigures['queries']
    const health = last.health.adsEventsHealth as { destinations: Array<{ last24h: { sent: number } }> }
    const sumOf = (answer: unknown, field: string) => (answer as { buckets: Array<Record<string, number>> }).buckets.reduce((sum, bucket) => sum + bucket[field], 0)
    return {
      ms: Math.max(...Object.values(figures).map((timing) => timing.p50)),
      records,
      runs,
      seedMs: standIns.seedMs,
      queries: figures,
      totals: {
        deliveries: (last.newest.adsEventsDeliveries as { total: number }).total,
        deadLetters: (last.deadLetters.adsEventsDeliveries as { total: number }).total,
        sent24h: health.destinations.reduce((sum, entry) => sum + entry.last24h.sent, 0),
        sent30dChart: sumOf(last.trend30d.adsEventsDeliveryTrend, 'sent'),
        converted30dChart: sumOf(last.coverage30d.adsEventsCoverageTrend, 'converted'),
      },
    }
  } finally {
    await service.stop()
    standIns.stop()
  }
}

/** `npx tsx bench/adminPage.ts [records]`: this figure alone. */
if (require.main === module) {
  adminPageMs1mRecords({ records: Number(process.argv[2] ?? 1_000_000) }).then((figures) => console.log(JSON.stringify(figures, null, 2)), (error) => {
    console.error(error)
    process.exit(1)
  })
}
