import React, { ReactNode } from 'react'
import ProductSummaryContext from 'vtex.product-summary-context/ProductSummaryContext'
import { useCssHandles } from 'vtex.css-handles'

import AdTracker from '../components/AdTracker'
import { chooseBadge } from './badgeChoice'
import { SEARCH_BADGE_HANDLES } from './cssHandles'
import { useNativeSkus, useRegisterNativeSku } from './nativeSkus'
import SponsoredLabel from './SponsoredLabel'
import { trackerUrls } from './types'
import { useSponsoredAds } from './useSponsoredAds'
import { SEARCH_BADGES_SCHEMA } from './editorSchemas'

export interface SponsoredSearchBadgesProps {
  placementName?: string
  position?: string
  /** How many sponsored products to ask for: the results shown on one page. */
  quantity?: number
  children?: ReactNode
}

/**
 * Block `sponsored-search-badges`, inside the search results' `product-summary.shelf`, around the
 * summary's content. A sponsored product gets the "Sponsored" label and is tracked (impression,
 * view of the whole card, click); any other renders exactly as before but for one wrapping div,
 * the same for every product, so the theme's layout does not change with the ads. Every badge of
 * the page sends the same query: Apollo deduplicates identical queries in flight.
 */
const SponsoredSearchBadges = ({ placementName, position = 'search-results', quantity = 10, children }: SponsoredSearchBadgesProps) => {
  const { handles } = useCssHandles(SEARCH_BADGE_HANDLES)
  const { product } = ProductSummaryContext.useProductSummary()
  const ads = useSponsoredAds({ name: placementName, position, quantity, types: ['product'] })
  const nativeSkus = useNativeSkus()
  const choice = chooseBadge(product, ads, nativeSkus)
  useRegisterNativeSku(choice?.source === 'vtex-search' ? choice.sku : undefined)

  const body = (
    <div className={handles.searchBadge} data-ads-events-sponsored={choice ? choice.source : undefined} style={{ position: 'relative' }}>
      {choice ? <SponsoredLabel className={handles.sponsoredLabel} /> : null}
      {children}
    </div>
  )
  if (!choice) return body
  return (
    <AdTracker {...trackerUrls(choice.urls)} context={choice.source === 'vtex-search' ? 'vtex-search' : placementName || `${position}_product`}>
      {body}
    </AdTracker>
  )
}

SponsoredSearchBadges.schema = SEARCH_BADGES_SCHEMA

export default SponsoredSearchBadges
