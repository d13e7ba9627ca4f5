import { toAdsId } from '../identity/adsId'

/**
 * What the storefront may ask for (GraphQL `SponsoredAdsInput`), validated field by field: every
 * value comes from the browser, so each one is checked for type, length and shape before it can
 * reach VTEX Ads. Pure: no I/O.
 */
export const AD_CHANNELS = ['site', 'msite', 'app'] as const
export const AD_CONTEXTS = ['home', 'category', 'search', 'product_page', 'brand_page'] as const
export const AD_TYPES = ['product', 'banner', 'sponsored_brand'] as const
export const ASSET_TYPES = ['image', 'video'] as const
/** Get ads sizes: `desktop`/`mobile` for images, resolutions for videos (5.5, "Video Size Options"). */
export const AD_SIZES = ['desktop', 'mobile', '1080p', '720p', '480p', '360p', '320p'] as const

export type AdChannel = (typeof AD_CHANNELS)[number]
export type AdContext = (typeof AD_CONTEXTS)[number]
export type AdType = (typeof AD_TYPES)[number]
export type AssetType = (typeof ASSET_TYPES)[number]
export type AdSize = (typeof AD_SIZES)[number]

export interface AdPlacementQuery {
  name: string
  quantity: number
  types: AdType[]
  size?: AdSize
  assetTypes?: AssetType[]
}

/** The viewed product's brand and category, from the product page (Get ads `product_attributes`). */
export interface ProductAttributes {
  categoryName?: string
  brandName?: string
}

/** A validated query: every field safe to send. */
export interface AdQuery {
  /** Letters and digits only (identity/adsId.ts), whatever the browser sent. */
  sessionId: string
  userId?: string
  channel: AdChannel
  context: AdContext
  term?: string
  categoryName?: string
  productSku?: string
  brandName?: string
  /** Product pages only. */
  productAttributes?: ProductAttributes
  /** VTEX collections (product clusters) the page shows, as ids. */
  productClusterIds?: string[]
  /** The browser's navigator.userAgent. */
  userAgent?: string
  placements: AdPlacementQuery[]
  dedupAds: boolean
}

/** The same identifier rule as the identity bridge (DESIGN.md, Identity bridge). */
export const ID_PATTERN = /^[A-Za-z0-9._:~-]{1,128}$/
const SKU_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/
/** 5.5.1: lowercase, no spaces, hyphens inside parts, underscores between them; upper case tolerated. */
const PLACEMENT_PATTERN = /^[A-Za-z0-9_.-]{1,100}$/
const POSITION_PATTERN = /^[a-z0-9-]{1,40}$/
const MAX_TERM = 200
const MAX_CATEGORY = 500
const MAX_BRAND = 200
const MAX_PLACEMENTS = 10
const MAX_QUANTITY = 20
/** Get ads: at most 10 tags; a collection id is a number. */
const MAX_CLUSTERS = 10
const CLUSTER_ID = /^\d{1,10}$/
/** Real user agents are a few hundred characters; anything longer is not one. */
const MAX_USER_AGENT = 512
/** Control characters have no place in a search term or a breadcrumb. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/

/** What a context needs besides the common fields (Get ads: "Only context: …"). */
const REQUIRED_BY_CONTEXT: Partial<Record<AdContext, keyof AdQuery>> = {
  search: 'term',
  category: 'categoryName',
  product_page: 'productSku',
  brand_page: 'brandName',
}

export type AdQueryValidation = { ok: true; query: AdQuery } | { ok: false; errors: string[] }

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const oneOf = <T extends string>(allowed: readonly T[], value: unknown): T | undefined => allowed.find((candidate) => candidate === value)

/** Trimmed text with single spaces, within `max`, no control characters; undefined when absent or empty. */
const text = (value: unknown, max: number): string | undefined | null => {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') return null
  const cleaned = value.trim().replace(/\s+/g, ' ')
  if (cleaned === '') return undefined
  return cleaned.length > max || CONTROL.test(cleaned) ? null : cleaned
}

/** `{channel}_{context}_{position}_{type}` (vtexads-api-docs 5.5.1), with the context as Get ads receives it. */
export const placementName = (channel: AdChannel, context: AdContext, position: string, type: AdType): string => `${channel}_${context}_${position}_${type}`

function placement(raw: unknown, index: number, channel: AdChannel | undefined, context: AdContext | undefined, errors: string[]): AdPlacementQuery | undefined {
  const at = `placements[${index}]`
  if (!isRecord(raw)) {
    errors.push(`${at}: not an object`)
    return undefined
  }
  const types = Array.isArray(raw.types) ? raw.types.map((type) => oneOf(AD_TYPES, type)) : []
  if (types.length === 0 || types.length > AD_TYPES.length || types.some((type) => type === undefined)) errors.push(`${at}.types: one or more of ${AD_TYPES.join(', ')}`)
  const quantity = raw.quantity
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) errors.push(`${at}.quantity: an integer from 1 to ${MAX_QUANTITY}`)
  const size = raw.size === undefined || raw.size === null ? undefined : oneOf(AD_SIZES, raw.size)
  if (size === undefined && raw.size !== undefined && raw.size !== null) errors.push(`${at}.size: one of ${AD_SIZES.join(', ')}`)
  const assetTypes = raw.assetTypes === undefined || raw.assetTypes === null ? undefined : Array.isArray(raw.assetTypes) ? raw.assetTypes.map((type) => oneOf(ASSET_TYPES, type)) : [undefined]
  if (assetTypes && (assetTypes.length === 0 || assetTypes.some((type) => type === undefined))) errors.push(`${at}.assetTypes: image and/or video`)

  let name = typeof raw.name === 'string' && raw.name !== '' ? raw.name : undefined
  if (name !== undefined && !PLACEMENT_PATTERN.test(name)) errors.push(`${at}.name: letters, digits, _ . - (at most 100)`)
  if (name === undefined) {
    const position = typeof raw.position === 'string' ? raw.position : ''
    if (!POSITION_PATTERN.test(position)) errors.push(`${at}: a name, or a position (lowercase letters, digits, -) to build one`)
    else if (channel && context && types[0]) name = placementName(channel, context, position, types[0])
  }
  if (!name || errors.length > 0) return undefined
  // Banners and sponsored brands need a size (Get ads: "Only types: banner, sponsored_brand"): the device's by default.
  const needsSize = types.some((type) => type !== 'product')
  return {
    name,
    quantity: quantity as number,
    types: types as AdType[],
    ...(needsSize ? { size: size ?? (channel === 'site' ? 'desktop' : 'mobile') } : {}),
    ...(needsSize && assetTypes ? { assetTypes: assetTypes as AssetType[] } : {}),
  }
}

/** The product page's brand and category: text like brandName and categoryName; absent when both are. */
function attributes(raw: unknown, errors: string[]): ProductAttributes | undefined {
  if (raw === undefined || raw === null) return undefined
  if (!isRecord(raw)) {
    errors.push('productAttributes: an object')
    return undefined
  }
  const categoryName = text(raw.categoryName, MAX_CATEGORY)
  const brandName = text(raw.brandName, MAX_BRAND)
  if (categoryName === null || brandName === null) errors.push(`productAttributes: categoryName (at most ${MAX_CATEGORY}) and brandName (at most ${MAX_BRAND}) as text`)
  return categoryName || brandName ? { ...(categoryName ? { categoryName } : {}), ...(brandName ? { brandName } : {}) } : undefined
}

/** Validates the browser's input; on any error the caller asks for no ads (and says why in its log, without values). */
export function validateAdQuery(input: unknown): AdQueryValidation {
  const errors: string[] = []
  if (!isRecord(input)) return { ok: false, errors: ['input: not an object'] }

  // Ids in the one format VTEX Ads gets everywhere: a page still on an older bundle (hyphenated ids) is projected here too.
  const adsIdOf = (value: unknown) => (typeof value === 'string' && ID_PATTERN.test(value) ? toAdsId(value) : undefined)
  const sessionId = adsIdOf(input.sessionId)
  if (!sessionId) errors.push('sessionId: required, [A-Za-z0-9._:~-]{1,128} with a letter or digit')
  // An invalid user id is treated as absent, as the identity bridge does: the ad query still runs.
  const userId = adsIdOf(input.userId)
  const channel = oneOf(AD_CHANNELS, input.channel)
  if (!channel) errors.push(`channel: one of ${AD_CHANNELS.join(', ')}`)
  const context = oneOf(AD_CONTEXTS, input.context)
  if (!context) errors.push(`context: one of ${AD_CONTEXTS.join(', ')}`)

  const term = text(input.term, MAX_TERM)
  if (term === null) errors.push(`term: text of at most ${MAX_TERM} characters`)
  const categoryName = text(input.categoryName, MAX_CATEGORY)
  if (categoryName === null) errors.push(`categoryName: text of at most ${MAX_CATEGORY} characters`)
  const brandName = text(input.brandName, MAX_BRAND)
  if (brandName === null) errors.push(`brandName: text of at most ${MAX_BRAND} characters`)
  const productSku = input.productSku === undefined || input.productSku === null ? undefined : typeof input.productSku === 'string' && SKU_PATTERN.test(input.productSku) ? input.productSku : null
  if (productSku === null) errors.push('productSku: [A-Za-z0-9._:-]{1,64}')
  const productAttributes = attributes(input.productAttributes, errors)
  const clusters = input.productClusterIds === undefined || input.productClusterIds === null ? [] : input.productClusterIds
  if (!Array.isArray(clusters) || clusters.length > MAX_CLUSTERS || clusters.some((id) => typeof id !== 'string' || !CLUSTER_ID.test(id))) errors.push(`productClusterIds: at most ${MAX_CLUSTERS} collection ids (digits)`)
  const productClusterIds = Array.isArray(clusters) ? [...new Set(clusters as string[])] : []
  // Metadata, not targeting: one that is not a plausible user agent is left out, the query still runs.
  const userAgent = text(input.userAgent, MAX_USER_AGENT) || undefined

  const rawPlacements = Array.isArray(input.placements) ? input.placements : []
  if (rawPlacements.length === 0 || rawPlacements.length > MAX_PLACEMENTS) errors.push(`placements: 1 to ${MAX_PLACEMENTS}`)
  const placements = rawPlacements.slice(0, MAX_PLACEMENTS).map((raw, index) => placement(raw, index, channel, context, errors))
  if (new Set(placements.map((one) => one?.name)).size !== placements.length) errors.push('placements: names must be unique')

  const dedupAds = input.dedupAds === undefined || input.dedupAds === null ? false : input.dedupAds
  if (typeof dedupAds !== 'boolean') errors.push('dedupAds: a boolean')

  const query: AdQuery = {
    sessionId: sessionId as string,
    ...(userId ? { userId } : {}),
    channel: channel as AdChannel,
    context: context as AdContext,
    ...(term ? { term } : {}),
    ...(categoryName ? { categoryName } : {}),
    ...(productSku ? { productSku } : {}),
    ...(brandName ? { brandName } : {}),
    ...(productAttributes && context === 'product_page' ? { productAttributes } : {}),
    ...(productClusterIds.length > 0 ? { productClusterIds } : {}),
    ...(userAgent ? { userAgent } : {}),
    placements: placements as AdPlacementQuery[],
    dedupAds: dedupAds === true,
  }
  const needed = context && REQUIRED_BY_CONTEXT[context]
  if (needed && query[needed] === undefined) errors.push(`${needed}: required in context ${context}`)
  return errors.length > 0 ? { ok: false, errors } : { ok: true, query }
}
