/**
 * handler_overhead_ratio: what the real handler (orderStatusUpdated with the real IO clients)
 * costs to turn N broadcasts at C concurrent into delivered conversions against the sandbox
 * stand-ins, divided by what the same HTTP calls cost made bare with fetch (the claim's write and
 * listing beside the order's record, order read, the customer profile read a default hard-masked
 * store needs, conversion POST, the order's one record write, its index document write) against the same stand-ins at the same concurrency.
 * Stand-ins run in their own process. The figure is the median of paired rounds: each pair runs the
 * bare side and then the handler (rounds strictly alternate, so each follows one of the other
 * side), each round charged with collecting its own garbage; the pair's ratio is handler / bare in
 * CPU time of both processes (this one and the stand-ins'), and the median of the pairs' ratios is
 * reported with their spread. The same pairs' wall-time ratios are reported beside it: on a shared
 * machine a round's wall time is its CPU time over the share of the cores the neighbours leave,
 * which moves within seconds (bench/README.md has the runs that show it).
 */
import './env'
import { spawn } from 'child_process'
import { readFileSync } from 'fs'
import { join } from 'path'
import { setFlagsFromString } from 'v8'
import { runInNewContext } from 'vm'
import { SANDBOX_HOST_HEADER } from '../sandbox/lib/servers'
import { benchOrder } from './orders'
import { indexEntityName, INDEX_SCHEMA, INDEX_SCHEMA_NAME } from '../node/ledgerIndex/entity'
import { orderDocumentId, toOrderIndexDocument } from '../node/ledgerIndex/document'
import { ORDER_RECORDS_BUCKET } from '../node/deliveryStore/recordStore'
import type { OrderRecord } from '../node/deliveryStore/orderRecord'
import { median, percentile, timedPool } from './pool'

const ROOT = join(__dirname, '..')
const ACCOUNT = 'mystore'
const WORKSPACE = 'master'
const APP_ID = process.env.VTEX_APP_ID ?? 'adsevents.ads-events@0.1.0'
const PROFILE_ID = benchOrder(0).clientProfileData?.userProfileId

/** CPU time (user + system) a process has used, in ms, from /proc (Linux; clock ticks of 10 ms). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** A full garbage collection of this process (the flag set at run time, as `node --expose-gc` would). */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc')
})()

async function startStandIns(
  orders: number
): Promise<{ proxyPort: number; pid: number; collectGarbage: () => Promise<void>; stop: () => void }> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(ROOT, 'sandbox', 'standinsProcess.ts'), String(orders)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  })
  const proxyPort = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /STANDINS_READY (\d+)/.exec(chunk.toString())
      if (match) resolve(Number(match[1]))
    })
    child.once('exit', (code) => reject(new Error(`stand-ins exited with ${code}`)))
  })
  const collectStandInsGarbage = () =>
    new Promise<void>((resolve) => {
      child.once('message', () => resolve())
      child.send('gc')
    })
  return { proxyPort, pid: child.pid!, collectGarbage: collectStandInsGarbage, stop: () => child.kill('SIGTERM') }
}

type Spread = { min: number; p25: number; p75: number; max: number }

export interface HandlerOverhead {
  /** The figure: the median of the pairs' CPU-time ratios (handler / bare, both processes). */
  ratio: number
  /** Every pair's CPU-time ratio, in the order they ran. */
  ratios: number[]
  /** Their spread: lowest, quartiles, highest. */
  spread: Spread
  /** The same pairs in wall time (median, every pair, spread): it moves with the machine's load. */
  wallRatio: number
  wallRatios: number[]
  wallSpread: Spread
  /** Medians of each side's rounds, for orientation. */
  handlerMs: number
  bareMs: number
  handlerCpuMs: number
  bareCpuMs: number
  pairs: number
  broadcasts: number
  concurrency: number
}

/** Pairs measured when nobody says: with 15 pairs, two runs of one commit agree within ±0.05 (bench/README.md). */
export const DEFAULT_PAIRS = 15

export async function handlerOverheadRatio(
  options: { broadcasts?: number; concurrency?: number; pairs?: number } = {}
): Promise<HandlerOverhead> {
  const broadcasts = options.broadcasts ?? 1_000
  const concurrency = options.concurrency ?? 200
  const rounds = options.pairs ?? DEFAULT_PAIRS
  // Each handler round needs orders it has not converted yet (round 0 is the warm-up).
  const standIns = await startStandIns(broadcasts * (rounds + 1))
  try {
    const proxy = `http://127.0.0.1:${standIns.proxyPort}`
    Object.assign(process.env, { VTEX_APP_ID: APP_ID, http_proxy: proxy, https_proxy: proxy, HTTP_PROXY: proxy, HTTPS_PROXY: proxy })
    // Loaded after the proxy is set, as on IO where the environment exists before the app.
    const { Clients } = await import('../node/clients')
    const { clientsConfig } = await import('../node/clients/options')
    const { orderStatusUpdated } = await import('../node/events/orderStatusUpdated')
    const { vtexAdsDestination } = await import('../node/destinations/vtexAds')
    const { toConversion } = await import('../node/conversion/conversion')
    const { normalizeSettings } = await import('../node/settings/appSettings')

    const silent = { info() {}, warn() {}, error() {}, debug() {}, log() {} }
    const context = {
      account: ACCOUNT,
      workspace: WORKSPACE,
      authToken: 'bench-app-token',
      region: 'aws-us-east-1',
      production: false,
      product: '',
      platform: 'vtex',
      userAgent: 'ads-events-bench',
      requestId: 'bench',
      operationId: 'bench',
      route: { id: 'orderStatusUpdated', params: {}, type: 'event' as const },
      logger: silent,
      tracer: { isTraceSampled: false },
    }

    const handlerRound = (round: number) => {
      const orderIds = Array.from({ length: broadcasts }, (_, index) => benchOrder(round * broadcasts + index).orderId)
      return timedPool(orderIds, concurrency, async (orderId) => {
        // A new Clients per event, as the IO runtime builds them per request.
        const clients = new Clients(clientsConfig.options as never, context as never)
        await orderStatusUpdated({
          body: { orderId, currentState: 'order-created', domain: 'Marketplace' },
          clients,
          vtex: context,
        } as never)
      })
    }

    // The bare side sends the very bodies the app would send, built before the clock starts.
    const settings = normalizeSettings({ publisherId: 'sandbox-publisher', brand: 'My Store' })
    const bareBodies = new Map<string, string>()
    const bareRound = (round: number) => {
      const orderIds = Array.from({ length: broadcasts }, (_, index) => benchOrder(round * broadcasts + index).orderId)
      return timedPool(orderIds, concurrency, async (orderId) => {
        const body = bareBodies.get(orderId)!
        const call = (host: string, path: string, init: RequestInit = {}) =>
          fetch(`${proxy}${path}`, {
            ...init,
            headers: { ...(init.headers as Record<string, string>), [SANDBOX_HOST_HEADER]: host, 'proxy-authorization': 'bench-app-token' },
          })
        // The handler's calls for one order since one record per order: claim write and listing (the
        // claim file sits beside the record), OMS, CL, the POST, one record write, one index document.
        const records = `/vbase/v2/${ACCOUNT}/${WORKSPACE}/buckets/${APP_ID}/${ORDER_RECORDS_BUCKET}/files`
        const key = `bare-${orderId}`
        await (
          await call('infra.io.vtex.com', `${records}/${key}~${Date.now() + 45_000}~000000000000~bench`, {
            method: 'PUT',
            body: '{}',
            headers: { 'content-type': 'application/json' },
          })
        ).arrayBuffer()
        await (await call('infra.io.vtex.com', `${records}?prefix=${encodeURIComponent(key)}`)).json()
        await (await call('portal.vtexcommercestable.com.br', `/api/oms/pvt/orders/${orderId}?an=${ACCOUNT}`)).json()
        // OMS masks e-mails hard by default: the address comes from the customer's CL document.
        // REST-Range as @vtex/api's MasterData client sends it (Master Data's OpenAPI requires it on search).
        await (
          await call('api.vtex.com', `/api/dataentities/CL/search?an=${ACCOUNT}&_fields=email&_where=userId=${PROFILE_ID}`, {
            headers: { vtexidclientautcookie: 'bench-app-token', 'rest-range': 'resources=0-1' },
          })
        ).json()
        const sent = await call('events.newtail-media.newtail.com.br', '/v1/beacon/conversion', {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json' },
        })
        if (sent.status !== 202) throw new Error(`bare conversion answered ${sent.status}`)
        await sent.arrayBuffer()
        const record = sentRecord(key)
        await (
          await call('infra.io.vtex.com', `${records}/${key}`, {
            method: 'PUT',
            body: JSON.stringify(record),
            headers: { 'content-type': 'application/json' },
          })
        ).arrayBuffer()
        await (
          await call('api.vtex.com', `${indexPath}/documents/${orderDocumentId(key)}?an=${ACCOUNT}&_schema=${INDEX_SCHEMA_NAME}`, {
            method: 'PUT',
            body: JSON.stringify(toOrderIndexDocument(record)),
            headers: indexHeaders,
          })
        ).arrayBuffer()
      })
    }
    // The index schema exists before the bare side writes documents (the app creates it on its first write).
    const indexPath = `/api/dataentities/${indexEntityName(APP_ID)}`
    const indexHeaders = { 'content-type': 'application/json', vtexidclientautcookie: 'bench-app-token' }
    const sentRecord = (orderId: string): OrderRecord => {
      const at = new Date().toISOString()
      const identity = { sessionId: true, userId: true, impactClickId: false, oppref: false }
      return {
        orderId,
        updatedAt: at,
        deliveries: {
          vtexAds: { destination: 'vtexAds', orderId, status: 'sent', attempts: 1, identity, createdAt: at, updatedAt: at, sentAt: at },
        },
      }
    }
    await fetch(`${proxy}${indexPath}/schemas/${INDEX_SCHEMA_NAME}?an=${ACCOUNT}`, {
      method: 'PUT',
      body: JSON.stringify(INDEX_SCHEMA),
      headers: { ...indexHeaders, [SANDBOX_HOST_HEADER]: 'api.vtex.com', 'proxy-authorization': 'bench-app-token' },
    })
    for (let round = 0; round <= rounds; round++) {
      for (let index = 0; index < broadcasts; index++) {
        const order = benchOrder(round * broadcasts + index)
        const preparation = vtexAdsDestination.prepare(toConversion(order), settings, Date.now())
        if (preparation.kind === 'ready') bareBodies.set(order.orderId, preparation.request.body)
      }
    }

    /**
     * A round's wall time and the CPU time both processes (this one and the stand-ins') spent in it,
     * each side charged with collecting its own garbage: the round starts on clean heaps and ends
     * with a full collection of both, so neither side pays for the other's, whatever the order.
     */
    const measured = async (round: () => Promise<unknown>) => {
      collectGarbage()
      await standIns.collectGarbage()
      const ownBefore = process.cpuUsage()
      const standInsBefore = processCpuMs(standIns.pid)
      const started = process.hrtime.bigint()
      await round()
      collectGarbage()
      await standIns.collectGarbage()
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6
      const own = process.cpuUsage(ownBefore)
      return { wallMs, cpuMs: (own.user + own.system) / 1000 + processCpuMs(standIns.pid) - standInsBefore }
    }
    await bareRound(0)
    await handlerRound(0)
    const bare: Array<{ wallMs: number; cpuMs: number }> = []
    const handler: Array<{ wallMs: number; cpuMs: number }> = []
    for (let round = 1; round <= rounds; round++) {
      // Strictly alternating, so every round follows one of the other side (no side runs warm after itself).
      bare.push(await measured(() => bareRound(round)))
      handler.push(await measured(() => handlerRound(round)))
    }
    const ratios = handler.map((side, index) => round3(side.cpuMs / bare[index].cpuMs))
    const wallRatios = handler.map((side, index) => round3(side.wallMs / bare[index].wallMs))
    return {
      ratio: round3(median(ratios)),
      ratios,
      spread: spreadOf(ratios),
      wallRatio: round3(median(wallRatios)),
      wallRatios,
      wallSpread: spreadOf(wallRatios),
      handlerMs: Math.round(median(handler.map((side) => side.wallMs))),
      bareMs: Math.round(median(bare.map((side) => side.wallMs))),
      handlerCpuMs: Math.round(median(handler.map((side) => side.cpuMs))),
      bareCpuMs: Math.round(median(bare.map((side) => side.cpuMs))),
      pairs: rounds,
      broadcasts,
      concurrency,
    }
  } finally {
    standIns.stop()
  }
}

const round3 = (value: number) => Math.round(value * 1000) / 1000
const spreadOf = (values: number[]): Spread => ({
  min: Math.min(...values),
  p25: percentile(values, 25),
  p75: percentile(values, 75),
  max: Math.max(...values),
})

/** `npx tsx bench/handlerOverhead.ts [pairs] [broadcasts]`: this figure alone. */
if (require.main === module) {
  const [pairs, broadcasts] = process.argv.slice(2).map(Number)
  handlerOverheadRatio({ pairs: pairs || undefined, broadcasts: broadcasts || undefined }).then(
    (figure) => console.log(JSON.stringify(figure, null, 2)),
    (error) => {
      console.error(error)
      process.exit(1)
    }
  )
}
