import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http'
import type { AddressInfo } from 'net'
import type { SandboxState } from '../state'
import { checkPolicies, type AppUnderTest } from '../platform/policyCheck'
import { openContractExchange, type ContractExchange } from '../platform/contractGate'
import { json, readBody, writeReply, type StandIn, type StandInReply, type StandInRequest } from './standIn'

/** Several stand-ins may share a host (OMS and License Manager on {account}.vtexcommercestable.com.br): the first that answers wins. */
async function dispatch(standIns: StandIn[], request: StandInRequest, state: SandboxState): Promise<StandInReply> {
  if (standIns.length === 0) return json(502, { message: `sandbox: no stand-in for host ${request.url.host}; nothing leaves this machine` })
  let reply: StandInReply | undefined
  let standIn = standIns[0]
  try {
    for (const candidate of standIns) {
      reply = await candidate.handle(request)
      if (reply) {
        standIn = candidate
        break
      }
    }
    reply = reply ?? json(404, { message: `sandbox ${standIn.name}: no route for ${request.method} ${request.url.pathname}` })
  } catch (error) {
    reply = json(500, { message: `sandbox ${standIn.name} crashed: ${(error as Error).message}` })
  }
  state.record({
    at: Date.now(),
    standIn: standIn.name,
    method: request.method,
    url: request.url.toString(),
    status: reply.status,
    summary: standIn.describe?.(request, reply) ?? `${request.method} ${request.url.pathname} → ${reply.status}`,
    operationId: operationIdOf(request),
  })
  return reply
}

const operationIdOf = ({ headers }: StandInRequest): string | undefined => {
  const value = headers['x-vtex-operation-id']
  return typeof value === 'string' ? value : undefined
}

/** VTEX's refusal of a request its published schema does not accept, logged like every other answer. */
function refusedByContract(state: SandboxState, { method, url }: StandInRequest, contract: ContractExchange, refusal: StandInReply): StandInReply {
  state.record({ at: Date.now(), standIn: 'contract', method, url: url.toString(), status: refusal.status, summary: `REFUSED ${method} ${url.host}${url.pathname}: breaks ${contract.operation}` })
  return refusal
}

/** Header naming the stand-in host for a direct (non-proxy) request, e.g. the bench's bare fetch calls. */
export const SANDBOX_HOST_HEADER = 'x-sandbox-host'

/**
 * The one forward proxy the real clients talk to (http_proxy/https_proxy): requests arrive with an
 * absolute URL and are routed by host to a stand-in. Unknown hosts get 502: nothing leaves.
 * Every request of the app passes the platform's policy check first (platform/policyCheck.ts):
 * a call its manifest does not allow gets the 403 a real account gives, and is recorded.
 * A direct request may name its stand-in host in x-sandbox-host instead (fetch has no proxy):
 * that is the bench's bare client, not the app, so no policy applies to it.
 * Then every call to a VTEX API a vendored OpenAPI file describes is checked against it
 * (platform/contractGate.ts), the bench's too (both sides of a comparison pay the same): a request
 * the schema refuses gets VTEX's error answer, and the stand-in's answer is checked for drift.
 */
export function createProxyServer(standIns: StandIn[], state: SandboxState, app?: AppUnderTest): Server {
  const byHost = new Map<string, StandIn[]>()
  for (const standIn of standIns) for (const host of standIn.hosts) byHost.set(host, [...(byHost.get(host) ?? []), standIn])
  return createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req)
    const direct = req.headers[SANDBOX_HOST_HEADER]
    if (!/^https?:\/\//.test(req.url ?? '') && typeof direct !== 'string') return writeReply(res, json(400, { message: 'sandbox proxy: absolute URL expected' }))
    const url = new URL(req.url!, `http://${direct}`)
    const method = req.method ?? 'GET'
    if (app && typeof direct !== 'string') {
      const decision = checkPolicies({ method, url }, app)
      if (!decision.allowed) {
        state.policyViolations.push({ at: Date.now(), method, url: url.toString(), reason: decision.reason })
        state.record({ at: Date.now(), standIn: 'policy', method, url: url.toString(), status: 403, summary: `REFUSED ${method} ${url.host}${url.pathname}: ${decision.reason}` })
        return writeReply(res, json(403, { code: 'Forbidden', message: `Access denied: ${decision.reason}` }))
      }
    }
    const standIns = byHost.get(url.hostname) ?? []
    const request = { method, url, headers: req.headers, body }
    const contract = openContractExchange(state, request)
    if (contract?.refusal) return writeReply(res, refusedByContract(state, request, contract, contract.refusal))
    const fault = standIns.length > 0 && typeof direct !== 'string' ? state.faults.take(standIns.map((standIn) => standIn.name), url.pathname) : undefined
    if (fault?.kind === 'hang') return // the socket stays open until the caller gives up or the server closes
    if (fault?.kind === 'reset') return req.socket.destroy()
    if (fault?.kind === 'answer') return writeReply(res, { status: fault.status, headers: { 'content-type': fault.contentType }, body: fault.body })
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms))
    const reply = await dispatch(standIns, request, state)
    contract?.answered(reply)
    if (fault?.kind === 'lost-answer') {
      state.faults.lostAnswers.push(body.toString('utf8'))
      return req.socket.destroy()
    }
    writeReply(res, reply)
  })
}

/**
 * A stand-in served as an origin of its own, for the browser (beacons go straight to the events
 * API, cross-origin). Beacons carry cookies, so CORS must name the page's origin with credentials.
 */
export function createOriginServer(standIn: StandIn, state: SandboxState, allowedOrigins: () => string[]): Server {
  return createServer(async (req, res) => {
    const origin = req.headers.origin
    const cors: Record<string, string> =
      origin && allowedOrigins().includes(origin)
        ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'POST', vary: 'Origin' }
        : {}
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors)
      return res.end()
    }
    const body = await readBody(req)
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    const request = { method: req.method ?? 'GET', url, headers: req.headers, body }
    // This origin is the stand-in's first host to the browser: VTEX's contract for that host applies.
    const contract = openContractExchange(state, request, standIn.hosts[0])
    if (contract?.refusal) {
      const refusal = refusedByContract(state, request, contract, contract.refusal)
      return writeReply(res, { ...refusal, headers: { ...refusal.headers, ...cors } })
    }
    const reply = await dispatch([standIn], request, state)
    contract?.answered(reply)
    writeReply(res, { ...reply, headers: { ...reply.headers, ...cors } })
  })
}

export function listen(server: Server, port = 0, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port))
  })
}

export const close = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections?.()
    server.close(() => resolve())
  })
