import React, { useState } from 'react'
import ReactDOM from 'react-dom'
import { OrderFormProvider, useOrderForm } from 'vtex.order-manager/OrderForm'

import PixelIdentity from '../../../react/PixelIdentity'
import SponsoredBanner from '../../../react/SponsoredBanner'
import SponsoredBrand from '../../../react/SponsoredBrand'
import SponsoredProductsShelf from '../../../react/SponsoredProductsShelf'
import SponsoredSearchBadges from '../../../react/SponsoredSearchBadges'
import ProductSummary, { SummaryContent } from '../shims/productSummary'

/**
 * The sandbox's demo store page: the real `pixel.ads-events` and sponsored blocks, with the
 * Store Framework modules shimmed. Every ad comes from the real path: the blocks query
 * `sponsoredAds`, the page server runs it on the real Service, which asks the Get ads stand-in.
 * Pages: `/` home, `/?q=outdoor` search (with VTEX's own sponsored copy in the results, from
 * window.__SANDBOX_SEARCH__), `/?product=2001`, `/?category=Outdoor`, `/?brand=TrailCo`.
 */
declare global {
  interface Window {
    __SANDBOX_SEARCH__: unknown[]
  }
}

const money = (cents = 0) => `$ ${(cents / 100).toFixed(2)}`

const Cart = () => {
  const { orderForm } = useOrderForm()
  const items = (orderForm.items as Array<{ quantity: number }> | undefined) || []
  return (
    <span>
      Cart: {items.reduce((n, item) => n + item.quantity, 0)} item(s), {money(orderForm.value as number)} · orderForm {orderForm.id.slice(0, 8)}
    </span>
  )
}

/** "Place order" stands in for the checkout: the sandbox turns this orderForm into an OMS order and broadcasts its statuses to the Service. */
const PlaceOrder = () => {
  const [placed, setPlaced] = useState<string>()
  const place = async () => {
    const answer = await fetch('/_sandbox/place-order', { method: 'POST', credentials: 'same-origin' })
    const body = (await answer.json()) as { orderId?: string; error?: string }
    setPlaced(body.orderId ? `Order ${body.orderId} placed: see its conversion in the dashboard` : body.error)
    window.dispatchEvent(new Event('sandbox:orderForm'))
  }
  return (
    <span>
      <button onClick={place}>Place order</button> {placed ? <a href="/_sandbox" style={{ color: '#fff' }}>{placed}</a> : null}
    </span>
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

const SearchResults = ({ term }: { term: string }) => (
  <>
    <h2>Search results for “{term}”</h2>
    <div className="shelf" id="search-results">
      {window.__SANDBOX_SEARCH__.map((product, index) => (
        <ProductSummary key={index} product={ProductSummary.mapCatalogProductToProductSummary(product)}>
          <SponsoredSearchBadges>
            <SummaryContent />
          </SponsoredSearchBadges>
        </ProductSummary>
      ))}
    </div>
  </>
)

const Store = () => {
  const params = new URLSearchParams(location.search)
  const term = params.get('q')
  const product = params.get('product')
  return (
    <OrderFormProvider>
      <PixelIdentity />
      <header>
        <a href="/" style={{ color: '#fff' }}>
          ads-events sandbox store
        </a>
        <form action="/" style={{ display: 'inline' }}>
          <input name="q" placeholder="Search (try outdoor)" aria-label="Search" defaultValue={term || ''} />
        </form>
        <Cart />
        <PlaceOrder />
        <Login />
      </header>
      <main>
        {product ? <p>Product page of SKU {product}.</p> : null}
        <div id="banner">
          <SponsoredBanner />
        </div>
        <div id="shelf">
          <SponsoredProductsShelf title="Sponsored products" quantity={4} />
        </div>
        <div id="brand">
          <SponsoredBrand />
        </div>
        {term ? <SearchResults term={term} /> : null}
        <div className="spacer">Scroll: ads below the fold send their view only once you see them for a second.</div>
        <div id="footer-shelf">
          <SponsoredProductsShelf position="bottom-shelf" quantity={2} />
        </div>
      </main>
    </OrderFormProvider>
  )
}

ReactDOM.render(<Store />, document.getElementById('root'))
