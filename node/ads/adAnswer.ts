import type { AdType } from './adQuery'

/**
 * The Get ads answer → what the storefront gets. The answer is trusted for nothing: each ad keeps
 * only known fields, every URL must be absolute http(s) (event URLs are beaconed by the browser,
 * media URLs loaded, destination URLs followed), and an ad without its three event URLs is dropped,
 * because an ad shown without them can never be measured. Pure: no I/O.
 */
export interface AdAsset {
  url: string
  type: 'image' | 'video'
  width?: number
  height?: number
}

export interface AdEventUrls {
  impressionUrl: string
  viewUrl: string
  clickUrl: string
}

export interface SponsoredBrandProduct extends AdEventUrls {
  productSku: string
  name?: string
  imageUrl?: string
  destinationUrl?: string
}

export interface SponsoredAd extends AdEventUrls {
  adId: string
  type: AdType
  productSku?: string
  sellerId?: string
  mediaUrl?: string
  /** `image` or `video` (banners and sponsored brands). */
  assetType?: 'image' | 'video'
  assets: AdAsset[]
  destinationUrl?: string
  /** Text for the creative's alt (headline, description, campaign or product name, whichever came). */
  alt?: string
  brandName?: string
  headline?: string
  description?: string
  products: SponsoredBrandProduct[]
}

export interface SponsoredPlacement {
  name: string
  ads: SponsoredAd[]
}

export interface SponsoredAdsResult {
  placements: SponsoredPlacement[]
}

export const NO_ADS = (names: string[] = []): SponsoredAdsResult => ({ placements: names.map((name) => ({ name, ads: [] })) })

const MAX_URL = 4096
const MAX_TEXT = 300
const MAX_ADS_PER_PLACEMENT = 20
const MAX_BRAND_PRODUCTS = 20
const SKU = /^[A-Za-z0-9._:-]{1,64}$/
const AD_ID = /^[A-Za-z0-9._:~-]{1,128}$/
const DIMENSION = /^(\d{1,5})x(\d{1,5})$/

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Absolute http(s) only: a `javascript:`, `data:` or relative event URL never reaches the page. */
export const httpUrl = (value: unknown): string | undefined => {
  if (typeof value !== 'string' || value.length > MAX_URL) return undefined
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined
  } catch {
    return undefined
  }
}

/**
 * Destination URLs come absolute, or as a store path without the leading slash
 * (`lava-e-seca-…/p/55069360` in the real examples): such a path is made root-relative.
 */
export const destinationUrl = (value: unknown): string | undefined => {
  const absolute = httpUrl(value)
  if (absolute) return absolute
  if (typeof value !== 'string' || value.length > MAX_URL || /^[a-z][a-z0-9+.-]*:|^[/\\]{2}|\s/i.test(value) || value === '') return undefined
  return value.startsWith('/') ? value : `/${value}`
}

const shortText = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined
  const cleaned = value.trim().replace(/\s+/g, ' ')
  return cleaned === '' ? undefined : cleaned.slice(0, MAX_TEXT)
}

const eventUrls = (raw: Record<string, unknown>): AdEventUrls | undefined => {
  const impressionUrl = httpUrl(raw.impression_url)
  const viewUrl = httpUrl(raw.view_url)
  const clickUrl = httpUrl(raw.click_url)
  return impressionUrl && viewUrl && clickUrl ? { impressionUrl, viewUrl, clickUrl } : undefined
}

const assetOf = (raw: unknown): AdAsset[] => {
  if (!isRecord(raw)) return []
  const url = httpUrl(raw.url)
  const type = raw.type === 'video' ? 'video' : raw.type === 'image' || raw.type === undefined ? 'image' : undefined
  if (!url || !type) return []
  const size = typeof raw.dimension === 'string' ? DIMENSION.exec(raw.dimension) : null
  return [{ url, type, ...(size ? { width: Number(size[1]), height: Number(size[2]) } : {}) }]
}

const brandProduct = (raw: unknown): SponsoredBrandProduct[] => {
  if (!isRecord(raw) || typeof raw.product_sku !== 'string' || !SKU.test(raw.product_sku)) return []
  const urls = eventUrls(raw)
  if (!urls) return []
  const name = shortText(raw.product_name)
  const imageUrl = httpUrl(raw.image_url) ?? httpUrl(raw.media_url)
  const destination = destinationUrl(raw.destination_url)
  return [{ productSku: raw.product_sku, ...urls, ...(name ? { name } : {}), ...(imageUrl ? { imageUrl } : {}), ...(destination ? { destinationUrl: destination } : {}) }]
}

const TYPES: readonly AdType[] = ['product', 'banner', 'sponsored_brand']

function toAd(raw: unknown): SponsoredAd[] {
  if (!isRecord(raw)) return []
  const type = TYPES.find((known) => known === raw.type)
  const adId = typeof raw.ad_id === 'string' && AD_ID.test(raw.ad_id) ? raw.ad_id : undefined
  const urls = eventUrls(raw)
  if (!type || !adId || !urls) return []

  const productSku = typeof raw.product_sku === 'string' && SKU.test(raw.product_sku) ? raw.product_sku : undefined
  const mediaUrl = httpUrl(raw.media_url)
  const assets = Array.isArray(raw.assets) ? raw.assets.flatMap(assetOf) : []
  if (type === 'product' && !productSku) return []
  if (type === 'banner' && !mediaUrl && assets.length === 0) return []
  const products = type === 'sponsored_brand' && Array.isArray(raw.products) ? raw.products.slice(0, MAX_BRAND_PRODUCTS).flatMap(brandProduct) : []
  if (type === 'sponsored_brand' && !mediaUrl && assets.length === 0 && products.length === 0) return []

  const headline = shortText(raw.headline)
  const description = shortText(raw.description)
  const brandName = shortText(raw.brand_name)
  const alt = headline ?? description ?? shortText(raw.campaign_name) ?? shortText(raw.product_name) ?? brandName
  const sellerId = shortText(raw.seller_id)
  const destination = destinationUrl(raw.destination_url) ?? destinationUrl(raw.brand_url)
  const assetType = raw.asset_type === 'video' ? 'video' : raw.asset_type === 'image' ? 'image' : undefined

  return [
    {
      adId,
      type,
      ...urls,
      ...(productSku ? { productSku } : {}),
      ...(sellerId ? { sellerId } : {}),
      ...(mediaUrl ? { mediaUrl } : {}),
      ...(assetType ? { assetType } : {}),
      assets,
      ...(destination ? { destinationUrl: destination } : {}),
      ...(alt ? { alt } : {}),
      ...(brandName ? { brandName } : {}),
      ...(headline ? { headline } : {}),
      ...(description ? { description } : {}),
      products,
    },
  ]
}

/**
 * One entry per requested placement, in the order asked, even when the answer has none for it
 * (keys such as `query_id` and `request_id` sit beside the placements and are not ads).
 */
export function toSponsoredAds(answer: unknown, placementNames: string[]): SponsoredAdsResult {
  if (!isRecord(answer)) return NO_ADS(placementNames)
  return {
    placements: placementNames.map((name) => {
      const raw = answer[name]
      return { name, ads: Array.isArray(raw) ? raw.slice(0, MAX_ADS_PER_PLACEMENT).flatMap(toAd) : [] }
    }),
  }
}
