import React from 'react'
import { useRuntime } from 'vtex.render-runtime'
import { useCssHandles } from 'vtex.css-handles'

import AdTracker from '../components/AdTracker'
import { pickCreative } from './creative'
import { BANNER_HANDLES } from './cssHandles'
import SponsoredLabel, { useSponsoredText } from './SponsoredLabel'
import { trackerUrls } from './types'
import { useSponsoredAds } from './useSponsoredAds'
import { BANNER_SCHEMA } from './editorSchemas'

export interface SponsoredBannerProps {
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

/**
 * Block `sponsored-banner`: one banner ad. Its box has the creative's aspect ratio before the media
 * loads, so the image or video arriving never moves the page; without an ad it renders nothing.
 */
const SponsoredBanner = ({ placementName, position = 'middle', desktopWidth = 970, desktopHeight = 250, mobileWidth = 320, mobileHeight = 100, allowVideo = false }: SponsoredBannerProps) => {
  const { handles } = useCssHandles(BANNER_HANDLES)
  const isMobile = useRuntime().deviceInfo?.isMobile === true
  const [width, height] = isMobile ? [mobileWidth, mobileHeight] : [desktopWidth, desktopHeight]
  const ads = useSponsoredAds({ name: placementName, position, quantity: 1, types: ['banner'], size: isMobile ? 'mobile' : 'desktop', assetTypes: allowVideo ? ['image', 'video'] : undefined })
  const sponsored = useSponsoredText()
  const ad = ads?.[0]
  const creative = ad && pickCreative(ad, width, height)
  if (!ad || !creative || (creative.video && !allowVideo)) return null

  const label = ad.alt ? `${ad.alt} (${sponsored})` : sponsored
  const box = { position: 'relative' as const, display: 'block', width: '100%', maxWidth: width, aspectRatio: `${width} / ${height}`, overflow: 'hidden' }
  const fill = { width: '100%', height: '100%', objectFit: 'cover' as const, display: 'block' }
  const media = creative.video ? (
    <video src={creative.url} style={fill} width={width} height={height} muted autoPlay loop playsInline aria-label={label} />
  ) : (
    <img src={creative.url} style={fill} width={width} height={height} alt={label} />
  )
  const content = (
    <>
      {media}
      <SponsoredLabel className={handles.sponsoredLabel} />
    </>
  )
  return (
    <AdTracker {...trackerUrls(ad, creative.video ? 'video' : undefined)} context={placementName || `${position}_banner`}>
      {ad.destinationUrl ? (
        <a className={handles.sponsoredBanner} href={ad.destinationUrl} style={box}>
          {content}
        </a>
      ) : (
        <div className={handles.sponsoredBanner} role="img" aria-label={label} style={box}>
          {content}
        </div>
      )}
    </AdTracker>
  )
}

SponsoredBanner.schema = BANNER_SCHEMA

export default SponsoredBanner
