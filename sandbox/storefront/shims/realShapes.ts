import { arrayOf, bool, component, fn, literal, nullable, num, obj, openObj, optional, recordOf, str, unknown, type Shape } from './shapes'

/**
 * What our code takes from each Store Framework module, as the real app provides it, and where
 * that is written: a public repository, the files, the version (the app's manifest) and the
 * commit read. Only what we use is recorded: a block that reads anything else, a typing that
 * declares anything else, or a shim whose values differ, fails `sandbox/storefront/__tests__/
 * realShapes.test.ts` and `react/__tests__/realShapes.test.tsx`.
 *
 * To use something new from a vtex.* module: read it in the module's public repository at the
 * major our manifest depends on, record it here with its source, then give the shim (and the
 * typing in react/typings) exactly that.
 */
export interface RealSource {
  /** owner/name on GitHub. */
  repo: string
  /** The published version read (manifest.json or package.json of that commit). */
  version: string
  /** The commit read, or `npm` for a package read from its registry tarball. */
  ref: string
  files: readonly string[]
}

/** One line per source, the way every shim and typing header cites it. */
export const citation = (source: RealSource) =>
  `${source.repo}@${source.version} (${source.ref === 'npm' ? 'npm' : source.ref.slice(0, 7)}): ${source.files.join(', ')}`

export interface RealModule {
  /** The import specifier (what our code imports; the esbuild alias and jest moduleNameMapper key). */
  specifier: string
  /** The manifest.json dependency that provides it. */
  app: string
  sources: readonly RealSource[]
  /** The exports we import ('default' for a default import) and what each is. */
  exports: Readonly<Record<string, Shape>>
  /** The sandbox stand-in, and the jest one when it differs (repository paths). */
  shim: string
  jestShim?: string
  /** The ambient declaration our react/ code compiles against. */
  typing: string
}

// The repositories, each read at the commit named (the newest on its default branch when read).
type Checkout = Omit<RealSource, 'files'>
const read = (checkout: Checkout, ...files: string[]): RealSource => ({ ...checkout, files })

const RENDER_RUNTIME: Checkout = { repo: 'vtex-apps/render-runtime', version: '8.136.2', ref: 'fef89cdd47b04b5e2f61dd0c918ea892c3baca6f' }
const STORE: Checkout = { repo: 'vtex-apps/store', version: '2.147.0', ref: 'f98a6db14563ab7d959e1005ab2d52746c214cd6' }
const VTEX_ADS: Checkout = { repo: 'vtex-apps/vtex-ads', version: '0.0.1', ref: 'ab4c68828e248622f348c5335d1c8dd29d8bb6e9' }
const PIXEL_MANAGER: Checkout = { repo: 'vtex-apps/pixel-manager', version: '1.9.0', ref: 'b9671b11b3f73acba63bf27ff40c013fff734370' }
const ORDER_MANAGER: Checkout = { repo: 'vtex-apps/order-manager', version: '0.12.1', ref: 'eafbdd8eda681574e2e314b35720e8100bd2706e' }
/** The library vtex-apps/order-manager re-exports (its react/package.json: "@vtex/order-manager": "^0.5.3"), read from the npm tarball. */
const ORDER_MANAGER_LIB: Checkout = { repo: 'vtex/order-manager', version: '0.5.3', ref: 'npm' }
const CHECKOUT_RESOURCES: Checkout = {
  repo: 'vtex-apps/checkout-resources',
  version: '0.50.1',
  ref: '7abedc1ea22aab508d378404e738ec5d4fd860a4',
}
const CHECKOUT_GRAPHQL: Checkout = {
  repo: 'vtex-apps/checkout-graphql',
  version: '0.67.1',
  ref: '885ff0ae5c31325b3d7170ccf93962b4e1f9151b',
}
const CSS_HANDLES: Checkout = { repo: 'vtex-apps/css-handles', version: '1.0.1', ref: '0510555549c605dda45d91c15787cff8f1bf6fa8' }
const PRODUCT_SUMMARY: Checkout = { repo: 'vtex-apps/product-summary', version: '2.92.0', ref: 'cd41dc3cd8a93d8de5194113394a9f17d9978a0a' }
const PRODUCT_SUMMARY_CONTEXT: Checkout = {
  repo: 'vtex-apps/product-summary-context',
  version: '0.14.0',
  ref: 'b7cdd2b868d6e7cd457934fc633648bf8e59759f',
}
const SEARCH_RESULT: Checkout = { repo: 'vtex-apps/search-result', version: '3.148.0', ref: '8f27045dbb216a3d280dbbcc716a42673368a2cd' }
/** @vtex/ads-core 0.5.1 (packages/core/package.json), the SDK search-result's ads come from. */
const ADS_JS: Checkout = { repo: 'vtex/ads-js', version: '0.5.1', ref: 'c73e1a875cf19c978e376ca5736e66f6bfd6d860' }
const STORE_RESOURCES: Checkout = { repo: 'vtex-apps/store-resources', version: '0.104.3', ref: '3e78866b438a79f3452fae62d6fb44b0fef89266' }
const PRODUCT_CONTEXT: Checkout = { repo: 'vtex-apps/product-context', version: '0.10.1', ref: 'abd05f11704a54f12272c49ce6964b9d2ecd9cb4' }
const SEARCH_PAGE_CONTEXT: Checkout = {
  repo: 'vtex-apps/search-page-context',
  version: '0.2.0',
  ref: 'e3cb8bea9949e71dbac615eb49b1304a1bf70227',
}

/** The product a summary holds: the catalog product spread, plus `sku` (the chosen item with its default seller). */
const SUMMARY_PRODUCT = openObj({
  productId: str,
  productName: str,
  items: arrayOf(openObj({ itemId: str })),
  sku: optional(
    openObj({
      itemId: str,
      seller: openObj({ commertialOffer: openObj({ Price: num }) }),
    })
  ),
  /**
   * Two producers, two halves: search-graphql's ad fields (adId, campaignId, adRequestId,
   * adResponseId, actionCost: product-summary-context ProductSummaryTypes.ts, store-resources
   * productSearchV3.gql), or @vtex/ads-core's (eventUrls, eventParameters = base64 of the
   * impression URL, sponsoredBySellerId: ads-js hydration/mappers.ts), put there by search-result.
   */
  advertisement: optional(
    nullable(
      obj({
        adId: optional(str),
        campaignId: optional(str),
        adRequestId: optional(str),
        adResponseId: optional(str),
        actionCost: optional(num),
        eventUrls: optional(obj({ impression: str, view: str, click: str })),
        eventParameters: optional(str),
        sponsoredBySellerId: optional(str),
      })
    )
  ),
})

/** What order-manager's orderForm carries (the checkout-resources fragment), as far as our code reads it. */
const ORDER_FORM = obj({
  /** `default-order-form` until the orderForm query answers: during server-side rendering too (order-manager runs it with `ssr: false`), and outside any provider. */
  id: str,
  /** Read by the sandbox's demo page only (its cart). */
  items: arrayOf(obj({ id: str, name: str, quantity: num, sellingPrice: num })),
  /** Hundredths; the unsynced -1 is given to readers as 0. */
  value: num,
  /** `customData { customApps { fields id major } }`: absent in the default orderForm, null on an orderForm without custom data. */
  customData: optional(nullable(obj({ customApps: arrayOf(obj({ id: str, major: num, fields: recordOf(str) })) }))),
})

export const REAL_MODULES: readonly RealModule[] = [
  {
    specifier: 'vtex.render-runtime',
    app: 'vtex.render-runtime',
    sources: [
      read(
        RENDER_RUNTIME,
        'react/components/RenderContext.tsx',
        'react/typings/runtime.ts',
        'react/utils/withDevice.tsx',
        'react/components/ExtensionPoint/index.tsx',
        'react/components/useChildBlock.tsx',
        'react/core/main.tsx'
      ),
      read(STORE, 'store/routes.json'),
      read(VTEX_ADS, 'react/hooks/usePageContext.ts'),
      read(SEARCH_RESULT, 'react/components/GalleryItem.tsx'),
    ],
    exports: {
      /** RenderContext's value: always there (render-runtime provides it on every page, server side too). */
      useRuntime: fn(
        obj({
          route: obj({
            /** The page's route id (store/routes.json): store.home, store.search, store.search#brand, store.product… */
            id: str,
            /** The route path's params (store/routes.json): `/:term/s`, `/:department/:category`, `…/:brand`, `…/:slug/p`. */
            params: obj({
              id: optional(str),
              slug: optional(str),
              term: optional(str),
              brand: optional(str),
              department: optional(str),
              category: optional(str),
              subcategory: optional(str),
            }),
            /** The route's contentType (store/routes.json), `route` for a plain route; id `store.home` on the home, `search` on a search (vtex-ads usePageContext.ts). */
            pageContext: obj({
              type: literal('route', 'product', 'search', 'brand', 'department', 'category', 'subcategory', 'userRoute'),
              id: str,
            }),
          }),
          /** The URL's query string, e.g. `_q` and `map` on a search. */
          query: optional(recordOf(str)),
          deviceInfo: obj({ type: literal('phone', 'tablet', 'desktop', 'unknown'), isMobile: bool }),
        })
      ),
      /** Renders the theme's block at `id` (nothing when the theme has none there), with our props merged under the block's own. */
      ExtensionPoint: component(obj({ id: str, product: unknown })),
      /** `{ props }` of the child block of interface `id` the theme gave the calling block, else null. */
      useChildBlock: fn(nullable(obj({ props: recordOf(unknown) }))),
    },
    shim: 'sandbox/storefront/shims/renderRuntime.tsx',
    typing: 'react/typings/vtex.render-runtime.d.ts',
  },
  {
    specifier: 'vtex.css-handles',
    app: 'vtex.css-handles',
    sources: [read(CSS_HANDLES, 'react/useCssHandles.tsx', 'react/CssHandlesTypes.ts', 'react/modules/modifier.ts')],
    exports: {
      /** `{ handles, withModifiers }` (the 1.x "bag"); each handle `<vendor>-<app>-<major>-x-<handle>`, '' when invalid. */
      useCssHandles: fn(obj({ handles: recordOf(str), withModifiers: fn(str) })),
    },
    shim: 'sandbox/storefront/shims/cssHandles.tsx',
    typing: 'react/typings/vtex.css-handles.d.ts',
  },
  {
    specifier: 'vtex.order-manager/OrderForm',
    app: 'vtex.order-manager',
    sources: [
      read(ORDER_MANAGER, 'react/OrderForm.tsx'),
      read(ORDER_MANAGER_LIB, 'src/modules/OrderForm.tsx', 'src/modules/createOrderForm.tsx', 'src/constants.ts'),
      read(CHECKOUT_RESOURCES, 'react/fragments/orderForm.graphql', 'react/fragments/item.graphql'),
      read(CHECKOUT_GRAPHQL, 'graphql/types/OrderForm.graphql'),
      read(STORE, 'react/StoreWrapper.js'),
    ],
    exports: {
      /** The provider's value; outside any provider the context's default: the default orderForm, not loading, no error. */
      useOrderForm: fn(obj({ orderForm: ORDER_FORM, setOrderForm: fn(unknown), loading: bool, error: unknown })),
      /** Used by the sandbox's pages only (vtex.store's StoreWrapper renders it on a real store). */
      OrderFormProvider: component(obj({ children: unknown })),
    },
    shim: 'sandbox/storefront/shims/orderForm.tsx',
    jestShim: 'react/__mocks__/vtex.order-manager/OrderForm.tsx',
    typing: 'react/typings/vtex.order-manager.d.ts',
  },
  {
    specifier: 'vtex.product-summary/ProductSummaryCustom',
    app: 'vtex.product-summary',
    sources: [
      read(PRODUCT_SUMMARY, 'react/ProductSummaryCustom.tsx', 'react/utils/normalize.ts'),
      read(SEARCH_RESULT, 'react/components/GalleryItem.tsx'),
    ],
    exports: {
      /** The summary block (rendered through ExtensionPoint `product-summary`) and its public mapping, as search-result's GalleryItem uses them. */
      default: component(obj({ product: unknown, children: unknown }), {
        /** null for no product; else the product spread, with `sku` (the first available item, its default seller). */
        mapCatalogProductToProductSummary: fn(nullable(SUMMARY_PRODUCT)),
      }),
    },
    shim: 'sandbox/storefront/shims/productSummary.tsx',
    typing: 'react/typings/vtex.product-summary.d.ts',
  },
  {
    specifier: 'vtex.product-summary-context/ProductSummaryContext',
    app: 'vtex.product-summary-context',
    sources: [
      read(PRODUCT_SUMMARY_CONTEXT, 'react/ProductSummaryContext.tsx', 'react/ProductSummaryTypes.ts'),
      read(PRODUCT_SUMMARY, 'react/ProductSummaryCustom.tsx'),
      read(SEARCH_RESULT, 'react/hooks/useMergeResults.ts'),
      read(ADS_JS, 'packages/core/src/hydration/mappers.ts', 'packages/core/src/hydration/types.ts'),
      read(STORE_RESOURCES, 'react/queries/productSearchV3.gql'),
    ],
    exports: {
      default: obj({
        /** undefined outside a product summary (the context has no default). */
        useProductSummary: fn(optional(obj({ product: SUMMARY_PRODUCT }))),
        /** Used by the sandbox's stand-in summary only (product-summary's ProductSummaryWrapper renders it). */
        ProductSummaryProvider: component(obj({ product: unknown, children: unknown })),
      }),
    },
    shim: 'sandbox/storefront/shims/productSummaryContext.tsx',
    typing: 'react/typings/vtex.product-summary.d.ts',
  },
  {
    specifier: 'vtex.product-context',
    app: 'vtex.product-context',
    sources: [
      read(PRODUCT_CONTEXT, 'react/useProduct.ts', 'react/ProductContext.ts', 'react/ProductContextProvider.tsx', 'react/ProductTypes.ts'),
      read(STORE_RESOURCES, 'react/queries/product.gql', 'react/fragments/product.graphql'),
    ],
    exports: {
      /** `{}` outside a product (the context's default); on a product page (and inside each product summary) its product and selected item. */
      useProduct: fn(
        optional(
          obj({
            product: optional(
              nullable(
                openObj({
                  productId: str,
                  brand: str,
                  items: arrayOf(openObj({ itemId: str })),
                  /** ProductFragment's `categories` ("/A/B/" paths) and product.gql's `categoryTree` (skipped when asked to). */
                  categories: optional(arrayOf(str)),
                  categoryTree: optional(arrayOf(obj({ id: str, name: str, href: str }))),
                })
              )
            ),
            selectedItem: optional(nullable(openObj({ itemId: str }))),
          })
        )
      ),
    },
    shim: 'sandbox/storefront/shims/productContext.tsx',
    typing: 'react/typings/vtex.product-context.d.ts',
  },
  {
    specifier: 'vtex.search-page-context/SearchPageContext',
    app: 'vtex.search-page-context',
    sources: [
      read(SEARCH_PAGE_CONTEXT, 'react/SearchPageContext.ts'),
      read(SEARCH_RESULT, 'react/SearchResultFlexible.js', 'react/components/SearchQuery.js', 'react/utils/compatibilityLayer.js'),
      read(STORE_RESOURCES, 'react/queries/productSearchV3.gql'),
    ],
    exports: {
      /** `{}` outside a search page (the context's default); there search-result's value, whose searchQuery is SearchQuery.js's. */
      useSearchPage: fn(
        optional(
          openObj({
            searchQuery: optional(
              openObj({
                variables: optional(openObj({ fullText: optional(str), selectedFacets: optional(arrayOf(obj({ key: str, value: str }))) })),
                data: optional(
                  openObj({ productSearch: optional(nullable(openObj({ breadcrumb: optional(arrayOf(obj({ name: str, href: str }))) }))) })
                ),
              })
            ),
          })
        )
      ),
    },
    shim: 'sandbox/storefront/shims/searchPageContext.tsx',
    typing: 'react/typings/vtex.product-context.d.ts',
  },
]

export interface RealPixelEvent {
  sources: readonly RealSource[]
  /** The message's `data`: pixel-manager posts `{ currency, eventName: 'vtex:<event>', ...event }` with `window.postMessage(data, window.origin)`. */
  data: Shape
}

/** The pixel events our code listens to (pageView.ts) and the sandbox posts (shims/pixelEvents.ts). */
export const REAL_PIXEL_EVENTS: Readonly<Record<string, RealPixelEvent>> = {
  'vtex:pageView': {
    sources: [read(STORE, 'react/components/PageViewPixel.tsx', 'react/StoreWrapper.js'), read(PIXEL_MANAGER, 'react/PixelContext.tsx')],
    data: obj({
      currency: str,
      eventName: literal('vtex:pageView'),
      event: literal('pageView'),
      pageTitle: str,
      pageUrl: str,
      /** Left out when the referrer is the store itself. */
      referrer: optional(str),
      accountName: str,
      routeId: str,
    }),
  },
}

/** The module a specifier names, if recorded. */
export const realModule = (specifier: string) => REAL_MODULES.find((module) => module.specifier === specifier)

/** A vtex.* app whose real code the sandbox runs (its npm build), so it has no stand-in to drift: only the typing is ours. */
export interface RealLibrary {
  specifier: string
  app: string
  /** The npm package installed in its place (root package.json), at the version read. */
  npm: string
  source: RealSource
  typing: string
}

export const REAL_LIBRARIES: readonly RealLibrary[] = [
  {
    specifier: 'vtex.styleguide',
    app: 'vtex.styleguide',
    npm: '@vtex/styleguide',
    source: read({ repo: 'vtex/styleguide', version: '9.146.13', ref: 'npm' }, 'lib/index.js'),
    typing: 'react/typings/vtex.styleguide.d.ts',
  },
]

/** The manifest's other vtex.* dependencies, which nothing imports as a module, and why each is there. */
export const OTHER_DEPENDENCIES: Readonly<Record<string, string>> = {
  'vtex.pixel-interfaces':
    'a store interface: store/plugins.json plugs pixel.ads-events into its `pixels > pixel`, which renders client-side only (vtex-apps/pixel-interfaces@1.1.1, 2ebfe99, store/interfaces.json)',
  'vtex.search-graphql':
    'a GraphQL provider: react/sponsored/queries/productsBySku.gql names it with @context(provider); the sandbox answers it from sandbox/storefront/catalogGraphql.ts',
  'vtex.device-detector': 'nothing imports it: the blocks read the device from useRuntime().deviceInfo',
}
