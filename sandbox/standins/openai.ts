import { describeEventErrors, validateEvent } from '../../node/destinations/openai/schema'
import { timestampWindowError } from '../../node/destinations/openai/window'
import { json, type StandIn, type StandInReply, type StandInRequest } from '../lib/standIn'
import type { SandboxState } from '../state'

/** The pixel and key the sandbox's settings use; a key without the sk-svcacct- prefix gets the spec's 401. */
export const SANDBOX_OPENAI = { pixelId: 'px_sandbox_0001', apiKey: 'sk-svcacct-sandbox-0001' } as const
export const OPENAI_HOSTS = ['bzr.openai.com']
export const OPENAI_MAX_EVENTS_PER_REQUEST = 1000

const failure = (status: number, message: string, type = 'invalid_request_error', headers: Record<string, string> = {}): StandInReply =>
  json(status, { error: { message, type } }, headers)

export interface OpenAIStandInOptions {
  state?: SandboxState
  /** The server's clock for the 7-day / 10-minute window (tests inject it). */
  now?: () => number
}

/**
 * A fake OpenAI Ads Conversions API (POST /v1/events?pid=…) that answers as the spec says:
 * `pid` and a Conversions API bearer key (401 "Missing scopes: ads.third_party_events.write"
 * otherwise), 400 "Missing required field: events" without the wrapper, ≤ 1,000 events, every
 * event valid and inside the time window — one bad event fails the whole batch, with a message
 * naming it. `validate_only` stores nothing; stored events are deduplicated on id + type.
 */
export function openaiStandIn(options: OpenAIStandInOptions = {}): StandIn & { events: Map<string, { received: number; event: unknown }> } {
  const now = options.now ?? Date.now
  const events = new Map<string, { received: number; event: unknown }>()

  const post = (request: StandInRequest): StandInReply => {
    const pid = request.url.searchParams.get('pid')
    if (!pid) return failure(400, 'Missing required query parameter: pid')
    const bearer = /^Bearer\s+(\S+)$/.exec(String(request.headers.authorization ?? ''))?.[1]
    if (!bearer) return failure(401, 'Missing bearer authentication in header', 'invalid_authentication')
    if (!bearer.startsWith('sk-svcacct-')) return failure(401, 'Missing scopes: ads.third_party_events.write', 'insufficient_permissions')
    if (bearer !== SANDBOX_OPENAI.apiKey) return failure(401, 'Incorrect API key provided', 'invalid_authentication')
    if (pid !== SANDBOX_OPENAI.pixelId) return failure(404, `Pixel ${pid} not found`)

    let body: unknown
    try {
      body = JSON.parse(request.body.toString('utf8'))
    } catch {
      return failure(400, 'Request body is not valid JSON')
    }
    const batch = (body as { events?: unknown; validate_only?: unknown } | null) ?? {}
    if (!Array.isArray(batch.events)) return failure(400, 'Missing required field: events')
    if (batch.validate_only !== undefined && typeof batch.validate_only !== 'boolean') return failure(400, 'validate_only must be a boolean')
    if (batch.events.length > OPENAI_MAX_EVENTS_PER_REQUEST)
      return failure(400, `Too many events: ${batch.events.length} (at most ${OPENAI_MAX_EVENTS_PER_REQUEST} per request)`)

    // The whole batch fails on its first bad event; the message names it.
    for (const [index, event] of batch.events.entries()) {
      const errors = validateEvent(event)
      if (errors.length > 0) return failure(400, `Invalid event at events[${index}]: ${describeEventErrors(errors, `events[${index}]`)}`)
      const outOfWindow = timestampWindowError((event as { timestamp_ms: number }).timestamp_ms, now())
      if (outOfWindow) return failure(400, `Invalid event at events[${index}]: events[${index}].timestamp_ms ${outOfWindow}`)
    }

    if (batch.validate_only === true) return json(200, { validate_only: true, events_validated: batch.events.length })
    let duplicates = 0
    for (const event of batch.events as Array<{ id: string; type: string }>) {
      const key = `${event.type}:${event.id}`
      const seen = events.get(key)
      if (seen) duplicates += 1
      events.set(key, { received: (seen?.received ?? 0) + 1, event: seen?.event ?? event })
    }
    return json(200, { events_received: batch.events.length, duplicates_ignored: duplicates })
  }

  return {
    name: 'openai',
    hosts: OPENAI_HOSTS,
    events,
    handle(request) {
      if (request.method !== 'POST' || request.url.pathname !== '/v1/events') return undefined
      const injected = options.state?.takeInjectedFailure('openai')
      if (injected) return failure(injected, `sandbox: injected ${injected}`, 'server_error', injected === 429 ? { 'retry-after': '1' } : {})
      return post(request)
    },
    describe(_request, reply) {
      const body = reply.body as { error?: { message?: string }; events_received?: number; duplicates_ignored?: number; events_validated?: number }
      if (body?.error) return `events refused (${reply.status}) ${body.error.message ?? ''}`.trim()
      if (body?.events_validated !== undefined) return `${body.events_validated} event(s) validated (validate_only, nothing stored)`
      return `${body?.events_received ?? 0} event(s) received${body?.duplicates_ignored ? `, ${body.duplicates_ignored} DUPLICATE(S) ignored` : ''}`
    },
  }
}
