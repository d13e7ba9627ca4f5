import React, { useEffect, useState } from 'react'
import ReactDOM from 'react-dom'
import { OrderFormProvider } from 'vtex.order-manager/OrderForm'

import AdTracker from '../../../react/AdTracker'
import PixelIdentity from '../../../react/PixelIdentity'
import { configureIdentity, whenIdentity } from '../../../react/identity/identity'
import { postPageView } from '../shims/pixelEvents'

/**
 * A page for browser tests and the bench: ads at exact pixel positions, so a test knows what
 * fraction of each is in the viewport. Configured by window.__FIXTURE__ (see FixtureConfig).
 */
export interface FixtureAd {
  id: string
  impression_url: string
  view_url: string
  click_url: string
  type?: string
  /** Absolute position and size in CSS px from the top of the page. */
  top: number
  height: number
  /** Where a click on the ad navigates (a plain link, as a product summary has). */
  href?: string
  /**
   * Also an "Add to cart" button that stops the click, as vtex.add-to-cart-button does by default
   * (preventDefault + stopPropagation), and a "Compare" checkbox in a label (a label click is two
   * click events), like a product card.
   */
  controls?: boolean
}

export interface FixtureConfig {
  ads: FixtureAd[]
  /** false renders the same ads without AdTracker (the bench's baseline). */
  tracked: boolean
  /**
   * Render the pixel (identity + orderForm bridge; it reads the store's consent setting from the
   * app's GraphQL). Without it the page stands in for the pixel's setting: `requireConsent`.
   */
  pixel: boolean
  requireConsent?: boolean
  /** Makes the page scrollable to this height (px). */
  pageHeight?: number
}

declare global {
  interface Window {
    __FIXTURE__: FixtureConfig
    /** Re-renders the whole tree with new props (tests: re-render must not re-fire). */
    __rerender?: () => void
    /** Resolves with the identity the tracker uses. */
    __identity?: () => Promise<unknown>
    /**
     * SPA navigation as Store Framework does it: history.pushState, render the new page (with or
     * without the ads), then post `vtex:pageView` on the pixel bus unless `announce` is false.
     */
    __navigate?: (path: string, options: { ads: boolean; announce?: boolean }) => void
    /** Shows or hides the ads without navigating (after history.back(), the page renders its ads again). */
    __showAds?: (ads: boolean) => void
    /** Main-thread time of mounting the ads: the ReactDOM.render call (render + commit) plus their passive effects, ms. */
    __mountMs?: number
  }
}

const AdBox = ({ ad, tracked, generation }: { ad: FixtureAd; tracked: boolean; generation: number }) => {
  const style = { position: 'absolute' as const, top: ad.top, left: 0, width: 300, height: ad.height, margin: 0 }
  const link = (
    <a id={ad.id} href={ad.href || '#'} style={{ display: 'block', height: ad.controls ? 100 : ad.height, background: '#cde' }} data-generation={generation}>
      {ad.id}
    </a>
  )
  const stop = (event: React.MouseEvent) => {
    event.preventDefault()
    event.stopPropagation()
  }
  const content = ad.controls ? (
    <div style={{ height: ad.height }}>
      {link}
      <button id={`${ad.id}-cart`} onClick={stop}>
        Add to cart
      </button>
      <label id={`${ad.id}-compare`}>
        <input type="checkbox" /> Compare
      </label>
    </div>
  ) : (
    link
  )
  if (!tracked) return <div style={style}>{content}</div>
  return (
    <div style={style}>
      <AdTracker impression_url={ad.impression_url} view_url={ad.view_url} click_url={ad.click_url} type={ad.type}>
        {content}
      </AdTracker>
    </div>
  )
}

let renderMs = 0
let effectsStart = 0

/**
 * Rendered before and after the ads: passive effects run in tree order, after the browser
 * may have painted, so the effects' own span is measured between these two, leaving out the
 * paint gap (which depends on the frame schedule, not on our code).
 */
const EffectsStart = () => {
  useEffect(() => {
    effectsStart = performance.now()
  }, [])
  return null
}
const EffectsEnd = () => {
  useEffect(() => {
    window.__mountMs = renderMs + (performance.now() - effectsStart)
  }, [])
  return null
}

const Page = ({ config }: { config: FixtureConfig }) => {
  const [generation, setGeneration] = useState(0)
  const [adsShown, setAdsShown] = useState(true)
  window.__rerender = () => setGeneration((g) => g + 1)
  window.__showAds = (ads) => (ReactDOM as unknown as { flushSync: (work: () => void) => void }).flushSync(() => setAdsShown(ads))
  window.__navigate = (path, { ads, announce = true }) => {
    history.pushState(null, '', path)
    // react-dom 16.9 has flushSync; its 16.9 type declarations do not.
    ;(ReactDOM as unknown as { flushSync: (work: () => void) => void }).flushSync(() => setAdsShown(ads))
    if (announce) postPageView()
  }
  return (
    <OrderFormProvider>
      {config.pixel ? <PixelIdentity /> : null}
      {config.pageHeight ? <div style={{ height: config.pageHeight }} /> : null}
      <EffectsStart />
      {(adsShown ? config.ads : []).map((ad) => (
        <AdBox key={ad.id} ad={ad} tracked={config.tracked} generation={generation} />
      ))}
      <EffectsEnd />
    </OrderFormProvider>
  )
}

// A link opened in a new tab (middle or modifier click) loads this page without a configuration: it stays empty.
if (window.__FIXTURE__) {
  window.__identity = whenIdentity
  if (!window.__FIXTURE__.pixel) configureIdentity({ requireConsent: window.__FIXTURE__.requireConsent === true })
  const renderStart = performance.now()
  ReactDOM.render(<Page config={window.__FIXTURE__} />, document.getElementById('root'))
  renderMs = performance.now() - renderStart
}
