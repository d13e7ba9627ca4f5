import React, { createContext, ReactNode, useContext, useEffect, useMemo, useReducer, useState } from 'react'

/**
 * Sandbox stand-in for `vtex.order-manager/OrderForm` 0.x, reproducing exactly what realShapes.ts
 * records of it. Follows:
 * - vtex-apps/order-manager@0.12.1 (eafbdd8): react/OrderForm.tsx
 * - vtex/order-manager@0.5.3 (npm): src/modules/OrderForm.tsx, src/modules/createOrderForm.tsx, src/constants.ts
 * - vtex-apps/checkout-resources@0.50.1 (7abedc1): react/fragments/orderForm.graphql, react/fragments/item.graphql
 * - vtex-apps/checkout-graphql@0.67.1 (885ff0a): graphql/types/OrderForm.graphql
 * - vtex-apps/store@2.147.0 (f98a6db): react/StoreWrapper.js
 *
 * `useOrderForm()` is `{ orderForm, setOrderForm, loading, error }`. The provider starts from the
 * default orderForm (`id: 'default-order-form'`, no items, value 0) with `loading: true`, and
 * replaces it with the shopper's once the orderForm query answers (here: the sandbox Checkout
 * API, mapped to the fields of checkout-resources' fragment that realShapes.ts records: `id`,
 * `items`, `value`, `customData: {customApps: [{id, major, fields}]}` or null); `setOrderForm`
 * merges an update into it. Outside any provider the hook returns the context's default (the
 * default orderForm, not loading) instead of throwing. A `sandbox:orderForm` window event
 * reloads it (after add to cart).
 */
export interface OrderFormItem {
  id: string
  name: string
  quantity: number
  sellingPrice: number
  [field: string]: unknown
}
export interface OrderForm {
  id: string
  items: OrderFormItem[]
  value: number
  customData?: { customApps: Array<{ id: string; major: number; fields: Record<string, string> }> } | null
}
type OrderFormUpdate = Partial<OrderForm> | ((previous: OrderForm) => Partial<OrderForm>)
interface OrderFormContextValue {
  orderForm: OrderForm
  setOrderForm: (update: OrderFormUpdate) => void
  loading: boolean
  error: unknown
}

/** @vtex/order-manager's DEFAULT_ORDER_FORM, as far as recorded (its value -1, "not synced", reaches readers as 0). */
export const DEFAULT_ORDER_FORM: OrderForm = { id: 'default-order-form', items: [], value: 0 }

const OrderFormContext = createContext<OrderFormContextValue>({
  orderForm: DEFAULT_ORDER_FORM,
  setOrderForm: () => undefined,
  loading: false,
  error: undefined,
})

const merge = (previous: OrderForm, update: OrderFormUpdate): OrderForm => ({
  ...previous,
  ...(typeof update === 'function' ? update(previous) : update),
})

/** The Checkout API's orderForm (REST) → the fields order-manager's query gives. */
interface CheckoutOrderForm {
  orderFormId: string
  items?: OrderFormItem[]
  value?: number
  customData?: OrderForm['customData']
}
const fromCheckout = (answer: CheckoutOrderForm): OrderForm => ({
  id: answer.orderFormId,
  items: (answer.items || []).map(({ id, name, quantity, sellingPrice }) => ({ id, name, quantity, sellingPrice })),
  value: answer.value || 0,
  customData: answer.customData || null,
})

export const OrderFormProvider = ({ children }: { children?: ReactNode }) => {
  const [orderForm, setOrderForm] = useReducer(merge, DEFAULT_ORDER_FORM)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<unknown>()

  useEffect(() => {
    const load = () =>
      fetch('/api/checkout/pub/orderForm', { credentials: 'same-origin' })
        .then((response) => response.json())
        .then((answer: CheckoutOrderForm) => {
          setOrderForm(fromCheckout(answer))
          setError(undefined)
          setLoading(false)
        })
        .catch((failure: unknown) => {
          setError(failure)
          setLoading(false)
        })
    load()
    window.addEventListener('sandbox:orderForm', load)
    return () => window.removeEventListener('sandbox:orderForm', load)
  }, [])

  const value = useMemo(() => ({ orderForm, setOrderForm, loading, error }), [orderForm, loading, error])
  return <OrderFormContext.Provider value={value}>{children}</OrderFormContext.Provider>
}

export const useOrderForm = (): OrderFormContextValue => useContext(OrderFormContext)
