import React from 'react'
import { ExtensionPoint } from 'vtex.render-runtime'
import ProductSummary from 'vtex.product-summary/ProductSummaryCustom'

import AdTracker from '../components/AdTracker'
import SponsoredLabel from './SponsoredLabel'
import type { ItemClasses } from './cssHandles'
import type { AdUrls } from './types'
import { trackerUrls } from './types'
import type { CatalogProduct } from './useProductsBySku'

/** One advertised product: the theme's product-summary, marked and tracked with the ad's own URLs. */
const SponsoredProductSummary = ({ product, ad, context, classes }: { product: CatalogProduct; ad: AdUrls; context: string; classes: ItemClasses }) => (
  <AdTracker {...trackerUrls(ad)} context={context}>
    <div className={classes.sponsoredItem} style={{ position: 'relative' }}>
      <SponsoredLabel className={classes.sponsoredLabel} />
      <ExtensionPoint id="product-summary" product={ProductSummary.mapCatalogProductToProductSummary(product)} />
    </div>
  </AdTracker>
)

export default SponsoredProductSummary
