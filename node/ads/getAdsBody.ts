import type { AdQuery, AdSize, AdType, AssetType } from './adQuery'

/**
 * The Get ads request body (POST /v1/rma/{publisher_id}: VTEX's OpenAPI "VTEX - Ads API.json",
 * vtexads-api-docs 5.5, developers.vtex.com "Retrieving ads"). What we fill and why, field by field,
 * is in docs/README.md ("What Get ads receives"); what we leave out on purpose:
 * - `segmentation`: it takes priority over the audiences VTEX Ads holds for the user_id ("don't send
 *   data in the segmentation field" when using them: "Segmenting campaigns"), and a storefront knows
 *   no honest AGE, GENDER or AUDIENCES; STATE/CITY would need the shopper's address.
 * - `store_id`: the store id of the inventory synced to VTEX Ads; VTEX's regions and sellers have no
 *   documented mapping to it, and a wrong one filters every ad out.
 * - `skus`, `dedup_campaign_ads`, `allow_sku_duplications`, `device_id`, `store_name`: recommendation
 *   queries, merchant choices left at VTEX Ads' defaults, digital signage.
 */
export interface GetAdsPlacement {
  quantity: number
  types: AdType[]
  size?: AdSize
  /**
   * Accepted media. The OpenAPI schema and the ad query page spell it `assets_type`; "Retrieving
   * ads" says `asset_types`. We send the spelling of the schema and the real request examples.
   */
  assets_type?: AssetType[]
}

export interface GetAdsBody {
  session_id: string
  user_id?: string
  channel: AdQuery['channel']
  context: AdQuery['context']
  term?: string
  category_name?: string
  product_sku?: string
  brand_name?: string
  /** The viewed product's category and brand (product pages: "Used when catalog data is incomplete"). */
  product_attributes?: { category_name?: string; brand_name?: string }
  /** `product_cluster/<id>` per collection the page shows: the tags VTEX's own search integration sends. */
  tags?: string[]
  /** The browser's navigator.userAgent ("For browsers, use navigator.userAgent"). */
  userAgent?: string
  /** The publisher's site name: required when one publisher has several sites (the conversions' rule). */
  brand?: string
  placements: Record<string, GetAdsPlacement>
  dedup_ads?: boolean
}

/** Get ads: tags of at most 64 characters. */
const MAX_TAG = 64

/**
 * Context fields go only with their context (term with search, …): Get ads targets by them, and a
 * stray one would only muddle its reports. `brand` is resolved by the caller (conversion/brand.ts).
 */
export function toGetAdsBody(query: AdQuery, site: { brand?: string }): GetAdsBody {
  const placements: Record<string, GetAdsPlacement> = {}
  for (const placement of query.placements) {
    placements[placement.name] = {
      quantity: placement.quantity,
      types: placement.types,
      ...(placement.size ? { size: placement.size } : {}),
      ...(placement.assetTypes ? { assets_type: placement.assetTypes } : {}),
    }
  }
  const attributes = query.context === 'product_page' ? query.productAttributes : undefined
  const tags = (query.productClusterIds ?? []).map((id) => `product_cluster/${id}`).filter((tag) => tag.length <= MAX_TAG)
  return {
    session_id: query.sessionId,
    ...(query.userId ? { user_id: query.userId } : {}),
    channel: query.channel,
    context: query.context,
    ...(query.context === 'search' ? { term: query.term } : {}),
    ...(query.context === 'category' ? { category_name: query.categoryName } : {}),
    ...(query.context === 'product_page' ? { product_sku: query.productSku } : {}),
    ...(query.context === 'brand_page' ? { brand_name: query.brandName } : {}),
    ...(attributes ? { product_attributes: { ...(attributes.categoryName ? { category_name: attributes.categoryName } : {}), ...(attributes.brandName ? { brand_name: attributes.brandName } : {}) } } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(query.userAgent ? { userAgent: query.userAgent } : {}),
    ...(site.brand ? { brand: site.brand } : {}),
    placements,
    // Only meaningful across placements queried together (Get ads: dedup_ads).
    ...(query.dedupAds && query.placements.length > 1 ? { dedup_ads: true } : {}),
  }
}
