import React, { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { useQuery } from 'react-apollo'
import { useOrderForm } from 'vtex.order-manager/OrderForm'

import { keepDebugMode } from './debugSession'
import { bridgeWrites, fetchOurFields } from './identityView'
import Outlines from './Outlines'
import { pageSnapshot, PageSnapshot, PublicConfig } from './pageSnapshot'
import Panel, { CartView } from './Panel'
import DEBUG_CONFIG from './queries/debugConfig.gql'
import { startRequestLog } from './requestLog'

/** How often the overlay reads the page again: enough to watch a 1 s view clock. */
const REFRESH_MS = 250

/**
 * The cart as the overlay shows it: order-manager's orderForm id, and what it holds of ours, read
 * again after each write of the bridge (order-manager's copy does not see them). Never read before
 * there is a cart: asking for one would create it.
 */
const useCart = (): CartView => {
  const { orderForm } = useOrderForm()
  const orderFormId = orderForm && orderForm.id !== 'default-order-form' ? orderForm.id : undefined
  const writes = bridgeWrites().filter((write) => write.status !== undefined).length
  const [fields, setFields] = useState<CartView['fields']>()
  useEffect(() => {
    if (!orderFormId) return undefined
    let live = true
    fetchOurFields().then((cart) => live && cart && cart.orderFormId === orderFormId && setFields(cart.fields))
    return () => {
      live = false
    }
  }, [orderFormId, writes])
  return { orderFormId, fields }
}

/**
 * The debug overlay (debugMode.ts loads it, in debug mode only): outlines on every tracked ad and
 * a panel with the page's ads and events, its Get ads requests, the identity and the warnings.
 * It observes the page from outside (adSlot.ts's slots on the ads' elements, the browser's
 * Resource Timing for what was sent, the page's ad query log) and changes nothing the app does.
 */
const DebugOverlay = () => {
  const { data } = useQuery<{ adsEventsPublicConfig?: PublicConfig | null }>(DEBUG_CONFIG, { ssr: false })
  const config = (data && data.adsEventsPublicConfig) || undefined
  const [snapshot, setSnapshot] = useState<PageSnapshot>()
  const cart = useCart()

  useEffect(() => {
    keepDebugMode()
    startRequestLog()
  }, [])
  useEffect(() => {
    const read = () => setSnapshot(pageSnapshot(config))
    read()
    const timer = setInterval(read, REFRESH_MS)
    return () => clearInterval(timer)
  }, [config])

  if (!snapshot) return null
  return (
    <>
      {createPortal(<Outlines ads={snapshot.ads} blocks={snapshot.blocks} />, document.body)}
      {createPortal(<Panel snapshot={snapshot} config={config} cart={cart} />, document.body)}
    </>
  )
}

export default <DebugOverlay />
