import React, { ReactNode, useCallback } from 'react'
import ProductSummaryContext from 'vtex.product-summary-context/ProductSummaryContext'
import { useCssHandles } from 'vtex.css-handles'

import { useAdEvents } from '../tracking/useAdEvents'
import { chooseBadge } from './badgeChoice'
import { SEARCH_BADGE_HANDLES } from './cssHandles'
import { useLabelId, useSponsoredDisclosure } from './disclosure'
import { searchBadgesSchema } from './editorSchemas'
import { useNativeSkus, useRegisterNativeSku } from './nativeSkus'
import SponsoredLabel from './SponsoredLabel'
import { SwitchedOff } from './switchedOff'
import { trackerUrls } from './types'
import { useSponsoredAds } from './useSponsoredAds'

export interface SponsoredSearchBadgesProps {
  /** Site Editor switch (default on): off, the summary renders as if the block were not there (the debug overlay names it). */
  active?: boolean
  placementName?: string
  position?: string
  /** How many sponsored products to ask for: the results shown on one page. */
  quantity?: number
  children?: ReactNode
}

const POSITION = 'search-results'

/**
 * Block `sponsored-search-badges`, inside the search results' `product-summary.shelf`, around the
 * summary's content. It leaves the theme's card layout exactly as it was:
 * - its wrapper is `display: contents`, so it makes no box: the summary's children stay the card's
 *   own flex or grid items (a wrapping box would break the theme's layout);
 * - the "Sponsored" label is absolutely positioned at its static place, the card's top-left, so it
 *   takes no space and moves nothing.
 * A sponsored product is tracked as the whole card (the wrapper's parent: the box it has), gets the
 * label, and every link and button of the card says "Sponsored" (disclosure.ts). Every badge of a
 * page asks for the same placement: the page's one ad query asks it once.
 */
const Badges = ({ placementName, position = POSITION, quantity = 10, children }: SponsoredSearchBadgesProps) => {
  const { handles } = useCssHandles(SEARCH_BADGE_HANDLES)
  // Outside a product summary there is none (the real context has no default): nothing is marked.
  const summary = ProductSummaryContext.useProductSummary()
  const product = summary && summary.product
  const ads = useSponsoredAds({ name: placementName, position, quantity, types: ['product'] })
  const nativeSkus = useNativeSkus()
  const choice = chooseBadge(product, ads || undefined, nativeSkus)
  useRegisterNativeSku(choice && choice.source === 'vtex-search' ? choice.sku : undefined)
  const track = useAdEvents(choice ? trackerUrls(choice.urls) : {}, choice && choice.source === 'vtex-search' ? 'vtex-search' : placementName || `${position}_product`)
  const trackCard = useCallback((wrapper: HTMLDivElement | null) => track(wrapper && (wrapper.parentElement as HTMLDivElement | null)), [track])
  const labelId = useLabelId()
  useSponsoredDisclosure(labelId, !!choice, 2)

  return (
    <div ref={choice ? trackCard : undefined} className={handles.searchBadge} data-ads-events-sponsored={choice ? choice.source : undefined} style={{ display: 'contents' }}>
      {choice ? <SponsoredLabel className={handles.sponsoredLabel} overlay hidden id={labelId} /> : null}
      {children}
    </div>
  )
}

/** Off in the Site Editor: only the summary's own content, no query, no label, nothing tracked. */
const SponsoredSearchBadges = (props: SponsoredSearchBadgesProps) =>
  props.active === false ? (
    <SwitchedOff line={`sponsored-search-badges ${props.placementName || props.position || POSITION}`}>
      {props.children}
    </SwitchedOff>
  ) : (
    <Badges {...props} />
  )

SponsoredSearchBadges.schema = searchBadgesSchema()

export default SponsoredSearchBadges
