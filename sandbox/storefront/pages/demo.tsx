import React, { useEffect, useState } from 'react'
import ReactDOM from 'react-dom'
import { OrderFormProvider, useOrderForm } from 'vtex.order-manager/OrderForm'

import AdTracker from '../../../react/AdTracker'
import PixelIdentity from '../../../react/PixelIdentity'
import SponsoredBanner from '../../../react/SponsoredBanner'
import SponsoredBrand from '../../../react/SponsoredBrand'
import SponsoredProductsShelf from '../../../react/SponsoredProductsShelf'
import SponsoredSearchBadges from '../../../react/SponsoredSearchBadges'
import { postPageView } from '../shims/pixelEvents'
import ProductSummary, { addToCart, SummaryContent } from '../shims/productSummary'
import { ChildBlocks } from '../shims/renderRuntime'

/**
 * The sandbox's demo store, as a shopper sees it: the real `pixel.ads-events` and sponsored blocks,
 * Store Framework modules shimmed. Every ad comes from the real path: the page's one sponsoredAds
 * query goes through the GraphQL gateway to the real Service, which asks the Get ads stand-in.
 * - `/` home: banner, sponsored brand, sponsored shelf, all products (sponsored ones marked among
 *   them), a shelf further down;
 * - `/?q=outdoor` search: VTEX's own sponsored copy first (window.__SANDBOX_SEARCH__), ours marked;
 * - `/?product=2001` product page, `/?category=Outdoor` and `/?brand=TrailCo` the other contexts;
 * - `/cart`, then "Place order" → `/checkout/orderPlaced?og=<order>` (the sandbox turns the cart
 *   into an OMS order and broadcasts it to the Service).
 * Block props are what a theme would set: the reserved heights match this theme's cards. The
 * banners have the store's house banner as fallback content (`sponsored-fallback`): the banner
 * campaign does not run on product pages, so there the house banner shows in the banner's space.
 * `?off=banner,brand,shelf,badges,footer` switches blocks off as the Site Editor's `active` does.
 *
 * Debug mode (`?ads_events_debug=1`) explains every page; `?mistakes=` adds the theme mistakes its
 * warnings name (comma-separated): `tracked-twice` (the search page also wraps VTEX's own sponsored
 * product, which sponsored-search-badges tracks, in an ad-tracker), `no-urls` (an ad-tracker
 * without its URLs around the home's first product), `no-height` (the home's sponsored shelf with
 * minHeight 0).
 */
declare global {
  interface Window {
    __SANDBOX_SEARCH__: unknown[]
  }
}

/** The demo catalog as search-graphql's Product (routes.ts puts it on the page; demoPage.ts declares it). */
interface DemoProduct {
  productId: string
  productName: string
  items: Array<{ itemId: string; sellers: Array<{ commertialOffer: { Price: number } }> }>
}
const catalog = () => (window.__SANDBOX_CATALOG__ || []) as unknown as DemoProduct[]

/** One product row of this theme: the "Sponsored" line (22 px) above a 180 px card. */
const ROW_PX = 202
/** The shelf title: 24 px line, 24 px above, 12 px below. */
const TITLE_PX = 60

const money = (cents = 0) => `$ ${(cents / 100).toFixed(2)}`
const params = new URLSearchParams(location.search)
/** Blocks switched off, as a merchant does in the Site Editor (`active: false`). */
const off = new Set((params.get('off') || '').split(','))

/**
 * The theme's house banner (an image block linking to a store page): what a banner placement
 * shows when VTEX Ads has no ad for it. It fills the banner's reserved box.
 */
const HouseBanner = () => (
  <a href="/?campaign=house" style={{ display: 'block', width: '100%', height: '100%' }}>
    <img src={`/_sandbox/media/house-${params.get('mobile') === '1' ? 'mobile' : 'desktop'}.svg`} alt="Free shipping on orders over $ 99" style={{ display: 'block', width: '100%', height: '100%', objectFit: 'cover' }} />
  </a>
)

/** A sponsored banner as the theme declares it: `blocks: ["sponsored-fallback"]`, whose children are the house banner. */
const BannerWithHouseFallback = ({ position }: { position?: string }) => (
  <ChildBlocks blocks={{ 'sponsored-fallback': <HouseBanner /> }}>
    <SponsoredBanner active={!off.has('banner')} position={position} />
  </ChildBlocks>
)
const mistakes = new Set((params.get('mistakes') || '').split(','))

interface EventUrls {
  impression: string
  view: string
  click: string
}

interface CartItem {
  id: string
  name: string
  quantity: number
  sellingPrice: number
}

const CartLink = () => {
  const { orderForm } = useOrderForm()
  const items = (orderForm.items as CartItem[] | undefined) || []
  return (
    <a className="cart" href="/cart">
      Cart: {items.reduce((n, item) => n + item.quantity, 0)} item(s), {money(orderForm.value as number)}
    </a>
  )
}

const Login = () => {
  const [user] = useState(() => /(?:^|; )sandbox_user=([^;]+)/.exec(document.cookie)?.[1])
  const toggle = () => {
    document.cookie = user ? 'sandbox_user=; Max-Age=0; Path=/' : 'sandbox_user=demo-shopper-1; Path=/'
    location.reload()
  }
  return <button onClick={toggle}>{user ? `Log out (${user})` : 'Log in as demo shopper'}</button>
}

/** A theme's own ad-tracker around a product summary: with the URLs VTEX's search gave the product (`tracked-twice`), or with none (`no-urls`). */
const themeTracker = (product: unknown, index: number, summary: JSX.Element) => {
  const urls = (product as { advertisement?: { eventUrls?: EventUrls } }).advertisement?.eventUrls
  if (urls && mistakes.has('tracked-twice')) return <AdTracker impression_url={urls.impression} view_url={urls.view} click_url={urls.click} context="theme-search">{summary}</AdTracker>
  if (index === 0 && mistakes.has('no-urls')) return <AdTracker>{summary}</AdTracker>
  return summary
}

const ProductGrid = ({ products, id, badges = false, badgeQuantity }: { products: unknown[]; id: string; badges?: boolean; badgeQuantity?: number }) => (
  <ul className="grid" id={id}>
    {products.map((product, index) => (
      <li key={index}>
        {themeTracker(
          product,
          index,
          <ProductSummary product={ProductSummary.mapCatalogProductToProductSummary(product)!}>
            {badges ? (
              <SponsoredSearchBadges active={!off.has('badges')} quantity={badgeQuantity}>
                <SummaryContent />
              </SponsoredSearchBadges>
            ) : (
              <SummaryContent />
            )}
          </ProductSummary>
        )}
      </li>
    ))}
  </ul>
)

const Home = () => (
  <>
    <h1>Outdoor gear</h1>
    <div id="banner">
      <BannerWithHouseFallback />
    </div>
    <div id="brand">
      <SponsoredBrand active={!off.has('brand')} productQuantity={2} productsMinHeight={ROW_PX} />
    </div>
    <div id="shelf">
      {/* Asks for 6: the products the brand above already shows are not repeated. */}
      <SponsoredProductsShelf active={!off.has('shelf')} title="Sponsored products" quantity={6} {...(mistakes.has('no-height') ? { minHeight: 0, mobileMinHeight: 0 } : { minHeight: TITLE_PX + ROW_PX, mobileMinHeight: TITLE_PX + ROW_PX })} />
    </div>
    <h2>All products</h2>
    <ProductGrid id="all-products" products={catalog()} badges badgeQuantity={2} />
    <div className="spacer">Ads below the fold send their view only once you see them for a second.</div>
    <div id="footer-shelf">
      <SponsoredProductsShelf active={!off.has('footer')} position="bottom-shelf" quantity={2} minHeight={ROW_PX} mobileMinHeight={ROW_PX} />
    </div>
  </>
)

const Search = ({ term }: { term: string }) => (
  <>
    <h1>Search results for “{term}”</h1>
    <div id="banner">
      <BannerWithHouseFallback />
    </div>
    {/* ?nobadges=1: the same results without the block, to compare the theme's card layout. */}
    <ProductGrid id="search-results" products={window.__SANDBOX_SEARCH__} badges={!params.get('nobadges')} />
    <div className="spacer">End of the results.</div>
  </>
)

const ProductPage = ({ sku }: { sku: string }) => {
  const product = catalog().find((candidate) => candidate.items[0].itemId === sku)
  if (!product) return <h1>Product not found</h1>
  return (
    <>
      <h1>{product.productName}</h1>
      <p>
        <strong>$ {product.items[0].sellers[0].commertialOffer.Price.toFixed(2)}</strong> <button onClick={() => addToCart(sku)}>Add to cart</button>
      </p>
      {/* No banner campaign runs on product pages: the house banner fills the placement. */}
      <div id="banner">
        <BannerWithHouseFallback position="top" />
      </div>
      <div id="shelf">
        <SponsoredProductsShelf title="Shoppers also viewed" quantity={4} minHeight={TITLE_PX + ROW_PX} mobileMinHeight={TITLE_PX + ROW_PX} />
      </div>
    </>
  )
}

/** "Place order" stands in for the checkout: the sandbox turns this orderForm into an OMS order and broadcasts its statuses to the Service. */
const Cart = () => {
  const { orderForm } = useOrderForm()
  const [error, setError] = useState<string>()
  const items = (orderForm.items as CartItem[] | undefined) || []
  const place = async () => {
    const answer = await fetch('/_sandbox/place-order', { method: 'POST', credentials: 'same-origin' })
    const body = (await answer.json()) as { orderId?: string; error?: string }
    if (body.orderId) location.assign(`/checkout/orderPlaced?og=${encodeURIComponent(body.orderId)}`)
    else setError(body.error)
  }
  return (
    <>
      <h1>Your cart</h1>
      {items.length === 0 ? (
        <p>Your cart is empty.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Product</th>
              <th>Quantity</th>
              <th>Price</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>{item.name}</td>
                <td>{item.quantity}</td>
                <td>{money(item.sellingPrice * item.quantity)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        Total {money(orderForm.value as number)} <button onClick={place} disabled={items.length === 0}>Place order</button> {error}
      </p>
    </>
  )
}

const OrderPlaced = ({ orderId }: { orderId: string }) => {
  useEffect(() => void window.dispatchEvent(new Event('sandbox:orderForm')), [])
  return (
    <>
      <h1>Thank you: order {orderId} placed</h1>
      <p>
        The order went to the Service as VTEX's broadcasts; <a href={`/_sandbox#order-${orderId}`}>the dashboard</a> shows its conversion and the ad events
        of your session that came before it.
      </p>
    </>
  )
}

const Page = () => {
  if (location.pathname === '/cart') return <Cart />
  if (location.pathname === '/checkout/orderPlaced') return <OrderPlaced orderId={params.get('og') || ''} />
  const term = params.get('q')
  const product = params.get('product')
  if (term) return <Search term={term} />
  if (product) return <ProductPage sku={product} />
  return <Home />
}

/** vtex.store's PageViewPixel: one `vtex:pageView` on the pixel bus per page view (each demo page is a full load). */
const PageViewPixel = () => {
  useEffect(postPageView, [])
  return null
}

const Store = () => (
  <OrderFormProvider>
    <PageViewPixel />
    <PixelIdentity />
    <header>
      <a href="/">ads-events sandbox store</a>
      <form action="/" role="search">
        <input name="q" placeholder="Search (try outdoor)" aria-label="Search" defaultValue={params.get('q') || ''} />
      </form>
      <CartLink />
      <Login />
      <a href="/_sandbox">Dashboard</a>
    </header>
    <main>
      <Page />
    </main>
  </OrderFormProvider>
)

ReactDOM.render(<Store />, document.getElementById('root'))
