import React from 'react'
import { ExtensionPoint } from 'vtex.render-runtime'
import ProductSummary from 'vtex.product-summary/ProductSummaryCustom'

import AdTracker from '../components/AdTracker'
import type { ItemClasses } from './cssHandles'
import SponsoredLabel, { useSponsoredText } from './SponsoredLabel'
import type { AdUrls } from './types'
import { trackerUrls } from './types'
import type { CatalogProduct } from './useProductsBySku'

/**
 * One advertised product: the theme's product-summary under a visible "Sponsored" label, tracked
 * with the ad's own URLs. The item is a group named "Sponsored: <product>", which screen readers
 * announce once (the visible label is hidden from them for that reason).
 */
const SponsoredProductSummary = ({ product, ad, context, classes }: { product: CatalogProduct; ad: AdUrls; context: string; classes: ItemClasses }) => {
  const sponsored = useSponsoredText()
  const name = typeof product.productName === 'string' ? product.productName : ''
  return (
    <AdTracker {...trackerUrls(ad)} context={context}>
      <div className={classes.sponsoredItem} role="group" aria-label={name ? `${sponsored}: ${name}` : sponsored}>
        <SponsoredLabel className={classes.sponsoredLabel} hidden />
        <ExtensionPoint id="product-summary" product={ProductSummary.mapCatalogProductToProductSummary(product)} />
      </div>
    </AdTracker>
  )
}

export default SponsoredProductSummary
