/** The sponsoredAds GraphQL answer, as the blocks read it (node/ads/adAnswer.ts is the source). */
export interface AdUrls {
  impressionUrl: string
  viewUrl: string
  clickUrl: string
}

export interface SponsoredBrandProduct extends AdUrls {
  productSku: string
  name?: string | null
  imageUrl?: string | null
  destinationUrl?: string | null
}

export interface SponsoredAd extends AdUrls {
  adId: string
  type: 'product' | 'banner' | 'sponsored_brand'
  productSku?: string | null
  mediaUrl?: string | null
  assetType?: string | null
  assets: Array<{ url: string; type: string; width?: number | null; height?: number | null }>
  destinationUrl?: string | null
  alt?: string | null
  brandName?: string | null
  headline?: string | null
  products: SponsoredBrandProduct[]
}

export interface SponsoredAdsAnswer {
  sponsoredAds?: { placements: Array<{ name: string; ads: SponsoredAd[] }> }
}

export type AdContext = 'home' | 'category' | 'search' | 'product_page' | 'brand_page'

/** What a block asks for: one placement. */
export interface PlacementRequest {
  /** Explicit placement name; else the service builds {channel}_{context}_{position}_{type}. */
  name?: string
  position: string
  quantity: number
  types: Array<SponsoredAd['type']>
  size?: string
  assetTypes?: string[]
}

/** The tracker's props for one ad (react/tracking takes snake_case, as Get ads spells them). */
export const trackerUrls = (ad: AdUrls, type?: string) => ({ impression_url: ad.impressionUrl, view_url: ad.viewUrl, click_url: ad.clickUrl, type })
