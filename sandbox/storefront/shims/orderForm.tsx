import React, { createContext, ReactNode, useContext, useEffect, useState } from 'react'

/**
 * Sandbox stand-in for `vtex.order-manager/OrderForm`: loads the orderForm from the
 * (sandbox) Checkout API and exposes it as `{ id, ... }` the way order-manager does, starting
 * from its `default-order-form` placeholder. A `sandbox:orderForm` window event reloads it
 * (after add to cart).
 */
interface OrderFormLike {
  id: string
  customData?: unknown
  [key: string]: unknown
}
interface OrderFormContextValue {
  orderForm: OrderFormLike
  loading: boolean
  setOrderForm: (orderForm: OrderFormLike) => void
}

const OrderFormContext = createContext<OrderFormContextValue | undefined>(undefined)

export const OrderFormProvider = ({ children }: { children?: ReactNode }) => {
  const [orderForm, setOrderForm] = useState<OrderFormLike>({ id: 'default-order-form' })
  const [loading, setLoading] = useState(true)

  useEffect(() => {
    const load = () =>
      fetch('/api/checkout/pub/orderForm', { credentials: 'same-origin' })
        .then((response) => response.json())
        .then((answer: { orderFormId: string }) => {
          setOrderForm({ ...answer, id: answer.orderFormId })
          setLoading(false)
        })
        .catch(() => setLoading(false))
    load()
    window.addEventListener('sandbox:orderForm', load)
    return () => window.removeEventListener('sandbox:orderForm', load)
  }, [])

  return <OrderFormContext.Provider value={{ orderForm, loading, setOrderForm }}>{children}</OrderFormContext.Provider>
}

export const useOrderForm = (): OrderFormContextValue => {
  const value = useContext(OrderFormContext)
  if (!value) throw new Error('useOrderForm must be used within a OrderFormProvider')
  return value
}
