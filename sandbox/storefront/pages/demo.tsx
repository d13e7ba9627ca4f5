import React, { useState } from 'react'
import ReactDOM from 'react-dom'
import { OrderFormProvider, useOrderForm } from 'vtex.order-manager/OrderForm'

import AdTracker from '../../../react/AdTracker'
import PixelIdentity from '../../../react/PixelIdentity'
import type { DemoAd } from '../ads'

/**
 * The sandbox's demo store page: the real `ad-tracker` and `pixel.ads-events` blocks, with
 * order-manager shimmed. The ads come from the page (window.__SANDBOX_ADS__), standing in for
 * the Get ads answer.
 */
declare global {
  interface Window {
    __SANDBOX_ADS__: DemoAd[]
  }
}

const money = (cents = 0) => `$ ${(cents / 100).toFixed(2)}`

const addToCart = (sku: string) =>
  fetch('/_sandbox/add-to-cart', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ sku, quantity: 1 }),
  }).then(() => window.dispatchEvent(new Event('sandbox:orderForm')))

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

const ProductAd = ({ ad }: { ad: DemoAd }) => (
  <AdTracker impression_url={ad.impression_url} view_url={ad.view_url} click_url={ad.click_url} context="shelf">
    <div className="card">
      <span className="tag">Sponsored</span>
      <a href={`/?product=${ad.product_sku}`}>{ad.name}</a>
      <strong>{money(ad.price)}</strong>
      <button onClick={() => addToCart(ad.product_sku || '')}>Add to cart</button>
    </div>
  </AdTracker>
)

const Store = () => {
  const ads = window.__SANDBOX_ADS__ || []
  const product = new URLSearchParams(location.search).get('product')
  return (
    <OrderFormProvider>
      <PixelIdentity />
      <header>
        <a href="/" style={{ color: '#fff' }}>
          ads-events sandbox store
        </a>
        <Cart />
        <PlaceOrder />
        <Login />
      </header>
      <main>
        {product ? <p>Product page of SKU {product}.</p> : null}
        {ads
          .filter((ad) => ad.type === 'banner')
          .map((ad) => (
            <AdTracker key={ad.ad_id} impression_url={ad.impression_url} view_url={ad.view_url} click_url={ad.click_url} context="banner">
              <a href="/?campaign=summer">
                <img src={ad.media_url} alt={ad.name} width={960} height={200} style={{ maxWidth: '100%', height: 'auto' }} />
              </a>
            </AdTracker>
          ))}
        <h2>Sponsored products</h2>
        <div className="shelf">
          {ads
            .filter((ad) => ad.type === 'product')
            .map((ad) => (
              <ProductAd key={ad.ad_id} ad={ad} />
            ))}
        </div>
        <div className="spacer">Scroll: ads below the fold send their view only once you see them for a second.</div>
        <div className="shelf">
          {ads
            .filter((ad) => ad.type === 'product')
            .slice(0, 2)
            .map((ad) => (
              <AdTracker key={ad.ad_id} impression_url={ad.impression_url} view_url={ad.view_url} click_url={ad.click_url} context="footer-shelf">
                <div className="card">
                  <span className="tag">Sponsored</span>
                  {ad.name}
                </div>
              </AdTracker>
            ))}
        </div>
      </main>
    </OrderFormProvider>
  )
}

ReactDOM.render(<Store />, document.getElementById('root'))
