import { useEffect, useRef } from 'react'
import { useOrderForm } from 'vtex.order-manager/OrderForm'

import { bridgePlan, onIdentityChange } from './identity'
import { syncOrderFormIdentity } from './orderFormBridge'

/**
 * Keeps the orderForm's customData in step with the shopper's identity: runs when the identity
 * changes (decided, user known, consent, logout) and whenever the orderForm id changes (new cart,
 * login merge), never on mere re-renders, and writes only what changed.
 */
export const useOrderFormBridge = () => {
  const { orderForm } = useOrderForm()
  const latest = useRef(orderForm)
  latest.current = orderForm
  const sync = () => {
    const plan = bridgePlan()
    if (plan && latest.current) syncOrderFormIdentity(latest.current.id, plan, latest.current.customData)
  }
  const orderFormId = orderForm && orderForm.id
  // On identity changes and per orderForm id, not per render: sync reads the latest orderForm through the ref.
  useEffect(() => onIdentityChange(sync), [])
  useEffect(sync, [orderFormId])
}
