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
}

export interface Sandbox {
  state: SandboxState
  proxyPort: number
  eventsOrigin: string
  vtexAds: ReturnType<typeof vtexAdsEventsStandIn>
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

/** Stand-ins + proxy (+ the real Service): the local VTEX the app runs against. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const state = new SandboxState(options.settings ?? loadSandboxSettings())
  for (const order of loadOrders(options.orderDirs ?? [join(ROOT, 'test', 'fixtures', 'orders')])) state.orders.set(order.orderId, order)

  const vtexAds = vtexAdsEventsStandIn(state)
  const standIns = [omsStandIn(state, SANDBOX_ACCOUNT), infraStandIn(state), vtexAds, ...(options.extraStandIns?.(state) ?? [])]
  const servers: Server[] = []

  const proxy = createProxyServer(standIns, state)
  servers.push(proxy)
  const proxyPort = await listen(proxy)

  const allowedOrigins: string[] = []
  const eventsServer = createOriginServer(vtexAds, state, () => allowedOrigins)
  servers.push(eventsServer)
  // localhost vs 127.0.0.1: a different origin from the page, as the real events API is.
  const eventsOrigin = `http://localhost:${await listen(eventsServer)}`

  const service = options.service === false ? undefined : await startService({ proxyPort, account: SANDBOX_ACCOUNT, workspace: SANDBOX_WORKSPACE })

  return {
    state,
    proxyPort,
    eventsOrigin,
    vtexAds,
    service,
    allowedOrigins,
    async stop() {
      await service?.stop()
      await Promise.all(servers.map(close))
    },
  }
}
