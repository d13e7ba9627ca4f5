import React from 'react'
import { useCssHandles } from 'vtex.css-handles'

import { SHELF_HANDLES } from './cssHandles'
import SponsoredProductSummary from './SponsoredProductSummary'
import { useSponsoredText } from './SponsoredLabel'
import type { SponsoredAd } from './types'
import { CatalogProduct, productForSku, useProductsBySku } from './useProductsBySku'
import { useSponsoredAds } from './useSponsoredAds'
import { SHELF_SCHEMA } from './editorSchemas'

export interface SponsoredProductsShelfProps {
  /** Placement name as agreed with VTEX Ads; default {channel}_{context}_{position}_product. */
  placementName?: string
  position?: string
  quantity?: number
  title?: string
}

/**
 * Block `sponsored-products-shelf`: the sponsored products of one placement, each rendered by the
 * theme's product-summary and tracked. Nothing at all until (and unless) there are ads.
 */
const SponsoredProductsShelf = ({ placementName, position = 'top-shelf', quantity = 4, title }: SponsoredProductsShelfProps) => {
  const { handles } = useCssHandles(SHELF_HANDLES)
  const ads = useSponsoredAds({ name: placementName, position, quantity, types: ['product'] })
  const skus = (ads || []).map((ad) => ad.productSku).filter((sku): sku is string => !!sku)
  const products = useProductsBySku(skus)
  const sponsored = useSponsoredText()
  const shown: Array<{ ad: SponsoredAd; product: CatalogProduct }> = []
  for (const ad of ads || []) {
    const product = ad.productSku && products ? productForSku(products, ad.productSku) : undefined
    if (product) shown.push({ ad, product })
  }
  if (shown.length === 0) return null
  const context = placementName || `${position}_product`
  return (
    <section className={handles.sponsoredShelf} aria-label={title ? `${title} (${sponsored})` : sponsored}>
      {title ? <h2 className={handles.sponsoredShelfTitle}>{title}</h2> : null}
      <div className={handles.sponsoredShelfItems} style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 16 }}>
        {shown.map(({ ad, product }) => (
          <SponsoredProductSummary key={ad.adId} ad={ad} product={product} context={context} classes={handles} />
        ))}
      </div>
    </section>
  )
}

SponsoredProductsShelf.schema = SHELF_SCHEMA

export default SponsoredProductsShelf
