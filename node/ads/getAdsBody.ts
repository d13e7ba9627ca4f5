import type { AdQuery, AdSize, AdType, AssetType } from './adQuery'

/** The Get ads request body (POST /v1/rma/{publisher_id}, vtexads-api-docs 5.5 and VTEX's OpenAPI schema). */
export interface GetAdsPlacement {
  quantity: number
  types: AdType[]
  size?: AdSize
  /**
   * Accepted media. The ad query page and its example bodies spell it `assets_type`; the OpenAPI
   * schema says `asset_types`. We send the spelling of the real request examples.
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
  /** The publisher's site name, from the settings: required when one publisher has several sites. */
  brand?: string
  placements: Record<string, GetAdsPlacement>
  dedup_ads?: boolean
}

/**
 * Context fields go only with their context (term with search, …): Get ads targets by them, and a
 * stray one would only muddle its reports.
 */
export function toGetAdsBody(query: AdQuery, settings: { brand?: string }): GetAdsBody {
  const placements: Record<string, GetAdsPlacement> = {}
  for (const placement of query.placements) {
    placements[placement.name] = {
      quantity: placement.quantity,
      types: placement.types,
      ...(placement.size ? { size: placement.size } : {}),
      ...(placement.assetTypes ? { assets_type: placement.assetTypes } : {}),
    }
  }
  return {
    session_id: query.sessionId,
    ...(query.userId ? { user_id: query.userId } : {}),
    channel: query.channel,
    context: query.context,
    ...(query.context === 'search' ? { term: query.term } : {}),
    ...(query.context === 'category' ? { category_name: query.categoryName } : {}),
    ...(query.context === 'product_page' ? { product_sku: query.productSku } : {}),
    ...(query.context === 'brand_page' ? { brand_name: query.brandName } : {}),
    ...(settings.brand ? { brand: settings.brand } : {}),
    placements,
    // Only meaningful across placements queried together (Get ads: dedup_ads).
    ...(query.dedupAds && query.placements.length > 1 ? { dedup_ads: true } : {}),
  }
}
