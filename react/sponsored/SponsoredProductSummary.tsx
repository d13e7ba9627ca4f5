import React from 'react'
import { ExtensionPoint } from 'vtex.render-runtime'
import ProductSummary from 'vtex.product-summary/ProductSummaryCustom'

import AdTracker from '../components/AdTracker'
import type { ItemClasses } from './cssHandles'
import { useLabelId, useSponsoredDisclosure } from './disclosure'
import SponsoredLabel from './SponsoredLabel'
import type { AdUrls } from './types'
import { trackerUrls } from './types'
import type { CatalogProduct } from './useProductsBySku'

/**
 * One advertised product: the theme's product-summary under a visible "Sponsored" label, tracked
 * with the ad's own URLs. Each of the summary's links says "Sponsored" in its accessible name and
 * each button in its description (disclosure.ts); the label itself is hidden from screen readers,
 * so they hear it once per link or button, and the item is no named group.
 */
const SponsoredProductSummary = ({ product, ad, context, classes }: { product: CatalogProduct; ad: AdUrls; context: string; classes: ItemClasses }) => {
  const labelId = useLabelId()
  useSponsoredDisclosure(labelId, true)
  return (
    <AdTracker {...trackerUrls(ad)} context={context}>
      <div className={classes.sponsoredItem}>
        <SponsoredLabel className={classes.sponsoredLabel} hidden id={labelId} />
        <ExtensionPoint id="product-summary" product={ProductSummary.mapCatalogProductToProductSummary(product)} />
      </div>
    </AdTracker>
  )
}

export default SponsoredProductSummary
