import { useEffect, useRef, useState } from 'react'
import { useOrderForm } from 'vtex.order-manager/OrderForm'

import { Identity, resolveIdentity } from './identity'
import { syncOrderFormIdentity } from './orderFormBridge'

/**
 * Keeps the orderForm's customData in step with the shopper's identity: runs when the
 * identity resolves and whenever the orderForm id changes (new cart, login merge), never on
 * mere re-renders, and writes only what changed.
 */
export const useOrderFormBridge = () => {
  const { orderForm } = useOrderForm()
  const orderFormId = orderForm?.id
  const customData = useRef<unknown>(undefined)
  customData.current = orderForm?.customData
  const [identity, setIdentity] = useState<Identity>()

  useEffect(() => {
    let live = true
    resolveIdentity().then((resolved) => live && setIdentity(resolved))
    return () => {
      live = false
    }
  }, [])

  useEffect(() => {
    if (identity) syncOrderFormIdentity(orderFormId, identity, customData.current)
  }, [orderFormId, identity])
}
