import type { SponsoredAdsResult } from './adAnswer'

/**
 * Get ads' `dedup_ads` repeats no ad across the placements of one query, but two different ads can
 * advertise the same product (a product ad and a sponsored brand's product, two campaigns of one
 * SKU). A page shows each product once: walking the placements in the order the page asked for
 * them (its layout order), a product ad whose SKU was already shown is dropped, and so is such a
 * product inside a sponsored brand (the brand keeps its creative and its other products). Banners
 * are untouched. Pure.
 */
export function dedupProducts(result: SponsoredAdsResult): SponsoredAdsResult {
  const shown = new Set<string>()
  const first = (sku: string | undefined) => {
    if (!sku) return true
    if (shown.has(sku)) return false
    shown.add(sku)
    return true
  }
  return {
    placements: result.placements.map((placement) => ({
      name: placement.name,
      ads: placement.ads.flatMap((ad) => {
        if (ad.type === 'product') return first(ad.productSku) ? [ad] : []
        if (ad.type !== 'sponsored_brand') return [ad]
        const products = ad.products.filter((product) => first(product.productSku))
        const hasCreative = ad.mediaUrl !== undefined || ad.assets.length > 0
        return products.length > 0 || hasCreative ? [{ ...ad, products }] : []
      }),
    })),
  }
}
