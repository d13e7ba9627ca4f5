/**
 * handler_overhead_ratio: wall time of the real handler (orderStatusUpdated with the real IO
 * clients) turning N broadcasts at C concurrent into delivered conversions against the sandbox
 * stand-ins, divided by the wall time of the same HTTP calls made bare with fetch (ledger read,
 * the cross-replica claim: write, list, ledger read again, order read, the customer profile read a
 * default hard-masked store needs, conversion POST, ledger write, the admin index's document write,
 * claim release) against the same stand-ins at the same concurrency.
 * Stand-ins run in their own process; rounds alternate bare/handler and the medians are compared,
 * so a noisy neighbour hits both sides alike.
 */
import { spawn } from 'child_process'
import { join } from 'path'
import { SANDBOX_HOST_HEADER } from '../sandbox/lib/servers'
import { benchOrder } from './orders'
import { indexEntityName, INDEX_SCHEMA, INDEX_SCHEMA_NAME } from '../node/ledgerIndex/entity'
import { median, timedPool } from './pool'

const ROOT = join(__dirname, '..')
const ACCOUNT = 'mystore'
const WORKSPACE = 'master'
const APP_ID = process.env.VTEX_APP_ID ?? 'adsevents.ads-events@0.1.0'
const PROFILE_ID = benchOrder(0).clientProfileData?.userProfileId

async function startStandIns(orders: number): Promise<{ proxyPort: number; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'sandbox', 'standinsProcess.ts'), String(orders)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  const proxyPort = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /STANDINS_READY (\d+)/.exec(chunk.toString())
      if (match) resolve(Number(match[1]))
    })
    child.once('exit', (code) => reject(new Error(`stand-ins exited with ${code}`)))
  })
  return { proxyPort, stop: () => child.kill('SIGTERM') }
}

export interface HandlerOverhead {
  ratio: number
  handlerMs: number
  bareMs: number
  broadcasts: number
  concurrency: number
}

export async function handlerOverheadRatio(options: { broadcasts?: number; concurrency?: number; rounds?: number } = {}): Promise<HandlerOverhead> {
  const broadcasts = options.broadcasts ?? 2_000
  const concurrency = options.concurrency ?? 200
  const rounds = options.rounds ?? 3
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
        await orderStatusUpdated({ body: { orderId, currentState: 'order-created', domain: 'Marketplace' }, clients, vtex: context } as never)
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
          fetch(`${proxy}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), [SANDBOX_HOST_HEADER]: host, 'proxy-authorization': 'bench-app-token' } })
        const ledgerPath = `/vbase/v2/${ACCOUNT}/${WORKSPACE}/buckets/${APP_ID}/ads-events-deliveries/files/${encodeURIComponent(`bare:${orderId}`)}`
        const claims = `/vbase/v2/${ACCOUNT}/${WORKSPACE}/buckets/${APP_ID}/ads-events-claims/files`
        const claimPath = `${claims}/bare-${orderId}~${Date.now() + 45_000}~000000000000~bench`
        await (await call('infra.io.vtex.com', ledgerPath)).arrayBuffer()
        await (await call('infra.io.vtex.com', claimPath, { method: 'PUT', body: '{}', headers: { 'content-type': 'application/json' } })).arrayBuffer()
        await (await call('infra.io.vtex.com', `${claims}?prefix=${encodeURIComponent(`bare-${orderId}~`)}`)).json()
        await (await call('infra.io.vtex.com', ledgerPath)).arrayBuffer()
        await (await call('portal.vtexcommercestable.com.br', `/api/oms/pvt/orders/${orderId}?an=${ACCOUNT}`)).json()
        // OMS masks e-mails hard by default: the address comes from the customer's CL document.
        // REST-Range as @vtex/api's MasterData client sends it (Master Data's OpenAPI requires it on search).
        await (await call('api.vtex.com', `/api/dataentities/CL/search?an=${ACCOUNT}&_fields=email&_where=userId=${PROFILE_ID}`, { headers: { vtexidclientautcookie: 'bench-app-token', 'rest-range': 'resources=0-1' } })).json()
        const sent = await call('events.newtail-media.newtail.com.br', '/v1/beacon/conversion', { method: 'POST', body, headers: { 'content-type': 'application/json' } })
        if (sent.status !== 202) throw new Error(`bare conversion answered ${sent.status}`)
        await sent.arrayBuffer()
        await (await call('infra.io.vtex.com', ledgerPath, { method: 'PUT', body: JSON.stringify({ status: 'sent', orderId }), headers: { 'content-type': 'application/json' } })).arrayBuffer()
        await (await call('api.vtex.com', `${indexPath}/documents/vtexAds-bare-${orderId}?an=${ACCOUNT}&_schema=${INDEX_SCHEMA_NAME}`, { method: 'PUT', body: indexBody(orderId), headers: indexHeaders })).arrayBuffer()
        await (await call('infra.io.vtex.com', claimPath, { method: 'DELETE' })).arrayBuffer()
      })
    }
    // The index schema exists before the bare side writes documents (the app creates it on its first write).
    const indexPath = `/api/dataentities/${indexEntityName(APP_ID)}`
    const indexHeaders = { 'content-type': 'application/json', vtexidclientautcookie: 'bench-app-token' }
    const indexBody = (orderId: string) =>
      JSON.stringify({ destination: 'vtexAds', orderId, status: 'sent', attempts: 1, mapped: true, hasSessionId: true, hasUserId: true, hasImpactClickId: false, hasOppref: false, canceled: false, updatedAtMs: Date.now(), statusAtMs: Date.now() })
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

    await bareRound(0)
    await handlerRound(0)
    const bare: number[] = []
    const handler: number[] = []
    for (let round = 1; round <= rounds; round++) {
      bare.push(await bareRound(round))
      handler.push(await handlerRound(round))
    }
    const handlerMs = median(handler)
    const bareMs = median(bare)
    return { ratio: Math.round((handlerMs / bareMs) * 1000) / 1000, handlerMs: Math.round(handlerMs), bareMs: Math.round(bareMs), broadcasts, concurrency }
  } finally {
    standIns.stop()
  }
}
