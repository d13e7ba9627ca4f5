import { validateAsVtexAds } from '../../node/destinations/vtexAds/schema'
import { json, type StandInReply, type StandInRequest, type StandIn } from '../lib/standIn'
import type { SandboxState } from '../state'

/**
 * A fake VTEX Ads events API that answers as the spec says: conversions are validated with the
 * spec schema (202 `{messages}` or 422 with the Ajv list), beacons need a JSON body with
 * session_id. It also remembers order_ids (the real API ignores a repeat within 30 days), so the
 * sandbox can show "received twice" if the app ever sent a duplicate.
 */
export const VTEX_ADS_EVENT_HOSTS = ['events.newtail-media.newtail.com.br', 'events-api.ads.vtex.com']
const BEACON = /^\/v1\/beacon\/(impression|view|click)\/([A-Za-z0-9._~:-]+)$/

const ajvRequired = (property: string) => [
  { instancePath: '', keyword: 'required', message: `must have required property '${property}'`, params: { missingProperty: property }, schemaPath: '#/required' },
]

const isJson = (request: StandInRequest) => String(request.headers['content-type'] ?? '').split(';')[0].trim() === 'application/json'

function parseJson(request: StandInRequest): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(request.body.toString('utf8')) }
  } catch {
    return { ok: false }
  }
}

/**
 * Settings mistakes VTEX Ads refuses: a publisher id it does not know, and, for a publisher with
 * several sites, a conversion without `brand` or with a brand that is none of its sites (VTEX Ads
 * requires the brand when one publisher has several sites). VTEX publishes no error body for
 * these, so the sandbox answers them in the Ajv shape of every other 422.
 */
export function publisherRefusal(state: SandboxState, body: { publisher_id: string; brand?: string }): unknown[] | undefined {
  if (state.vtexAdsPublishers.size === 0) return undefined
  const publisher = state.vtexAdsPublishers.get(body.publisher_id)
  if (!publisher)
    return [{ instancePath: '/publisher_id', keyword: 'publisher', message: `unknown publisher_id '${body.publisher_id}'`, params: { publisherId: body.publisher_id }, schemaPath: '#/properties/publisher_id' }]
  if (publisher.sites.length < 2) return undefined
  if (body.brand === undefined) return ajvRequired('brand')
  if (!publisher.sites.includes(body.brand))
    return [{ instancePath: '/brand', keyword: 'enum', message: `must be one of the publisher's sites: ${publisher.sites.join(', ')}`, params: { allowedValues: publisher.sites }, schemaPath: '#/properties/brand/enum' }]
  return undefined
}

export function vtexAdsEventsStandIn(
  state: SandboxState
): StandIn & {
  conversions: Map<string, number>
  /** When each order's first conversion was accepted (time to conversion). */
  firstAcceptedAt: Map<string, number>
  conversionBodies: Map<string, unknown>
  beacons: Array<{ kind: string; adId: string; sessionId: string }>
} {
  const conversions = new Map<string, number>()
  const firstAcceptedAt = new Map<string, number>()
  const conversionBodies = new Map<string, unknown>()
  const beacons: Array<{ kind: string; adId: string; sessionId: string }> = []

  const conversion = (request: StandInRequest): StandInReply => {
    if (!isJson(request)) return json(415, { messages: ['content-type must be application/json'] })
    const parsed = parseJson(request)
    if (!parsed.ok) return json(400, { messages: ['body is not JSON'] })
    const errors = validateAsVtexAds(parsed.value)
    if (errors.length > 0) return json(422, errors)
    const refusal = publisherRefusal(state, parsed.value as { publisher_id: string; brand?: string })
    if (refusal) return json(422, refusal)
    const orderId = (parsed.value as { order_id: string }).order_id
    conversions.set(orderId, (conversions.get(orderId) ?? 0) + 1)
    if (!firstAcceptedAt.has(orderId)) firstAcceptedAt.set(orderId, Date.now())
    conversionBodies.set(orderId, parsed.value)
    return json(202, { messages: ['conversion will be processed soon'] })
  }

  const beacon = (request: StandInRequest, kind: string, adId: string): StandInReply => {
    if (!isJson(request)) return json(422, ajvRequired('session_id'))
    const parsed = parseJson(request)
    const sessionId = parsed.ok ? (parsed.value as { session_id?: unknown })?.session_id : undefined
    if (typeof sessionId !== 'string' || sessionId === '') return json(422, ajvRequired('session_id'))
    beacons.push({ kind, adId, sessionId })
    return json(202, { messages: [`${kind} will be processed soon`] })
  }

  return {
    name: 'vtexAds',
    hosts: VTEX_ADS_EVENT_HOSTS,
    conversions,
    firstAcceptedAt,
    conversionBodies,
    beacons,
    handle(request) {
      if (request.method !== 'POST') return undefined
      const injected = state.takeInjectedFailure('vtexAds')
      if (injected) return json(injected, { messages: [`sandbox: injected ${injected}`] }, injected === 429 ? { 'retry-after': '1' } : {})
      if (request.url.pathname === '/v1/beacon/conversion') return conversion(request)
      const match = BEACON.exec(request.url.pathname)
      return match ? beacon(request, match[1], match[2]) : undefined
    },
    describe(request, reply) {
      const match = BEACON.exec(request.url.pathname)
      if (match) return `${match[1]} beacon ad ${match[2]} → ${reply.status}`
      const body = reply.body as unknown
      const orderId = (() => {
        const parsed = parseJson(request)
        return parsed.ok ? (parsed.value as { order_id?: string })?.order_id : undefined
      })()
      if (reply.status === 202) return `conversion ${orderId} accepted (202)${(conversions.get(orderId ?? '') ?? 0) > 1 ? ' — DUPLICATE' : ''}`
      return `conversion ${orderId ?? '?'} refused (${reply.status}) ${Array.isArray(body) ? body.map((error) => error.message).join('; ') : ''}`.trim()
    },
  }
}
