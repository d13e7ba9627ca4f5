import type { CSSProperties } from 'react'

import type { SponsoredAd, SponsoredBrandProduct } from './types'
import { CatalogProduct, productForSku } from './useProductsBySku'

/**
 * One row of product summaries, scrolling sideways when it does not fit (phones): its height is
 * one card, whatever the number of ads and the screen width, so the space reserved for it holds.
 */
export const PRODUCT_ROW_STYLE: CSSProperties = {
  display: 'grid',
  gridAutoFlow: 'column',
  gridAutoColumns: 'minmax(180px, 1fr)',
  gap: 16,
  overflowX: 'auto',
  listStyle: 'none',
  margin: 0,
  padding: 0,
}

/** The ads whose product the catalog returned, each with that product (advertised SKU first). */
export const shownProducts = <T extends SponsoredAd | SponsoredBrandProduct>(ads: T[], products: CatalogProduct[] | undefined) => {
  const shown: Array<{ ad: T; product: CatalogProduct }> = []
  for (const ad of ads) {
    const product = ad.productSku && products ? productForSku(products, ad.productSku) : undefined
    if (product) shown.push({ ad, product })
  }
  return shown
}
