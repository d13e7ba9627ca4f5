import React from 'react'
import { useRuntime } from 'vtex.render-runtime'
import { useCssHandles } from 'vtex.css-handles'

import AdTracker from '../components/AdTracker'
import { pickCreative } from './creative'
import { BRAND_HANDLES } from './cssHandles'
import { brandSchema } from './editorSchemas'
import { FallbackSlot, useHasFallback } from './fallback'
import { PRODUCT_ROW_STYLE, shownProducts } from './productRow'
import SponsoredLabel, { useSponsoredText } from './SponsoredLabel'
import SponsoredProductSummary from './SponsoredProductSummary'
import { SwitchedOff } from './switchedOff'
import { trackerUrls } from './types'
import { useProductsBySku } from './useProductsBySku'
import { useReservedSpace } from './useReservedSpace'
import { useSponsoredAds } from './useSponsoredAds'

export interface SponsoredBrandProps {
  /** Site Editor switch (default on): off, the block renders nothing and asks Get ads for nothing (the debug overlay names it). */
  active?: boolean
  placementName?: string
  position?: string
  /** The brand creative's box (its proportions are reserved before it loads). */
  width?: number
  height?: number
  /** How many of the brand's products to show under the creative. */
  productQuantity?: number
  /** Height reserved for the row of products before they arrive. */
  productsMinHeight?: number
}

const POSITION = 'top'
const FILL = { width: '100%', height: '100%', objectFit: 'cover' as const, display: 'block' }

/**
 * Block `sponsored-brand`: a sponsored-brand ad, its creative (tracked with the ad's URLs) and its
 * products through the theme's product-summary (each tracked with its own URLs from the answer).
 * The creative's box and the products' row are reserved from the first render; without an ad they
 * hold the theme's fallback blocks, or are given back without a visible shift.
 */
const Brand = ({ placementName, position = POSITION, width = 600, height = 200, productQuantity = 3, productsMinHeight = 340 }: SponsoredBrandProps) => {
  const { handles } = useCssHandles(BRAND_HANDLES)
  const isMobile = useRuntime().deviceInfo?.isMobile === true
  const sponsored = useSponsoredText()
  const ads = useSponsoredAds({ name: placementName, position, quantity: 1, types: ['sponsored_brand'], size: isMobile ? 'mobile' : 'desktop' })
  const ad = ads ? ads[0] : undefined
  const brandProducts = ad ? ad.products.slice(0, productQuantity) : []
  const products = useProductsBySku(brandProducts.map((product) => product.productSku))
  const creative = ad && pickCreative(ad, width, height)
  const image = creative && !creative.video ? creative : undefined
  const shown = brandProducts.length > 0 && products ? shownProducts(brandProducts, products) : []
  const settledEmpty = ads === null || (ad !== undefined && !image && (brandProducts.length === 0 || (products !== undefined && shown.length === 0)))
  const fallback = useHasFallback() && settledEmpty
  const { ref, collapsed } = useReservedSpace<HTMLElement>(settledEmpty && !fallback)
  if (collapsed) return null

  const context = placementName || `${position}_sponsored_brand`
  const name = ad ? ad.headline || ad.brandName || ad.alt || '' : ''
  const box = { position: 'relative' as const, display: 'block', width: '100%', height: '100%' }
  const creativeContent = image && ad && (
    <>
      <SponsoredLabel className={handles.sponsoredLabel} overlay />
      <img src={image.url} alt={ad.alt || ad.brandName || ''} width={width} height={height} style={FILL} />
    </>
  )
  return (
    <section ref={ref} className={handles.sponsoredBrand} aria-label={fallback ? undefined : name || sponsored} style={{ position: 'relative' }}>
      <div className={handles.sponsoredBrandCreative} style={{ position: 'relative', width: '100%', maxWidth: width, aspectRatio: `${width} / ${height}`, overflow: 'hidden' }}>
        {ad && creativeContent ? (
          <AdTracker {...trackerUrls(ad)} context={context}>
            {ad.destinationUrl ? (
              <a href={ad.destinationUrl} style={box}>
                {creativeContent}
              </a>
            ) : (
              <div role="img" tabIndex={0} aria-label={`${sponsored} ${ad.alt || ad.brandName || ''}`.trim()} style={box}>
                {creativeContent}
              </div>
            )}
          </AdTracker>
        ) : null}
      </div>
      {productQuantity > 0 ? (
        <ul className={handles.sponsoredBrandProducts} style={{ ...PRODUCT_ROW_STYLE, minHeight: productsMinHeight, marginTop: 16 }}>
          {shown.map(({ ad: brandProduct, product }) => (
            <li key={brandProduct.productSku}>
              <SponsoredProductSummary ad={brandProduct} product={product} context={context} classes={handles} />
            </li>
          ))}
        </ul>
      ) : null}
      {/* Last, so it paints over the empty reserved boxes (the creative's is positioned). */}
      {fallback ? <FallbackSlot className={handles.sponsoredFallback} /> : null}
    </section>
  )
}

const SponsoredBrand = (props: SponsoredBrandProps) =>
  props.active === false ? <SwitchedOff line={`sponsored-brand ${props.placementName || props.position || POSITION}`} /> : <Brand {...props} />

SponsoredBrand.schema = brandSchema()

export default SponsoredBrand
