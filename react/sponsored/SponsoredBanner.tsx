import React from 'react'
import { useRuntime } from 'vtex.render-runtime'
import { useCssHandles } from 'vtex.css-handles'

import AdTracker from '../components/AdTracker'
import { pickCreative } from './creative'
import { BANNER_HANDLES } from './cssHandles'
import { bannerSchema } from './editorSchemas'
import { FallbackSlot, useHasFallback } from './fallback'
import SponsoredLabel, { useSponsoredText } from './SponsoredLabel'
import { SwitchedOff } from './switchedOff'
import { trackerUrls } from './types'
import { useReservedSpace } from './useReservedSpace'
import { useSponsoredAds } from './useSponsoredAds'

export interface SponsoredBannerProps {
  /** Site Editor switch (default on): off, the block renders nothing and asks Get ads for nothing (the debug overlay names it). */
  active?: boolean
  placementName?: string
  position?: string
  /** The creative's box on desktop and mobile (IAB sizes: billboard 970×250, mobile banner 320×100). */
  desktopWidth?: number
  desktopHeight?: number
  mobileWidth?: number
  mobileHeight?: number
  /** Accept video creatives too (muted, looping, inline). */
  allowVideo?: boolean
}

const POSITION = 'middle'
const FILL = { width: '100%', height: '100%', objectFit: 'cover' as const, display: 'block' }

/**
 * Block `sponsored-banner`: one banner ad. Its box, with the creative's proportions, is there from
 * the first render (server-side too): the ad and its image fill it in place; without an ad it shows
 * the theme's fallback blocks in that same box, or, without a fallback, is given back without a
 * visible shift (useReservedSpace). The "Sponsored" label sits over the creative's corner and
 * starts the link's accessible name ("Sponsored Summer sale"), once.
 */
const Banner = ({ placementName, position = POSITION, desktopWidth = 970, desktopHeight = 250, mobileWidth = 320, mobileHeight = 100, allowVideo = false }: SponsoredBannerProps) => {
  const { handles } = useCssHandles(BANNER_HANDLES)
  const isMobile = useRuntime().deviceInfo?.isMobile === true
  const [width, height] = isMobile ? [mobileWidth, mobileHeight] : [desktopWidth, desktopHeight]
  const ads = useSponsoredAds({ name: placementName, position, quantity: 1, types: ['banner'], size: isMobile ? 'mobile' : 'desktop', assetTypes: allowVideo ? ['image', 'video'] : undefined })
  const sponsored = useSponsoredText()
  const ad = ads ? ads[0] : undefined
  const creative = ad && pickCreative(ad, width, height)
  const shown = ad && creative && (!creative.video || allowVideo) ? { ad, creative } : undefined
  const settledEmpty = ads === null || (ads !== undefined && !shown)
  const fallback = useHasFallback() && settledEmpty
  const { ref, collapsed } = useReservedSpace<HTMLDivElement>(settledEmpty && !fallback)
  if (collapsed) return null

  const box = { position: 'relative' as const, display: 'block', width: '100%', height: '100%' }
  let content = fallback ? <FallbackSlot className={handles.sponsoredFallback} /> : null
  if (shown) {
    const alt = shown.ad.alt || ''
    const media = shown.creative.video ? (
      <video className={handles.sponsoredBannerMedia} src={shown.creative.url} style={FILL} width={width} height={height} muted autoPlay loop playsInline aria-hidden />
    ) : (
      <img className={handles.sponsoredBannerMedia} src={shown.creative.url} style={FILL} width={width} height={height} alt={alt} />
    )
    const inner = (
      <>
        <SponsoredLabel className={handles.sponsoredLabel} overlay />
        {media}
      </>
    )
    content = (
      <AdTracker {...trackerUrls(shown.ad, shown.creative.video ? 'video' : undefined)} context={placementName || `${position}_banner`}>
        {shown.ad.destinationUrl ? (
          <a href={shown.ad.destinationUrl} style={box} aria-label={shown.creative.video && alt ? `${alt} ${sponsored}` : undefined}>
            {inner}
          </a>
        ) : (
          <div role="img" tabIndex={0} aria-label={alt ? `${alt} ${sponsored}` : sponsored} style={box}>
            {inner}
          </div>
        )}
      </AdTracker>
    )
  }
  return (
    <div ref={ref} className={handles.sponsoredBanner} style={{ position: 'relative', width: '100%', maxWidth: width, aspectRatio: `${width} / ${height}`, overflow: 'hidden' }}>
      {content}
    </div>
  )
}

const SponsoredBanner = (props: SponsoredBannerProps) =>
  props.active === false ? <SwitchedOff line={`sponsored-banner ${props.placementName || props.position || POSITION}`} /> : <Banner {...props} />

SponsoredBanner.schema = bannerSchema()

export default SponsoredBanner
