import React from 'react'
import { useRuntime } from 'vtex.render-runtime'
import { useCssHandles } from 'vtex.css-handles'

import AdTracker from '../components/AdTracker'
import { pickCreative } from './creative'
import { BRAND_HANDLES } from './cssHandles'
import SponsoredLabel, { useSponsoredText } from './SponsoredLabel'
import SponsoredProductSummary from './SponsoredProductSummary'
import { trackerUrls } from './types'
import { productForSku, useProductsBySku } from './useProductsBySku'
import { useSponsoredAds } from './useSponsoredAds'
import { BRAND_SCHEMA } from './editorSchemas'

export interface SponsoredBrandProps {
  placementName?: string
  position?: string
  /** The brand creative's box (its aspect ratio is reserved before it loads). */
  width?: number
  height?: number
  /** How many of the brand's products to show beside the creative. */
  productQuantity?: number
}

/**
 * Block `sponsored-brand`: a sponsored-brand ad, its creative (tracked with the ad's URLs) and its
 * products through the theme's product-summary (each tracked with its own URLs from the answer).
 */
const SponsoredBrand = ({ placementName, position = 'top', width = 600, height = 200, productQuantity = 3 }: SponsoredBrandProps) => {
  const { handles } = useCssHandles(BRAND_HANDLES)
  const isMobile = useRuntime().deviceInfo?.isMobile === true
  const ads = useSponsoredAds({ name: placementName, position, quantity: 1, types: ['sponsored_brand'], size: isMobile ? 'mobile' : 'desktop' })
  const ad = ads?.[0]
  const brandProducts = (ad?.products || []).slice(0, productQuantity)
  const products = useProductsBySku(brandProducts.map((product) => product.productSku))
  const sponsored = useSponsoredText()
  const creative = ad && pickCreative(ad, width, height)
  if (!ad || (!creative && brandProducts.length === 0)) return null

  const context = placementName || `${position}_sponsored_brand`
  const label = `${ad.headline || ad.brandName || ad.alt || ''} (${sponsored})`.trim()
  const box = { position: 'relative' as const, display: 'block', width: '100%', maxWidth: width, aspectRatio: `${width} / ${height}`, overflow: 'hidden' }
  return (
    <section className={handles.sponsoredBrand} aria-label={label}>
      {creative && !creative.video ? (
        <AdTracker {...trackerUrls(ad)} context={context}>
          {ad.destinationUrl ? (
            <a className={handles.sponsoredBrandCreative} href={ad.destinationUrl} style={box}>
              <img src={creative.url} alt={ad.alt || ad.brandName || sponsored} width={width} height={height} style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }} />
              <SponsoredLabel className={handles.sponsoredLabel} />
            </a>
          ) : (
            <div className={handles.sponsoredBrandCreative} style={box}>
              <img src={creative.url} alt={ad.alt || ad.brandName || sponsored} width={width} height={height} style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }} />
              <SponsoredLabel className={handles.sponsoredLabel} />
            </div>
          )}
        </AdTracker>
      ) : null}
      <div className={handles.sponsoredBrandProducts} style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 16 }}>
        {brandProducts.map((brandProduct) => {
          const product = products && productForSku(products, brandProduct.productSku)
          return product ? <SponsoredProductSummary key={brandProduct.productSku} ad={brandProduct} product={product} context={context} classes={handles} /> : null
        })}
      </div>
    </section>
  )
}

SponsoredBrand.schema = BRAND_SCHEMA

export default SponsoredBrand
