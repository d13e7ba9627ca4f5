/**
 * The stand-ins of vtex.* modules (jest maps each to the one sandbox/storefront/shims/realShapes.ts
 * records) give what the real apps give: their values conform to the recorded shapes on every kind
 * of page, inside and outside their providers, and they reproduce the behaviours the record cites
 * (css-handles' class names, order-manager's default orderForm, product-summary's mapping, the
 * pixel's page view). A stand-in that drifts from the record fails here.
 */
import React, { ReactNode } from 'react'
import { act, render } from '@testing-library/react'

import * as orderFormStandIn from '../../sandbox/storefront/shims/orderForm'
import { pageViewData, postPageView } from '../../sandbox/storefront/shims/pixelEvents'
import { REAL_MODULES, REAL_PIXEL_EVENTS, realModule } from '../../sandbox/storefront/shims/realShapes'
import { conformanceErrors, shapeAt, type Shape } from '../../sandbox/storefront/shims/shapes'
import { BANNER_HANDLES, BRAND_HANDLES, SEARCH_BADGE_HANDLES, SHELF_HANDLES } from '../sponsored/cssHandles'

/* eslint-disable @typescript-eslint/no-require-imports */
/** A stand-in as our code gets it: by its specifier, through jest's moduleNameMapper. */
const standIn = (specifier: string) => require(specifier) as Record<string, unknown>
/* eslint-enable @typescript-eslint/no-require-imports */

/** The recorded shape at a path (`useRuntime.()`, `default.mapCatalogProductToProductSummary.()`). */
const recorded = (specifier: string, path: string): Shape => {
  const [name, ...segments] = path.split('.')
  const shape = shapeAt(realModule(specifier)!.exports[name], segments)
  if (!shape) throw new Error(`${specifier} records no ${path}`)
  return shape
}

/** Runs hooks inside a rendered component (optionally inside providers) and hands back what they returned. */
const valuesOf = <T,>(hooks: () => T, wrap: (children: ReactNode) => ReactNode = (children) => children): T => {
  let seen: T | undefined
  const Probe = () => {
    seen = hooks()
    return null
  }
  render(<>{wrap(<Probe />)}</>)
  return seen as T
}

/** A search-graphql Product as the blocks' productsBySku query gets it: two SKUs, the first out of stock. */
const catalogProduct = {
  cacheId: 'sp-201',
  productId: '201',
  productName: 'Trail running shoes',
  brand: 'TrailCo',
  linkText: 'trail-running-shoes',
  link: '/trail-running-shoes/p',
  items: [
    {
      itemId: '2001',
      name: '40',
      images: [],
      sellers: [{ sellerId: '1', commertialOffer: { Price: 499.9, ListPrice: 499.9, AvailableQuantity: 0 } }],
    },
    {
      itemId: '2013',
      name: '41',
      images: [],
      sellers: [
        { sellerId: '1', sellerDefault: false, commertialOffer: { Price: 499.9, ListPrice: 499.9, AvailableQuantity: 3 } },
        { sellerId: '2', sellerDefault: true, commertialOffer: { Price: 479.9, ListPrice: 499.9, AvailableQuantity: 1 } },
      ],
    },
  ],
  priceRange: { sellingPrice: { highPrice: 499.9, lowPrice: 479.9 }, listPrice: { highPrice: 499.9, lowPrice: 499.9 } },
}
/** The sponsored copy VTEX's search-result puts first, with @vtex/ads-core's advertisement. */
const impression = 'https://events.example/v1/beacon/impression/ad-1'
const sponsoredCopy = {
  ...catalogProduct,
  cacheId: 'ad-sp-201',
  advertisement: {
    eventUrls: { impression, view: 'https://events.example/v/ad-1', click: 'https://events.example/c/ad-1' },
    eventParameters: btoa(impression),
    sponsoredBySellerId: '1',
  },
}
/** What search-graphql's productSearch gives a legacy sponsored product (store-resources productSearchV3.gql). */
const legacySponsored = {
  ...catalogProduct,
  advertisement: { adId: 'ad-9', campaignId: 'c-1', adRequestId: 'rq', adResponseId: 'rs', actionCost: 0.5 },
}

const goTo = (url: string) => window.history.replaceState(null, '', url)

afterEach(() => goTo('/'))

describe('each stand-in exports what the record names, of the kind recorded', () => {
  it.each(REAL_MODULES.map((module) => [module.specifier, module] as const))('%s', (specifier, module) => {
    const exports = standIn(specifier)
    for (const [name, shape] of Object.entries(module.exports)) expect([name, conformanceErrors(shape, exports[name])]).toEqual([name, []])
  })

  it("the sandbox's order-manager stand-in too (jest uses its own mock of the same shape)", () => {
    const module = realModule('vtex.order-manager/OrderForm')!
    for (const [name, shape] of Object.entries(module.exports))
      expect([name, conformanceErrors(shape, (orderFormStandIn as Record<string, unknown>)[name])]).toEqual([name, []])
  })
})

describe('render-runtime, product-context and search-page-context on each kind of page', () => {
  const pages = () =>
    valuesOf(() => ({
      runtime: (standIn('vtex.render-runtime').useRuntime as () => unknown)(),
      product: (standIn('vtex.product-context').useProduct as () => unknown)(),
      search: (standIn('vtex.search-page-context/SearchPageContext').useSearchPage as () => unknown)(),
    }))
  const conform = (values: ReturnType<typeof pages>) => ({
    runtime: conformanceErrors(recorded('vtex.render-runtime', 'useRuntime.()'), values.runtime),
    product: conformanceErrors(recorded('vtex.product-context', 'useProduct.()'), values.product),
    search: conformanceErrors(recorded('vtex.search-page-context/SearchPageContext', 'useSearchPage.()'), values.search),
  })
  const clean = { runtime: [], product: [], search: [] }

  beforeAll(() => (window.__SANDBOX_CATALOG__ = [catalogProduct]))
  afterAll(() => delete window.__SANDBOX_CATALOG__)

  it.each([
    // [url, route id, pageContext, params, query]
    ['/', 'store.home', { type: 'route', id: 'store.home' }, {}, {}],
    ['/?q=trail%20shoes', 'store.search', { type: 'search', id: 'search' }, { term: 'trail shoes' }, { _q: 'trail shoes', map: 'ft' }],
    ['/?product=2013', 'store.product', { type: 'product', id: '201' }, { id: '201', slug: 'trail-running-shoes' }, {}],
    ['/?category=Outdoor', 'store.search#department', { type: 'department', id: 'outdoor' }, { id: 'outdoor', department: 'outdoor' }, {}],
    [
      '/?category=Outdoor%20%3E%20Rain%20gear',
      'store.search#category',
      { type: 'category', id: 'outdoor/rain-gear' },
      { id: 'outdoor/rain-gear', department: 'outdoor', category: 'rain-gear' },
      {},
    ],
    [
      '/?category=Outdoor%20%3E%20Rain%20gear%20%3E%20Jackets',
      'store.search#subcategory',
      { type: 'subcategory', id: 'outdoor/rain-gear/jackets' },
      { id: 'outdoor/rain-gear/jackets', department: 'outdoor', category: 'rain-gear', subcategory: 'jackets' },
      {},
    ],
    ['/?brand=TrailCo', 'store.search#brand', { type: 'brand', id: 'trailco' }, { id: 'trailco', brand: 'trailco' }, {}],
  ])('%s: the route store/routes.json defines, and recorded shapes only', (url, id, pageContext, params, query) => {
    goTo(url)
    const values = pages()
    expect(conform(values)).toEqual(clean)
    expect(values.runtime).toEqual({ route: { id, params, pageContext }, query, deviceInfo: { type: 'desktop', isMobile: false } })
  })

  it('outside a product page and a search page their contexts are {} (the real defaults), not undefined', () => {
    goTo('/')
    const values = pages()
    expect([values.product, values.search]).toEqual([{}, {}])
  })

  it("the product page: the catalog product and the SKU's item", () => {
    goTo('/?product=2013')
    const { product } = pages() as { product: { product: { productId: string }; selectedItem: { itemId: string } } }
    expect([product.product.productId, product.selectedItem.itemId]).toEqual(['201', '2013'])
  })

  it("a search: the query's fullText; a category page: the breadcrumb from the top, {name, href}", () => {
    goTo('/?q=boots')
    expect(pages().search).toEqual({ searchQuery: { variables: { fullText: 'boots' } } })
    goTo('/?category=Outdoor%20%3E%20Clothing')
    const values = pages()
    expect(conform(values)).toEqual(clean)
    expect(values.search).toEqual({
      searchQuery: {
        variables: {},
        data: {
          productSearch: {
            breadcrumb: [
              { name: 'Outdoor', href: '/outdoor' },
              { name: 'Clothing', href: '/outdoor/clothing' },
            ],
          },
        },
      },
    })
  })

  it('?mobile=1 stands for a phone', () => {
    goTo('/?mobile=1')
    const values = pages()
    expect(conform(values)).toEqual(clean)
    expect((values.runtime as { deviceInfo: unknown }).deviceInfo).toEqual({ type: 'phone', isMobile: true })
  })
})

describe('css-handles (react/useCssHandles.tsx, react/modules/modifier.ts)', () => {
  type Bag = { handles: Record<string, string>; withModifiers: (handle: string, modifiers: string | string[]) => string }
  const useCssHandles = standIn('vtex.css-handles').useCssHandles as (list: readonly string[]) => Bag

  it('returns the 1.x bag; each class is <vendor>-<app>-<major>-x-<handle>', () => {
    const bag = valuesOf(() => useCssHandles(['sponsoredShelf', 'sponsored_label-2']))
    expect(conformanceErrors(recorded('vtex.css-handles', 'useCssHandles.()'), bag)).toEqual([])
    expect(bag.handles).toEqual({
      sponsoredShelf: 'adsevents-ads-events-0-x-sponsoredShelf',
      'sponsored_label-2': 'adsevents-ads-events-0-x-sponsored_label-2',
    })
  })

  it("gives '' to a handle the real hook refuses (starts with a digit, one character, a space) and says so", () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const bag = valuesOf(() => useCssHandles(['9lives', 'a', 'two words', 'ok']))
    expect(bag.handles).toEqual({ '9lives': '', a: '', 'two words': '', ok: 'adsevents-ads-events-0-x-ok' })
    expect(error).toHaveBeenCalledTimes(3)
    error.mockRestore()
  })

  it('withModifiers appends <class>--<modifier> for valid modifiers only (A-z, digits, -), a string or a list', () => {
    const bag = valuesOf(() => useCssHandles(['item']))
    expect(bag.withModifiers('item', 'red')).toBe('adsevents-ads-events-0-x-item adsevents-ads-events-0-x-item--red')
    expect(bag.withModifiers('item', ['big', '', 'no way', 'a_b', 'é'])).toBe(
      'adsevents-ads-events-0-x-item adsevents-ads-events-0-x-item--big adsevents-ads-events-0-x-item--a_b'
    )
  })

  it("every handle our blocks declare is one the real hook accepts (none would render as '')", () => {
    const all = [...new Set([...SHELF_HANDLES, ...BANNER_HANDLES, ...BRAND_HANDLES, ...SEARCH_BADGE_HANDLES])]
    const { handles } = valuesOf(() => useCssHandles(all))
    expect(all.filter((handle) => !handles[handle])).toEqual([])
  })
})

describe('order-manager (vtex/order-manager src/modules/OrderForm.tsx, createOrderForm.tsx; checkout-resources orderForm.graphql)', () => {
  const shape = recorded('vtex.order-manager/OrderForm', 'useOrderForm.()')
  type Value = {
    orderForm: { id: string; value: number; customData?: unknown }
    loading: boolean
    error: unknown
    setOrderForm: (update: object) => void
  }

  it("outside any provider: the context's default (the default orderForm, not loading, no error), no throw", () => {
    const value = valuesOf(() => orderFormStandIn.useOrderForm()) as Value
    expect(conformanceErrors(shape, value)).toEqual([])
    expect([value.orderForm, value.loading, value.error]).toEqual([{ id: 'default-order-form', items: [], value: 0 }, false, undefined])
  })

  it("inside the provider: the default orderForm while loading, then the shopper's, with the fragment's fields only", async () => {
    const checkout = {
      orderFormId: 'of-1',
      salesChannel: '1',
      items: [
        {
          id: '2001',
          productId: '201',
          name: 'Trail running shoes',
          quantity: 2,
          seller: '1',
          price: 49990,
          listPrice: 49990,
          sellingPrice: 49990,
        },
      ],
      value: 99980,
      customData: { customApps: [{ id: 'ads-events', major: 1, fields: { session_id: 'a1b2' } }] },
    }
    let answer: (value: unknown) => void = () => undefined
    global.fetch = jest.fn(() => new Promise((resolve) => (answer = resolve))) as unknown as typeof fetch
    const seen: Value[] = []
    const Probe = () => {
      seen.push(orderFormStandIn.useOrderForm() as Value)
      return null
    }
    render(
      <orderFormStandIn.OrderFormProvider>
        <Probe />
      </orderFormStandIn.OrderFormProvider>
    )
    expect(conformanceErrors(shape, seen[0])).toEqual([])
    expect([seen[0].orderForm.id, seen[0].loading]).toEqual(['default-order-form', true])

    await act(async () => answer({ json: async () => checkout }))
    const loaded = seen[seen.length - 1]
    expect(conformanceErrors(shape, loaded)).toEqual([])
    expect(loaded).toMatchObject({
      loading: false,
      error: undefined,
      orderForm: { id: 'of-1', value: 99980, customData: checkout.customData },
    })
    expect(loaded.orderForm).toEqual({
      id: 'of-1',
      items: [{ id: '2001', name: 'Trail running shoes', quantity: 2, sellingPrice: 49990 }],
      value: 99980,
      customData: checkout.customData,
    })

    await act(async () => loaded.setOrderForm({ value: 1 }))
    expect(seen[seen.length - 1].orderForm).toMatchObject({ id: 'of-1', value: 1 })
  })

  it('the jest mock gives the same shape, over the default orderForm', () => {
    const mock = standIn('vtex.order-manager/OrderForm') as { useOrderForm: () => Value; mockOrderForm: { current: object } }
    for (const current of [
      { id: 'default-order-form' },
      { id: 'of-2', customData: null },
      { id: 'of-3', customData: { customApps: [{ id: 'ads-events', major: 1, fields: { user_id: 'u1' } }] } },
    ]) {
      mock.mockOrderForm.current = current
      expect(
        conformanceErrors(
          shape,
          valuesOf(() => mock.useOrderForm())
        )
      ).toEqual([])
    }
    mock.mockOrderForm.current = { id: 'default-order-form' }
  })
})

describe('product-summary and its context (react/utils/normalize.ts, ProductSummaryContext.tsx)', () => {
  type Summary = {
    (props: { product: unknown; children?: ReactNode }): JSX.Element
    mapCatalogProductToProductSummary: (product: unknown) => Record<string, unknown> | null
  }
  const ProductSummary = standIn('vtex.product-summary/ProductSummaryCustom').default as Summary
  const summaryContext = standIn('vtex.product-summary-context/ProductSummaryContext').default as { useProductSummary: () => unknown }

  it('maps no product to null, and a catalog product to itself plus `sku`: the first available item with its default seller', () => {
    const shape = recorded('vtex.product-summary/ProductSummaryCustom', 'default.mapCatalogProductToProductSummary.()')
    expect(ProductSummary.mapCatalogProductToProductSummary(null)).toBeNull()
    for (const product of [catalogProduct, sponsoredCopy, legacySponsored]) {
      const summary = ProductSummary.mapCatalogProductToProductSummary(product)!
      expect(conformanceErrors(shape, summary)).toEqual([])
      expect(summary).toEqual({ ...product, sku: { ...catalogProduct.items[1], seller: catalogProduct.items[1].sellers[1] } })
    }
  })

  it('useProductSummary is undefined outside a product summary; inside, the summary of the product it was given', () => {
    const shape = recorded('vtex.product-summary-context/ProductSummaryContext', 'default.useProductSummary.()')
    const outside = valuesOf(() => summaryContext.useProductSummary())
    expect(outside).toBeUndefined()
    const product = ProductSummary.mapCatalogProductToProductSummary(sponsoredCopy)
    const inside = valuesOf(
      () => summaryContext.useProductSummary(),
      (children) => <ProductSummary product={product}>{children}</ProductSummary>
    )
    expect(conformanceErrors(shape, inside)).toEqual([])
    expect(inside).toEqual({ product })
  })

  it("ExtensionPoint renders the theme's product-summary with our props, and nothing where the theme has no block", () => {
    const ExtensionPoint = standIn('vtex.render-runtime').ExtensionPoint as (props: { id: string; product?: unknown }) => JSX.Element
    const product = ProductSummary.mapCatalogProductToProductSummary(catalogProduct)
    const { container } = render(
      <>
        <ExtensionPoint id="product-summary" product={product} />
        <ExtensionPoint id="no-such-block" />
      </>
    )
    expect(container.querySelectorAll('section')).toHaveLength(1)
    expect(container.querySelector('section')!.getAttribute('data-product-sku')).toBe('2013')
    expect(container.textContent).toContain('$ 479.90')
  })
})

describe('the vtex:pageView pixel event (vtex.store PageViewPixel.tsx, pixel-manager PixelContext.tsx)', () => {
  const shape = REAL_PIXEL_EVENTS['vtex:pageView'].data

  // jsdom's postMessage sets no event.source: test/browser/tracker.test.ts sees the real bus in Chromium.
  it('carries the recorded payload, posted to the window for its own origin', async () => {
    goTo('/?q=boots')
    document.title = 'Boots'
    const messages: MessageEvent[] = []
    const listen = (event: MessageEvent) => messages.push(event)
    window.addEventListener('message', listen)
    postPageView()
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)))
    window.removeEventListener('message', listen)
    // jsdom delivers only a message whose target origin is the page's own.
    expect(messages).toHaveLength(1)
    expect(conformanceErrors(shape, messages[0].data)).toEqual([])
    expect(messages[0].data).toEqual({
      currency: 'USD',
      eventName: 'vtex:pageView',
      event: 'pageView',
      pageTitle: 'Boots',
      pageUrl: 'http://localhost/?q=boots',
      referrer: '',
      accountName: 'sandbox',
      routeId: 'store.search',
    })
  })

  it("leaves the referrer out when it is the store's own page", () => {
    const referrer = jest.spyOn(document, 'referrer', 'get').mockReturnValue(`${location.origin}/previous`)
    const data = pageViewData()
    referrer.mockRestore()
    expect(conformanceErrors(shape, data)).toEqual([])
    expect(data.referrer).toBeUndefined()
  })
})
