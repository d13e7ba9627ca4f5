import { readdirSync, readFileSync } from 'fs'
import { join } from 'path'
import type { Server } from 'http'
import type { VtexOrder } from '../node/typings/order'
import { close, createOriginServer, createProxyServer, listen } from './lib/servers'
import type { StandIn } from './lib/standIn'
import { SANDBOX_APP_ID, startService, type GraphqlCaller, type RunningService } from './service'
import { infraStandIn } from './standins/infra'
import { omsStandIn } from './standins/oms'
import { vtexAdsEventsStandIn } from './standins/vtexAdsEvents'
import { impactStandIn } from './standins/impact'
import { openaiStandIn } from './standins/openai'
import { getAdsStandIn } from './standins/getAds'
import { masterDataStandIn } from './standins/masterData'
import { masterDataV2StandIn } from './standins/masterDataV2/standIn'
import { schedulerStandIn } from './standins/scheduler'
import { runRegisteredSchedules, startScheduleClock, type ScheduledCall } from './platform/scheduleClock'
import { SCHEDULE_PERIOD_MS } from '../node/lib/timeScale'
import { grantKey, licenseManagerStandIn, vtexIdStandIn } from './standins/vtexId'
import { realAddressOf } from './platform/emailMasking'
import { requireCaller } from './platform/userAccess'
import type { ManifestPolicy } from './platform/policyCheck'
import { SandboxState, type CustomerProfile, type EmailMasking } from './state'

export const SANDBOX_ACCOUNT = 'mystore'
export const SANDBOX_WORKSPACE = 'master'
const ROOT = join(__dirname, '..')
const FIXTURES = join(ROOT, 'node', '__fixtures__')

/** The app's manifest.json: its policies are what the sandbox lets the Service call. */
export const loadManifest = (): { vendor: string; name: string; policies: ManifestPolicy[] } => JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'))

/**
 * VTEX ID logins the sandbox knows. The admin holds the License Manager resource the schema's
 * admin fields require (product 66 "VTEX IO", resource read-write-apps-settings, "Allow APP
 * configuration"); the shopper and the other account's admin do not.
 */
export const SANDBOX_LOGINS = {
  admin: { token: 'sandbox-admin-token', user: 'admin@mystore.example', account: SANDBOX_ACCOUNT },
  /** May open the app's admin page ("Allow APP configuration"), and nothing else: no orders, no checkout settings, no Master Data. */
  limitedAdmin: { token: 'sandbox-limited-admin-token', user: 'marketing@mystore.example', account: SANDBOX_ACCOUNT },
  shopper: { token: 'sandbox-shopper-token', user: 'ana.shopper@example.com', account: SANDBOX_ACCOUNT },
  otherAccountAdmin: { token: 'sandbox-other-account-token', user: 'admin@otherstore.example', account: 'otherstore' },
} as const
export const ADMIN_RESOURCE = { productCode: '66', resourceCode: 'read-write-apps-settings' } as const
/**
 * The sandbox admin's roles beyond the app's page: what the admin page's actions need on their own
 * token (VTEX's OpenAPI "Permissions" tables; see platform/userAccess.ts), as an "Owner" holds.
 */
export const ADMIN_ROLE_RESOURCES = [
  { product: 'OMS', resource: 'View order' },
  { product: 'OMS', resource: 'List Orders' },
  { product: 'Checkout', resource: 'Save OrderForm Configuration' },
  { product: 'Dynamic Storage', resource: 'Read only documents' },
] as const

/** The sandbox store's VTEX Ads publisher: two sites, so every conversion needs one of them as its brand. */
export const SANDBOX_PUBLISHERS: Record<string, { sites: string[] }> = { 'sandbox-publisher': { sites: ['My Store', 'My Store Outlet'] } }

export interface SandboxOptions {
  settings?: Record<string, unknown>
  /** Folders of OMS order JSON files served by the OMS stand-in. */
  orderDirs?: string[]
  /** Start the real Service (child process); off for tests that only need the stand-ins. */
  service?: boolean
  extraStandIns?: (state: SandboxState) => StandIn[]
  /** Shift fixture orders so the newest was placed an hour ago (default on; see rebaseOrderDates). */
  rebaseDates?: boolean
  /** OMS e-mail masking: hard, the real default (Conversation Tracker), or soft. */
  emailMasking?: EmailMasking
  /** The manifest policies the proxy enforces (default: manifest.json's). Tests drop one to see the 403. */
  policies?: ManifestPolicy[]
  /**
   * The scheduled run's clock. `tickEveryMs`: how often the scheduler stand-in makes the requests
   * the app registered (VTEX: every 5 minutes; without it they run only when `runSchedules()` is
   * called). `timeScale`: what the app's scheduled-run delays (later retries, reconciliation lag)
   * are multiplied by; default: the tick over 5 minutes, else 1.
   */
  schedule?: { tickEveryMs?: number; timeScale?: number }
  /** Replicas of the Service (service.json minReplicas is 2), sharing every stand-in: VBase, OMS… */
  replicas?: number
}

export interface Sandbox {
  state: SandboxState
  proxyPort: number
  eventsOrigin: string
  vtexAds: ReturnType<typeof vtexAdsEventsStandIn>
  impact: ReturnType<typeof impactStandIn>
  openai: ReturnType<typeof openaiStandIn>
  getAds: ReturnType<typeof getAdsStandIn>
  /** Master Data v2: the app's own entities (the admin's index of the ledger). */
  masterDataV2: ReturnType<typeof masterDataV2StandIn>
  service?: RunningService
  /** Every replica (the first is `service`). */
  services: RunningService[]
  /** Makes the registered schedules' requests now (the scheduled run), as the scheduler would at a tick. */
  runSchedules(): Promise<ScheduledCall[]>
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

/**
 * The customers' Master Data CL documents: the fixture answers, plus one per order whose stored
 * e-mail is readable (the checkout creates the buyer's CL profile with the real address).
 */
export function customerProfiles(orders: VtexOrder[]): CustomerProfile[] {
  const fromFixtures = readdirSync(join(FIXTURES, 'masterdata'))
    .filter((file) => /^CL-.+\.json$/.test(file))
    .flatMap((file) => JSON.parse(readFileSync(join(FIXTURES, 'masterdata', file), 'utf8')) as CustomerProfile[])
  const fromOrders = orders.flatMap((order) => {
    const userId = order.clientProfileData?.userProfileId
    const email = realAddressOf(order.clientProfileData?.email)
    return userId && email ? [{ userId, email }] : []
  })
  return [...fromOrders, ...fromFixtures]
}

/** Remembers GraphQL requests made with an admin's cookie (a known VTEX ID token), by operation id: see platform/userAccess.ts. */
const noteAdminOperation = (state: SandboxState) => (operationId: string, caller: GraphqlCaller) => {
  const token = caller.cookies?.VtexIdclientAutCookie
  if (token && state.vtexIdTokens.has(token)) state.adminOperations.add(operationId)
}

/** Stand-ins + proxy (+ the real Service): the local VTEX the app runs against. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const state = new SandboxState(options.settings ?? loadSandboxSettings())
  state.emailMasking = options.emailMasking ?? 'hard'
  const orders = loadOrders(options.orderDirs ?? [join(FIXTURES, 'orders')])
  for (const order of options.rebaseDates === false ? orders : rebaseOrderDates(orders, Date.now())) state.orders.set(order.orderId, order)
  for (const profile of customerProfiles(orders)) state.profiles.set(profile.userId, profile)
  for (const login of Object.values(SANDBOX_LOGINS)) state.vtexIdTokens.set(login.token, { user: login.user, account: login.account })
  for (const login of [SANDBOX_LOGINS.admin, SANDBOX_LOGINS.limitedAdmin]) state.grants.add(grantKey(login.user, ADMIN_RESOURCE.productCode, ADMIN_RESOURCE.resourceCode))
  for (const { product, resource } of ADMIN_ROLE_RESOURCES) state.grants.add(grantKey(SANDBOX_LOGINS.admin.user, product, resource))
  for (const [id, publisher] of Object.entries(SANDBOX_PUBLISHERS)) state.vtexAdsPublishers.set(id, publisher)
  // A test's own publisher id is a publisher VTEX Ads knows, with one site.
  const configured = state.settings.publisherId
  if (typeof configured === 'string' && !state.vtexAdsPublishers.has(configured)) state.vtexAdsPublishers.set(configured, { sites: [] })

  const vtexAds = vtexAdsEventsStandIn(state)
  const impact = impactStandIn(state)
  const openai = openaiStandIn({ state })
  // Event URLs point at the events origin, known once its server listens (below).
  const getAds = getAdsStandIn(state, () => eventsOrigin)
  const masterDataV2 = masterDataV2StandIn(SANDBOX_ACCOUNT, state)
  const manifest = loadManifest()
  const appName = `${manifest.vendor}.${manifest.name}`
  const standIns = [
    // OMS, the checkout configuration and the customers (CL) answer each caller by its own rights.
    requireCaller(omsStandIn(state, SANDBOX_ACCOUNT), state, SANDBOX_ACCOUNT),
    infraStandIn(state),
    vtexAds,
    impact,
    openai,
    getAds,
    // v2 first: it leaves the v1 entities (CL) to the v1 stand-in.
    masterDataV2,
    requireCaller(masterDataStandIn(state, SANDBOX_ACCOUNT), state, SANDBOX_ACCOUNT),
    vtexIdStandIn(state),
    licenseManagerStandIn(state, SANDBOX_ACCOUNT),
    schedulerStandIn(state, SANDBOX_ACCOUNT, appName),
    ...(options.extraStandIns?.(state) ?? []),
  ]
  const servers: Server[] = []

  const app = { appName, account: SANDBOX_ACCOUNT, policies: options.policies ?? manifest.policies }
  const proxy = createProxyServer(standIns, state, app)
  servers.push(proxy)
  const proxyPort = await listen(proxy)

  const allowedOrigins: string[] = []
  const eventsServer = createOriginServer(vtexAds, state, () => allowedOrigins)
  servers.push(eventsServer)
  // localhost vs 127.0.0.1: a different origin from the page, as the real events API is.
  const eventsOrigin = `http://localhost:${await listen(eventsServer)}`

  const tickEveryMs = options.schedule?.tickEveryMs
  const timeScale = options.schedule?.timeScale ?? (tickEveryMs ? tickEveryMs / SCHEDULE_PERIOD_MS : undefined)
  const services =
    options.service === false
      ? []
      : await Promise.all(
          Array.from({ length: options.replicas ?? 1 }, () =>
            startService({ proxyPort, account: SANDBOX_ACCOUNT, workspace: SANDBOX_WORKSPACE, timeScale, appToken: state.appToken, onGraphqlOperation: noteAdminOperation(state) })
          )
        )
  const service = services[0] as RunningService | undefined
  // Installing the app: the platform sends the apps `setup` event, as on `vtex install`.
  await service?.sendEvent({ to: { id: SANDBOX_APP_ID } }, 'appSetup', { sender: 'apps', key: 'setup' })
  const stopClock = service && tickEveryMs ? startScheduleClock(state, service, tickEveryMs) : undefined

  return {
    state,
    proxyPort,
    eventsOrigin,
    vtexAds,
    impact,
    openai,
    getAds,
    masterDataV2,
    service,
    services,
    runSchedules: () => (service ? runRegisteredSchedules(state, service) : Promise.resolve([])),
    allowedOrigins,
    async stop() {
      stopClock?.()
      await Promise.all(services.map((replica) => replica.stop()))
      await Promise.all(servers.map(close))
    },
  }
}
