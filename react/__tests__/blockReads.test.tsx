/**
 * Our blocks read from vtex.* modules only what sandbox/storefront/shims/realShapes.ts records, the
 * fields the real apps provide: every block is mounted on every kind of page, on stand-ins whose
 * values note each field read (readTracker.ts), and each noted path must be one the record holds.
 * A block that starts reading a field the real app does not give (or that nobody recorded) fails
 * here, named by its path; the stand-ins' own reads are held to the same record.
 */
import React from 'react'
import { act, render } from '@testing-library/react'
import ProductSummary from 'vtex.product-summary/ProductSummaryCustom'

import PixelIdentity from '../PixelIdentity'
import SponsoredBanner from '../SponsoredBanner'
import SponsoredBrand from '../SponsoredBrand'
import SponsoredProductsShelf from '../SponsoredProductsShelf'
import SponsoredSearchBadges from '../SponsoredSearchBadges'
import { configureIdentity } from '../identity/identity'
import { firstInPageView } from '../tracking/pageView'
import { FakeIntersectionObserver } from '../tracking/__tests__/fakeIntersectionObserver'
import { pageViewData } from '../../sandbox/storefront/shims/pixelEvents'
import { REAL_MODULES, REAL_PIXEL_EVENTS, realModule } from '../../sandbox/storefront/shims/realShapes'
import { shapeAt } from '../../sandbox/storefront/shims/shapes'
import { reads, watch, watchedModules } from './readTracker'

/* eslint-disable @typescript-eslint/no-require-imports */
jest.mock('vtex.render-runtime', () => require('./readTracker').watchModule('vtex.render-runtime'))
jest.mock('vtex.css-handles', () => require('./readTracker').watchModule('vtex.css-handles'))
jest.mock('vtex.order-manager/OrderForm', () => require('./readTracker').watchModule('vtex.order-manager/OrderForm'))
jest.mock('vtex.product-summary/ProductSummaryCustom', () =>
  require('./readTracker').watchModule('vtex.product-summary/ProductSummaryCustom')
)
jest.mock('vtex.product-summary-context/ProductSummaryContext', () =>
  require('./readTracker').watchModule('vtex.product-summary-context/ProductSummaryContext')
)
jest.mock('vtex.product-context', () => require('./readTracker').watchModule('vtex.product-context'))
jest.mock('vtex.search-page-context/SearchPageContext', () =>
  require('./readTracker').watchModule('vtex.search-page-context/SearchPageContext')
)
const { mockOrderForm } = require('vtex.order-manager/OrderForm') as typeof import('../__mocks__/vtex.order-manager/OrderForm')
/* eslint-enable @typescript-eslint/no-require-imports */

// The page's environment: a shared IntersectionObserver, beacons, the session API (a known shopper), no consent required.
;(global as unknown as { IntersectionObserver: unknown }).IntersectionObserver = FakeIntersectionObserver
Object.defineProperty(navigator, 'sendBeacon', { configurable: true, value: () => true })
global.fetch = jest
  .fn()
  .mockResolvedValue({
    ok: true,
    json: async () => ({ namespaces: { profile: { id: { value: 'u1' }, isAuthenticated: { value: 'true' } } } }),
  })
configureIdentity({ requireConsent: false })

/** search-graphql's Product as productsBySku.gql asks for it. */
const catalogProduct = (sku: string) => ({
  cacheId: `sp-${sku}`,
  productId: `p${sku}`,
  productName: `Product ${sku}`,
  brand: 'TrailCo',
  linkText: `product-${sku}`,
  link: `/product-${sku}/p`,
  items: [
    {
      itemId: sku,
      name: sku,
      images: [],
      sellers: [{ sellerId: '1', commertialOffer: { Price: 10, ListPrice: 12, AvailableQuantity: 5 } }],
    },
  ],
  priceRange: { sellingPrice: { highPrice: 10, lowPrice: 10 }, listPrice: { highPrice: 12, lowPrice: 12 } },
})
const urls = (id: string) => ({ impressionUrl: `https://e/i/${id}`, viewUrl: `https://e/v/${id}`, clickUrl: `https://e/c/${id}` })
const none = {
  productSku: null,
  mediaUrl: null,
  assetType: null,
  assets: [],
  destinationUrl: null,
  alt: null,
  brandName: null,
  headline: null,
  products: [],
}
const adOfType = (type: string, index: number) => {
  const id = `${type}-${index}`
  if (type === 'banner')
    return { ...none, adId: id, type, mediaUrl: 'https://cdn.example/b.png', alt: 'Sale', destinationUrl: '/sale', ...urls(id) }
  if (type === 'sponsored_brand')
    return {
      ...none,
      adId: id,
      type,
      mediaUrl: 'https://cdn.example/brand.png',
      alt: 'TrailCo',
      brandName: 'TrailCo',
      headline: 'Trail gear',
      destinationUrl: '/trailco',
      products: [{ productSku: '2001', name: 'Product 2001', imageUrl: null, destinationUrl: null, ...urls(`${id}-2001`) }],
      ...urls(id),
    }
  return { ...none, adId: id, type, productSku: '2001', ...urls(id) }
}

/** The app's GraphQL as the blocks ask it (the react-apollo stand-in's transport). */
;(window as Window & { __SANDBOX_GRAPHQL__?: unknown }).__SANDBOX_GRAPHQL__ = async (query: string, variables: Record<string, unknown>) => {
  if (query.includes('adsEventsPublicConfig')) return { data: { adsEventsPublicConfig: { requireConsent: false } } }
  if (query.includes('productsByIdentifier'))
    return { data: { productsByIdentifier: ((variables.values as string[]) || []).map(catalogProduct) } }
  const placements = ((variables.input as { placements: Array<{ name?: string; types: string[] }> }).placements || []).map(
    (placement, index) => ({
      name: placement.name || `placement-${index}`,
      ads: [adOfType(placement.types[0], index)],
    })
  )
  return { data: { sponsoredAds: { placements } } }
}

const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 30)))
const goTo = (url: string) => window.history.replaceState(null, '', url)

/** VTEX's own sponsored copy in search results (@vtex/ads-core's advertisement, put there by search-result). */
const nativeSponsored = {
  ...catalogProduct('2004'),
  advertisement: {
    eventUrls: { impression: 'https://e/i/n', view: 'https://e/v/n', click: 'https://e/c/n' },
    eventParameters: 'aHR0cHM6Ly9lL2kvbg==',
  },
}

const Page = () => (
  <>
    <PixelIdentity />
    <SponsoredBanner />
    <SponsoredBrand />
    <SponsoredProductsShelf />
    <ProductSummary product={ProductSummary.mapCatalogProductToProductSummary(nativeSponsored)}>
      <SponsoredSearchBadges>
        <span>native</span>
      </SponsoredSearchBadges>
    </ProductSummary>
    <ProductSummary product={ProductSummary.mapCatalogProductToProductSummary(catalogProduct('2001'))}>
      <SponsoredSearchBadges>
        <span>ours</span>
      </SponsoredSearchBadges>
    </ProductSummary>
    {/* A theme that puts the badge outside a product summary: the real context is undefined there. */}
    <SponsoredSearchBadges>
      <span>alone</span>
    </SponsoredSearchBadges>
  </>
)

/** `<specifier> <export>.<path>` → whether realShapes.ts records it. */
const isRecorded = (read: string) => {
  const [specifier, path] = read.split(' ')
  const [name, ...segments] = path.split('.')
  const module = realModule(specifier)
  return !!module && name in module.exports && shapeAt(module.exports[name], segments) !== undefined
}

describe('what our blocks read from vtex.* modules', () => {
  beforeAll(async () => {
    mockOrderForm.current = { id: 'of-1', customData: { customApps: [{ id: 'ads-events', major: 1, fields: { session_id: 'abc' } }] } }
    for (const url of ['/', '/?mobile=1', '/?q=boots', '/?product=2001', '/?category=Outdoor%20%3E%20Clothing', '/?brand=TrailCo']) {
      goTo(url)
      const page = render(<Page />)
      await settle()
      await settle()
      page.unmount()
    }
    goTo('/')
  })

  it('every vtex.* module is watched', () => {
    expect([...watchedModules].sort()).toEqual(REAL_MODULES.map((module) => module.specifier).sort())
  })

  it('sees the reads (ads rendered, the bridge ran, the badges chose): the watch is not blind', () => {
    expect([...reads]).toEqual(
      expect.arrayContaining([
        'vtex.render-runtime useRuntime.().route.pageContext.type',
        'vtex.render-runtime useRuntime.().deviceInfo.isMobile',
        'vtex.render-runtime ExtensionPoint.props.product',
        'vtex.product-summary/ProductSummaryCustom default.mapCatalogProductToProductSummary.()',
        'vtex.css-handles useCssHandles.().handles',
        'vtex.order-manager/OrderForm useOrderForm.().orderForm.id',
        'vtex.order-manager/OrderForm useOrderForm.().orderForm.customData',
        'vtex.product-summary-context/ProductSummaryContext default.useProductSummary.().product.advertisement',
        'vtex.product-context useProduct.().selectedItem',
        'vtex.search-page-context/SearchPageContext useSearchPage.().searchQuery',
      ])
    )
  })

  it('every field read is one realShapes.ts records (the real apps provide it)', () => {
    expect([...reads].filter((read) => !isRecorded(read))).toEqual([])
  })

  it('the page-view listener reads only recorded fields of vtex:pageView', async () => {
    const pixelReads = new Set<string>()
    const before = new Set(reads)
    firstInPageView('listening')
    window.dispatchEvent(
      new MessageEvent('message', { data: watch(pageViewData(), 'vtex:pageView data'), source: window, origin: location.origin })
    )
    await settle()
    for (const read of reads)
      if (!before.has(read) && read.startsWith('vtex:pageView data')) pixelReads.add(read.slice('vtex:pageView data.'.length))
    expect([...pixelReads]).toContain('eventName')
    expect([...pixelReads].filter((path) => !shapeAt(REAL_PIXEL_EVENTS['vtex:pageView'].data, path.split('.')))).toEqual([])
  })
})
