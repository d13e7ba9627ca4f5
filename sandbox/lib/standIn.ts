import type { IncomingMessage, ServerResponse } from 'http'

/** What a stand-in received, shown in the sandbox output and read by tests and the bench. */
export interface Received {
  at: number
  standIn: string
  method: string
  url: string
  status: number
  summary: string
  body?: unknown
  /** The x-vtex-operation-id the call carried: @vtex/api's clients repeat the one of the request they serve (a scheduled run, a GraphQL operation). */
  operationId?: string
  /** Bookkeeping the terminal leaves out (the dashboard lists it): a scheduled run that did nothing. */
  quiet?: boolean
}

export interface StandInRequest {
  method: string
  url: URL
  headers: IncomingMessage['headers']
  body: Buffer
}

export interface StandInReply {
  status: number
  headers?: Record<string, string>
  body?: unknown
}

/**
 * A local stand-in of one remote system, reached through the sandbox's forward proxy by host
 * name (production code runs unchanged). `handle` returns undefined for "not mine" (404).
 */
export interface StandIn {
  name: string
  hosts: string[]
  handle(request: StandInRequest): Promise<StandInReply | undefined> | StandInReply | undefined
  /** One line for the sandbox log: what was received and answered. */
  describe?(request: StandInRequest, reply: StandInReply): string
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): StandInReply => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body,
})

export function writeReply(res: ServerResponse, reply: StandInReply): void {
  const payload =
    reply.body === undefined ? '' : typeof reply.body === 'string' || Buffer.isBuffer(reply.body) ? reply.body : JSON.stringify(reply.body)
  res.writeHead(reply.status, reply.headers ?? {})
  res.end(payload)
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}
