import Ajv from 'ajv'
import { DEMO_BANNER, DEMO_BRAND, demoProducts, SPONSORED_SKUS } from '../storefront/ads'
import { json, type StandIn, type StandInReply, type StandInRequest } from '../lib/standIn'
import type { SandboxState } from '../state'

/**
 * A fake VTEX Ads Get ads (`POST /v1/rma/{publisher_id}` on newtail-media.newtail.com.br) that
 * checks the request as VTEX's OpenAPI schema does (422 with the Ajv list; context fields
 * required in their context; 400 for a body that is not JSON; 404 for an unknown publisher) and
 * answers from the demo campaigns, with event URLs on the sandbox's events origin, as the real
 * one points them at its events API. `delayMs` makes it slow (timeout tests, the bench).
 */
export const GET_ADS_HOSTS = ['newtail-media.newtail.com.br', 'api.ads.vtex.com']
const RMA = /^\/v1\/rma\/([^/]+)$/

const placementSchema = {
  type: 'object',
  required: ['quantity', 'types'],
  properties: {
    quantity: { type: 'integer' },
    size: { type: 'string' },
    types: { type: 'array', items: { type: 'string', enum: ['product', 'banner', 'sponsored_brand', 'digital_signage'] } },
    assets_type: { type: 'array', items: { type: 'string', enum: ['image', 'video'] } },
    asset_types: { type: 'array', items: { type: 'string', enum: ['image', 'video'] } },
    allow_sku_duplications: { type: 'boolean' },
  },
}

const requiredIn = (context: string, field: string) => ({ if: { properties: { context: { const: context } }, required: ['context'] }, then: { required: [field] } })

export const getAdsRequestSchema = {
  type: 'object',
  required: ['session_id', 'context', 'placements', 'channel'],
  properties: {
    // "Must contain only alphanumeric characters" (the OpenAPI's descriptions of both; no `pattern` there, so it is written here).
    session_id: { type: 'string', pattern: '^[A-Za-z0-9]+$' },
    user_id: { type: 'string', pattern: '^[A-Za-z0-9]+$' },
    store_id: { type: 'string' },
    context: { type: 'string', enum: ['home', 'category', 'search', 'product_page', 'brand_page', 'digital_signage'] },
    term: { type: 'string' },
    category_name: { type: 'string' },
    product_sku: { type: 'string' },
    brand_name: { type: 'string' },
    channel: { type: 'string', enum: ['site', 'msite', 'app'] },
    brand: { type: 'string' },
    product_attributes: { type: 'object', properties: { category_name: { type: 'string' }, brand_name: { type: 'string' } } },
    userAgent: { type: 'string' },
    tags: { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 64 } },
    segmentation: { type: 'array', items: { type: 'object', required: ['key', 'values'], properties: { key: { enum: ['AGE', 'GENDER', 'STATE', 'CITY', 'AUDIENCES', 'NBO_CATEGORIES'] }, values: { type: 'array', minItems: 1, items: { type: 'string' } } } } },
    placements: { type: 'object', additionalProperties: placementSchema },
    dedup_ads: { type: 'boolean' },
    dedup_campaign_ads: { type: 'boolean' },
  },
  allOf: [requiredIn('search', 'term'), requiredIn('category', 'category_name'), requiredIn('product_page', 'product_sku'), requiredIn('brand_page', 'brand_name')],
}

const validate = new Ajv({ allErrors: true, strict: false }).compile(getAdsRequestSchema)

/** The request's fields the answer depends on (already validated). */
interface GetAdsRequest {
  session_id: string
  user_id?: string
  brand?: string
  userAgent?: string
  tags?: string[]
  context: string
  channel: string
  term?: string
  category_name?: string
  product_sku?: string
  brand_name?: string
  placements: Record<string, { quantity: number; types: string[]; size?: string }>
  dedup_ads?: boolean
}

export interface GetAdsStandIn extends StandIn {
  /** Every valid request body received, newest last (tests read what the Service sent). */
  requests: GetAdsRequest[]
  /** Milliseconds before answering. */
  delayMs: number
  /** How long each request took here, delay included, ms (the bench subtracts it: the ad server's own latency). */
  servedMs: number[]
  /** Origin of the media URLs (the page server serves /_sandbox/media/); defaults to the events origin. */
  mediaBaseUrl?: string
}

const productsFor = (request: GetAdsRequest): string[] => {
  const words = (request.term ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  return SPONSORED_SKUS.filter((sku) => {
    const product = demoProducts.find((candidate) => candidate.sku === sku)!
    if (request.context === 'search') return words.some((word) => product.keywords.includes(word))
    if (request.context === 'category') return request.category_name ? product.category.startsWith(request.category_name) : false
    if (request.context === 'brand_page') return product.brand.toLowerCase() === (request.brand_name ?? '').toLowerCase()
    if (request.context === 'product_page') return sku !== request.product_sku
    return true
  })
}

export function getAdsStandIn(state: SandboxState, eventsOrigin: () => string): GetAdsStandIn {
  const standIn: GetAdsStandIn = {
    name: 'getAds',
    hosts: GET_ADS_HOSTS,
    requests: [],
    delayMs: 0,
    servedMs: [],
    async handle(request: StandInRequest): Promise<StandInReply | undefined> {
      const started = performance.now()
      const reply = await serve(request)
      if (reply) standIn.servedMs.push(performance.now() - started)
      return reply
    },
    describe(_request, reply) {
      const body = standIn.requests.at(-1)
      if (reply.status !== 200 || !body) return `get ads → ${reply.status}${Array.isArray(reply.body) ? ` ${reply.body.map((error: { message?: string }) => error.message).join('; ')}` : ''}`
      const counts = Object.entries(reply.body as Record<string, unknown>)
        .filter(([, ads]) => Array.isArray(ads))
        .map(([name, ads]) => `${name}: ${(ads as unknown[]).length}`)
      return `get ads ${body.context}${body.term ? ` "${body.term}"` : ''} → ${counts.join(', ')}`
    },
  }

  async function serve(request: StandInRequest): Promise<StandInReply | undefined> {
    const match = RMA.exec(request.url.pathname)
    if (request.method !== 'POST' || !match) return undefined
    if (standIn.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, standIn.delayMs))
    const injected = state.takeInjectedFailure('getAds')
    if (injected) return json(injected, { error: `sandbox: injected ${injected}` })
    if (decodeURIComponent(match[1]) !== state.settings.publisherId) return json(404, { error: 'Resource not found' })
    let body: unknown
    try {
      body = JSON.parse(request.body.toString('utf8'))
    } catch {
      return json(400, { error: 'Invalid request' })
    }
    if (!validate(body)) return json(422, validate.errors)
    const valid = body as unknown as GetAdsRequest
    standIn.requests.push(valid)
    return json(200, answer(valid))
  }

  const urls = (adId: string, type: string, placement: string, context: string) => {
    const query = `?ad_type=${type}&pname=${encodeURIComponent(placement)}&context=${context}`
    return {
      impression_url: `${eventsOrigin()}/v1/beacon/impression/${adId}${query}`,
      view_url: `${eventsOrigin()}/v1/beacon/view/${adId}${query}`,
      click_url: `${eventsOrigin()}/v1/beacon/click/${adId}${query}`,
    }
  }
  const media = (file: string) => `${standIn.mediaBaseUrl ?? eventsOrigin()}/_sandbox/media/${file}`

  function answer(request: GetAdsRequest): Record<string, unknown> {
    const used = new Set<string>()
    // "A dictionary where each key is the name of a placement used in the query" (VTEX Ads docs, Retrieving ads; the Ads API's 200 schema): nothing else.
    const out: Record<string, unknown> = {}
    for (const [name, placement] of Object.entries(request.placements)) {
      const ads: unknown[] = []
      for (const type of placement.types) {
        if (ads.length >= placement.quantity) break
        if (type === 'product') {
          for (const sku of productsFor(request)) {
            const adId = `sp-${sku}`
            if (ads.length >= placement.quantity || (request.dedup_ads && used.has(adId))) continue
            used.add(adId)
            const product = demoProducts.find((candidate) => candidate.sku === sku)!
            ads.push({ ad_id: adId, type: 'product', product_sku: sku, product_name: product.name, seller_id: null, destination_url: `?product=${sku}`, position: ads.length, ...urls(adId, 'product', name, request.context) })
          }
        } else if (type === 'banner') {
          if (!DEMO_BANNER.contexts.includes(request.context)) continue
          const creative = placement.size === 'mobile' ? DEMO_BANNER.media.mobile : DEMO_BANNER.media.desktop
          ads.push({ ad_id: DEMO_BANNER.adId, type: 'banner', asset_type: 'image', campaign_name: DEMO_BANNER.campaign, media_url: media(creative.file), destination_url: DEMO_BANNER.destination, seller_id: null, position: ads.length, ...urls(DEMO_BANNER.adId, 'banner', name, request.context) })
        } else if (type === 'sponsored_brand') {
          ads.push({
            ad_id: DEMO_BRAND.adId,
            type: 'sponsored_brand',
            asset_type: 'image',
            assets: [{ dimension: `${DEMO_BRAND.media.width}x${DEMO_BRAND.media.height}`, type: 'image', url: media(DEMO_BRAND.media.file) }],
            brand_name: DEMO_BRAND.brand,
            headline: DEMO_BRAND.headline,
            destination_url: null,
            products: DEMO_BRAND.skus.map((sku) => ({
              product_sku: sku,
              product_name: demoProducts.find((candidate) => candidate.sku === sku)!.name,
              destination_url: `?product=${sku}`,
              // One event URL per product of the brand ad, as the real answer has.
              ...urls(`${DEMO_BRAND.adId}-${sku}`, 'sponsored_brand', name, request.context),
            })),
            position: ads.length,
            ...urls(DEMO_BRAND.adId, 'sponsored_brand', name, request.context),
          })
        }
      }
      out[name] = ads.slice(0, placement.quantity)
    }
    return out
  }

  return standIn
}
