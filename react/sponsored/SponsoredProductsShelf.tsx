import React from 'react'
import { useRuntime } from 'vtex.render-runtime'
import { useCssHandles } from 'vtex.css-handles'

import { SHELF_HANDLES } from './cssHandles'
import { shelfSchema } from './editorSchemas'
import { FallbackSlot, useHasFallback } from './fallback'
import { PRODUCT_ROW_STYLE, shownProducts } from './productRow'
import SponsoredProductSummary from './SponsoredProductSummary'
import { useSponsoredText } from './SponsoredLabel'
import { SwitchedOff } from './switchedOff'
import { useProductsBySku } from './useProductsBySku'
import { useReservedSpace } from './useReservedSpace'
import { useSponsoredAds } from './useSponsoredAds'

export interface SponsoredProductsShelfProps {
  /** Site Editor switch (default on): off, the block renders nothing and asks Get ads for nothing (the debug overlay names it). */
  active?: boolean
  /** Placement name as agreed with VTEX Ads; default {channel}_{context}_{position}_product. */
  placementName?: string
  position?: string
  quantity?: number
  title?: string
  /** The block's height before the ads arrive (title and one row of the theme's summaries), desktop and phone. */
  minHeight?: number
  mobileMinHeight?: number
}

const POSITION = 'top-shelf'

/**
 * Block `sponsored-products-shelf`: the sponsored products of one placement, each rendered by the
 * theme's product-summary and tracked. Its space is reserved from the first render (server-side
 * too) from its props and filled in place when the ads come; when none come it shows the theme's
 * fallback blocks in that space, or, without a fallback, gives it back without a visible shift
 * (useReservedSpace).
 */
const Shelf = ({ placementName, position = POSITION, quantity = 4, title, minHeight = 360, mobileMinHeight = 340 }: SponsoredProductsShelfProps) => {
  const { handles } = useCssHandles(SHELF_HANDLES)
  const isMobile = useRuntime().deviceInfo?.isMobile === true
  const sponsored = useSponsoredText()
  const ads = useSponsoredAds({ name: placementName, position, quantity, types: ['product'] })
  const products = useProductsBySku(ads ? ads.map((ad) => ad.productSku || '').filter(Boolean) : [])
  const shown = ads && products ? shownProducts(ads, products) : []
  const settledEmpty = ads === null || (products !== undefined && shown.length === 0)
  const fallback = useHasFallback() && settledEmpty
  const { ref, collapsed } = useReservedSpace<HTMLElement>(settledEmpty && !fallback)
  if (collapsed) return null
  const context = placementName || `${position}_product`
  // The fallback is the theme's own content: the box no longer says "Sponsored", and the title goes with the ads.
  return (
    <section ref={ref} className={handles.sponsoredShelf} aria-label={fallback ? undefined : title || sponsored} style={{ position: 'relative', minHeight: isMobile ? mobileMinHeight : minHeight }}>
      {title && !fallback ? <h2 className={handles.sponsoredShelfTitle}>{title}</h2> : null}
      {shown.length > 0 ? (
        <ul className={handles.sponsoredShelfItems} style={PRODUCT_ROW_STYLE}>
          {shown.map(({ ad, product }) => (
            <li key={ad.adId}>
              <SponsoredProductSummary ad={ad} product={product} context={context} classes={handles} />
            </li>
          ))}
        </ul>
      ) : null}
      {fallback ? <FallbackSlot className={handles.sponsoredFallback} /> : null}
    </section>
  )
}

const SponsoredProductsShelf = (props: SponsoredProductsShelfProps) =>
  props.active === false ? <SwitchedOff line={`sponsored-products-shelf ${props.placementName || props.position || POSITION}`} /> : <Shelf {...props} />

SponsoredProductsShelf.schema = shelfSchema()

export default SponsoredProductsShelf
