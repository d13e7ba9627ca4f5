import { spawn, type ChildProcess } from 'child_process'
import { randomUUID } from 'crypto'
import { cpSync, mkdirSync, rmSync, readFileSync, writeFileSync } from 'fs'
import { build } from 'esbuild'
import { uploadedFiles } from './platform/vtexUpload'
import { join, resolve } from 'path'
import { request } from 'http'
import { routeRequest } from './platform/router'

export const SANDBOX_APP_ID = 'adsevents.ads-events@0.1.0'
const ROOT = resolve(__dirname, '..')
const GRAPHQL_PATH = '/_v/graphql'
const MAX_AGE_SECONDS: Record<string, number> = { SHORT: 120, MEDIUM: 3600, LONG: 86400 }

/** graphql/schema.graphql as @vtex/api's local runtime takes it: VTEX's graphql builder takes maxAge as SHORT/MEDIUM/LONG, the runtime's directive wants seconds. */
export const schemaForLocalRuntime = (): string =>
  readFileSync(join(ROOT, 'graphql', 'schema.graphql'), 'utf8').replace(/maxAge: (SHORT|MEDIUM|LONG)\b/g, (_, age: string) => `maxAge: ${MAX_AGE_SECONDS[age]}`)

/** Who sent an event (x-event-sender, x-event-key): orders-broadcast unless told otherwise. */
export interface EventOrigin {
  sender: string
  key: string
}

const ORDERS_BROADCAST: EventOrigin = { sender: 'vtex.orders-broadcast', key: 'order-status-updated' }

/** The child process: @vtex/api's own worker serving the compiled app, on 127.0.0.1 (cwd = the runtime tree). */
const LAUNCHER = `
const { startWorker } = require('@vtex/api/lib/service/worker')
const { getServiceJSON } = require('@vtex/api/lib/service/loaders')
const server = startWorker(getServiceJSON()).listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  console.log('SANDBOX_SERVICE_LISTENING ' + server.address().port)
})
`

/** The old-space size giving the heap limit Node derives in a container of `memoryMb` (heap_size_limit ≈ the memory). */
export const containerHeapMb = (memoryMb: number | undefined): number => Math.max(64, (memoryMb ?? 256) - 32)

/** node/ as the builder compiles it: every uploaded .ts file to CommonJS, module by module (no bundling). */
async function compileUploadedNode(outdir: string): Promise<void> {
  const sources = uploadedFiles('node').filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  await build({
    entryPoints: sources.map((file) => join(ROOT, file)),
    outbase: ROOT,
    outdir,
    bundle: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'silent',
  })
  for (const file of uploadedFiles('node').filter((file) => file.endsWith('.json'))) cpSync(join(ROOT, file), join(outdir, file))
}

export interface GraphqlCaller {
  cookies?: Record<string, string>
  headers?: Record<string, string>
}

export interface RunningService {
  port: number
  /** Delivers one broadcast the way the platform does; resolves with the HTTP status (204 ok, 500 handler threw). */
  sendEvent(body: unknown, handlerId?: string, origin?: EventOrigin): Promise<number>
  /**
   * Runs one GraphQL operation on the app's schema, as the store's GraphQL gateway does. `caller`
   * adds what the browser would carry: cookies (the admin's `VtexIdclientAutCookie`, a shopper's
   * `VtexIdclientAutCookie_<account>`) or headers.
   */
  graphql(query: string, variables?: Record<string, unknown>, caller?: GraphqlCaller): Promise<{ status: number; body: unknown }>
  /** Any bytes as a GraphQL request body, with any content type (e.g. a multipart upload). */
  graphqlRaw(payload: string | Buffer, contentType: string): Promise<{ status: number; body: unknown }>
  /** Any bytes as an event body, with any content type (the fault suite's malformed broadcasts). */
  sendRawEvent(payload: string | Buffer, contentType: string | undefined, handlerId?: string, origin?: EventOrigin): Promise<number>
  /** A public route of the app (service.json `routes`), as the platform's router forwards it; `principal`: the calling app or user (VRN). */
  callRoute(path: string, method?: string, headers?: Record<string, string>, principal?: string): Promise<{ status: number; body: unknown }>
  stop(): Promise<void>
  /** Kills the process at once (SIGKILL), as a crashed replica: nothing it was doing completes. */
  kill(): Promise<void>
  /** The process id (the fault suite reads its peak memory from /proc). */
  pid: number
  output: string[]
}

/**
 * @vtex/api loads the app from <cwd>/service/service.json and <cwd>/service/src/node/index: we lay
 * out that tree with node/ compiled to JavaScript, exactly the files `vtex link` uploads (as the
 * node builder compiles them; no TypeScript loader in the process, so its memory is the app's),
 * and start the real Service in a child process whose http_proxy/https_proxy point at the sandbox
 * proxy. The production code runs unchanged.
 */
export interface ServiceOptions {
  proxyPort: number
  account: string
  workspace: string
  port?: number
  runtimeDir?: string
  timeScale?: number
  /** The app's token the platform hands the Service (x-vtex-credential). */
  appToken?: string
  /**
   * Told of every GraphQL request before it is sent, with the operation id it carries
   * (x-vtex-operation-id, which @vtex/api's clients repeat on every call they make for it): the
   * sandbox knows that way which outbound calls belong to an admin's operation.
   */
  onGraphqlOperation?: (operationId: string, caller: GraphqlCaller) => void
}

export async function startService(options: ServiceOptions): Promise<RunningService> {
  const runtime = options.runtimeDir ?? join(ROOT, '.sandbox', `runtime-${process.pid}-${Date.now()}`)
  rmSync(runtime, { recursive: true, force: true })
  mkdirSync(join(runtime, 'service', 'src'), { recursive: true })
  // The graphql builder adds the app's schema and its private route on VTEX; the sandbox does the same.
  const serviceJson = JSON.parse(readFileSync(join(ROOT, 'node', 'service.json'), 'utf8'))
  serviceJson.routes = { ...serviceJson.routes, __graphql: { path: GRAPHQL_PATH } }
  writeFileSync(join(runtime, 'service', 'service.json'), JSON.stringify(serviceJson))
  writeFileSync(join(runtime, 'service', 'schema.graphql'), schemaForLocalRuntime())
  await compileUploadedNode(join(runtime, 'service', 'src'))
  writeFileSync(join(runtime, 'launch.js'), LAUNCHER)

  const port = options.port ?? 0
  const proxy = `http://127.0.0.1:${options.proxyPort}`
  const child: ChildProcess = spawn(process.execPath, [join(runtime, 'launch.js'), String(port)], {
    cwd: runtime,
    env: {
      ...process.env,
      VTEX_APP_ID: SANDBOX_APP_ID,
      VTEX_APP_VENDOR: 'adsevents',
      VTEX_APP_NAME: 'ads-events',
      VTEX_APP_VERSION: '0.1.0',
      VTEX_ACCOUNT: options.account,
      VTEX_WORKSPACE: options.workspace,
      VTEX_REGION: 'aws-us-east-1',
      VTEX_PRODUCTION: 'false',
      // The scheduled run's clock, sped up when the sandbox ticks faster than VTEX's 5-minute cron.
      ...(options.timeScale ? { ADS_EVENTS_TIME_SCALE: String(options.timeScale) } : {}),
      http_proxy: proxy,
      https_proxy: proxy,
      HTTP_PROXY: proxy,
      HTTPS_PROXY: proxy,
      NO_PROXY: '127.0.0.1,localhost',
      no_proxy: '127.0.0.1,localhost',
      NODE_ENV: 'production',
      // The heap Node sizes for a container of service.json's `memory` (nodejs/node#64646: in a 256 MB
      // container, heap_size_limit is about 262 MB on Node 20-26); on this host it would size it from
      // 24 GB and collect garbage far later than on VTEX.
      NODE_OPTIONS: `--max-old-space-size=${containerHeapMb(serviceJson.memory)}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  const listening = new Promise<number>((resolveListening, reject) => {
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        output.push(line)
        const match = /^SANDBOX_SERVICE_LISTENING (\d+)$/.exec(line.trim())
        if (match) resolveListening(Number(match[1]))
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`the Service exited (${code}) before listening:\n${output.slice(-20).join('\n')}`)))
  })
  const actualPort = await listening

  /** What the platform's router adds to every request it forwards to the app (master is a production workspace). */
  const platformHeaders = {
    'x-vtex-credential': options.appToken ?? 'sandbox-app-token',
    'x-vtex-account': options.account,
    'x-vtex-workspace': options.workspace,
    'x-vtex-workspace-is-production': 'true',
  }
  const call = (path: string, method: string, headers: Record<string, string | number>, payload: string | Buffer = '') =>
    new Promise<{ status: number; body: unknown }>((resolveAnswer, reject) => {
      const req = request(
        { host: '127.0.0.1', port: actualPort, method, path, headers: { ...platformHeaders, 'content-length': Buffer.byteLength(payload), ...headers } },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8')
            let body: unknown = text
            try {
              body = JSON.parse(text)
            } catch {
              // not JSON: returned as text
            }
            resolveAnswer({ status: res.statusCode ?? 0, body })
          })
        }
      )
      req.on('error', reject)
      req.end(payload)
    })

  const sendRawEvent = (payload: string | Buffer, contentType: string | undefined, handlerId = 'orderStatusUpdated', origin: EventOrigin = ORDERS_BROADCAST) =>
    call(`/${options.account}/${options.workspace}/_events`, 'POST', {
      ...(contentType ? { 'content-type': contentType } : {}),
      'x-event-handler-id': handlerId,
      'x-event-sender': origin.sender,
      'x-event-key': origin.key,
    }, payload).then((answer) => answer.status)

  const sendEvent = (body: unknown, handlerId?: string, origin?: EventOrigin) => sendRawEvent(JSON.stringify(body), 'application/json', handlerId, origin)

  const graphql = (query: string, variables: Record<string, unknown> = {}, caller: GraphqlCaller = {}) => {
    const cookie = Object.entries(caller.cookies ?? {})
      .map(([name, value]) => `${name}=${value}`)
      .join('; ')
    const operationId = `graphql-${randomUUID()}`
    options.onGraphqlOperation?.(operationId, caller)
    return call(
      `/${options.account}/${options.workspace}${GRAPHQL_PATH}`,
      'POST',
      { 'content-type': 'application/json', 'x-vtex-operation-id': operationId, ...(cookie ? { cookie } : {}), ...caller.headers },
      JSON.stringify({ query, variables })
    )
  }

  const graphqlRaw = (payload: string | Buffer, contentType: string) =>
    call(`/${options.account}/${options.workspace}${GRAPHQL_PATH}`, 'POST', { 'content-type': contentType }, payload)

  // Public routes: VTEX's router matches the path, enforces the route's policies, names the route.
  const callRoute = async (path: string, method = 'POST', headers: Record<string, string> = {}, principal?: string) => {
    const routing = routeRequest(serviceJson.routes ?? {}, method, path, principal)
    if ('status' in routing) return { status: routing.status, body: { message: routing.message } }
    return call(path, method, { ...headers, 'x-colossus-route-id': routing.routeId })
  }

  const stopWith = (signal: NodeJS.Signals) =>
    new Promise<void>((resolveStop) => {
      const cleanUp = () => {
        rmSync(runtime, { recursive: true, force: true })
        resolveStop()
      }
      if (child.exitCode !== null || child.signalCode !== null) return cleanUp()
      child.once('exit', cleanUp)
      child.kill(signal)
    })

  return {
    port: actualPort,
    sendEvent,
    sendRawEvent,
    graphql,
    graphqlRaw,
    callRoute,
    output,
    pid: child.pid ?? 0,
    stop: () => stopWith('SIGTERM'),
    kill: () => stopWith('SIGKILL'),
  }
}
