import type { SummaryProduct } from 'vtex.product-summary-context/ProductSummaryContext'

import type { AdUrls, SponsoredAd } from './types'

/**
 * Which ad, if any, a product in the search results is. Pure, so the rules are tested:
 * - VTEX's own search integration (search-result with @vtex/ads-core) already put the ad on the
 *   product: `advertisement.eventUrls` {impression, view, click}, the Get ads URLs (its
 *   `eventParameters` is only base64 of the impression URL, for Activity Flow). Nothing in
 *   product-summary sends them: we do, with those very URLs.
 * - Else, our own Get ads answer for the page, matched on the product's SKUs.
 * - Never a second copy: a product whose SKU is already shown as VTEX's sponsored copy elsewhere
 *   on the page (search-result puts the sponsored copy first and keeps the organic one) is not
 *   marked again with our ad.
 */
export type BadgeChoice = { source: 'vtex-search' | 'ads-events'; urls: AdUrls; sku?: string } | undefined

const skusOf = (product: SummaryProduct): string[] => {
  const selected = product.sku?.itemId
  const all = (product.items || []).map((item) => item.itemId).filter((sku): sku is string => !!sku)
  return selected ? [selected, ...all.filter((sku) => sku !== selected)] : all
}

export function chooseBadge(product: SummaryProduct | undefined, ourAds: SponsoredAd[] | undefined, nativeSkus: ReadonlySet<string>): BadgeChoice {
  if (!product) return undefined
  const native = product.advertisement?.eventUrls
  if (native?.impression && native.view && native.click) return { source: 'vtex-search', urls: { impressionUrl: native.impression, viewUrl: native.view, clickUrl: native.click }, sku: skusOf(product)[0] }
  const skus = skusOf(product)
  if (skus.some((sku) => nativeSkus.has(sku))) return undefined
  const ad = (ourAds || []).find((candidate) => candidate.productSku && skus.includes(candidate.productSku))
  return ad ? { source: 'ads-events', urls: ad, sku: ad.productSku || undefined } : undefined
}
