import { currentDemoPage } from './demoPage'

/**
 * The pixel events the sandbox posts, as a real store posts them (realShapes.ts records the
 * payload). Follows:
 * - vtex-apps/store@2.147.0 (f98a6db): react/components/PageViewPixel.tsx, react/StoreWrapper.js
 * - vtex-apps/pixel-manager@1.9.0 (b9671b1): react/PixelContext.tsx
 *
 * StoreWrapper's PageViewPixel (and the search and product wrappers, which set the title late)
 * pushes `{event: 'pageView', pageTitle, pageUrl, referrer, accountName, routeId}` once per page
 * view; pixel-manager's PixelProvider adds the store's `currency` and `eventName: 'vtex:pageView'`
 * and posts it with `window.postMessage(data, window.origin)`, the bus every pixel app listens to.
 * The referrer is undefined when it is the store itself.
 */
export const SANDBOX_ACCOUNT = 'sandbox'
export const SANDBOX_CURRENCY = 'USD'

export interface PageViewData {
  currency: string
  eventName: 'vtex:pageView'
  event: 'pageView'
  pageTitle: string
  pageUrl: string
  referrer?: string
  accountName: string
  routeId: string
}

/** The `vtex:pageView` message data for the current page (pure but for what it reads of the document). */
export const pageViewData = (): PageViewData => {
  const external = document.referrer.indexOf(location.origin) === 0 ? undefined : document.referrer
  return {
    currency: SANDBOX_CURRENCY,
    eventName: 'vtex:pageView',
    event: 'pageView',
    pageTitle: document.title,
    pageUrl: location.href,
    referrer: external,
    accountName: SANDBOX_ACCOUNT,
    routeId: currentDemoPage().route.id,
  }
}

/** Posts the page view on the pixel bus, as pixel-manager does. */
export const postPageView = () => window.postMessage(pageViewData(), window.origin)
