import { readdirSync, readFileSync } from 'fs'
import { join } from 'path'
import type { Server } from 'http'
import type { VtexOrder } from '../node/typings/order'
import { close, createOriginServer, createProxyServer, listen } from './lib/servers'
import type { StandIn } from './lib/standIn'
import { startService, type RunningService } from './service'
import { infraStandIn } from './standins/infra'
import { omsStandIn } from './standins/oms'
import { vtexAdsEventsStandIn } from './standins/vtexAdsEvents'
import { impactStandIn } from './standins/impact'
import { openaiStandIn } from './standins/openai'
import { getAdsStandIn } from './standins/getAds'
import { SandboxState } from './state'

export const SANDBOX_ACCOUNT = 'mystore'
export const SANDBOX_WORKSPACE = 'master'
const ROOT = join(__dirname, '..')

export interface SandboxOptions {
  settings?: Record<string, unknown>
  /** Folders of OMS order JSON files served by the OMS stand-in. */
  orderDirs?: string[]
  /** Start the real Service (child process); off for tests that only need the stand-ins. */
  service?: boolean
  extraStandIns?: (state: SandboxState) => StandIn[]
  /** Shift fixture orders so the newest was placed an hour ago (default on; see rebaseOrderDates). */
  rebaseDates?: boolean
}

export interface Sandbox {
  state: SandboxState
  proxyPort: number
  eventsOrigin: string
  vtexAds: ReturnType<typeof vtexAdsEventsStandIn>
  impact: ReturnType<typeof impactStandIn>
  openai: ReturnType<typeof openaiStandIn>
  getAds: ReturnType<typeof getAdsStandIn>
  service?: RunningService
  /** Origins allowed to send beacons to the events origin (the demo page adds its own). */
  allowedOrigins: string[]
  stop(): Promise<void>
}

export const loadSandboxSettings = (): Record<string, unknown> => JSON.parse(readFileSync(join(__dirname, 'settings.json'), 'utf8'))

export function loadOrders(dirs: string[]): VtexOrder[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as VtexOrder)
  )
}

/**
 * Fixture orders carry fixed dates; OpenAI refuses events older than 7 days. The sandbox is a demo
 * of today's flow, so it moves every order by the same amount (order between them kept) until the
 * newest is an hour old. Tests of the time rules use injected clocks instead.
 */
export function rebaseOrderDates(orders: VtexOrder[], nowMs: number): VtexOrder[] {
  const dates = orders.map((order) => Date.parse(order.creationDate)).filter((ms) => !Number.isNaN(ms))
  if (dates.length === 0) return orders
  const shift = nowMs - 3_600_000 - Math.max(...dates)
  return orders.map((order) => {
    const created = Date.parse(order.creationDate)
    return Number.isNaN(created) ? order : { ...order, creationDate: new Date(created + shift).toISOString() }
  })
}

/** Stand-ins + proxy (+ the real Service): the local VTEX the app runs against. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const state = new SandboxState(options.settings ?? loadSandboxSettings())
  const orders = loadOrders(options.orderDirs ?? [join(ROOT, 'node', '__fixtures__', 'orders')])
  for (const order of options.rebaseDates === false ? orders : rebaseOrderDates(orders, Date.now())) state.orders.set(order.orderId, order)

  const vtexAds = vtexAdsEventsStandIn(state)
  const impact = impactStandIn(state)
  const openai = openaiStandIn({ state })
  // Event URLs point at the events origin, known once its server listens (below).
  const getAds = getAdsStandIn(state, () => eventsOrigin)
  const standIns = [
    omsStandIn(state, SANDBOX_ACCOUNT),
    infraStandIn(state),
    vtexAds,
    impact,
    openai,
    getAds,
    ...(options.extraStandIns?.(state) ?? []),
  ]
  const servers: Server[] = []

  const proxy = createProxyServer(standIns, state)
  servers.push(proxy)
  const proxyPort = await listen(proxy)

  const allowedOrigins: string[] = []
  const eventsServer = createOriginServer(vtexAds, state, () => allowedOrigins)
  servers.push(eventsServer)
  // localhost vs 127.0.0.1: a different origin from the page, as the real events API is.
  const eventsOrigin = `http://localhost:${await listen(eventsServer)}`

  const service =
    options.service === false ? undefined : await startService({ proxyPort, account: SANDBOX_ACCOUNT, workspace: SANDBOX_WORKSPACE })

  return {
    state,
    proxyPort,
    eventsOrigin,
    vtexAds,
    impact,
    openai,
    getAds,
    service,
    allowedOrigins,
    async stop() {
      await service?.stop()
      await Promise.all(servers.map(close))
    },
  }
}
