import React, { ReactNode } from 'react'

/**
 * Jest stand-in for `vtex.order-manager/OrderForm` 0.x: tests set the orderForm the hook returns
 * (`mockOrderForm.current`, over the default orderForm). Same shape as the sandbox's stand-in
 * (sandbox/storefront/shims/orderForm.tsx), which realShapes.ts records. Follows:
 * - vtex-apps/order-manager@0.12.1 (eafbdd8): react/OrderForm.tsx
 * - vtex/order-manager@0.5.3 (npm): src/modules/OrderForm.tsx, src/modules/createOrderForm.tsx, src/constants.ts
 * - vtex-apps/checkout-resources@0.50.1 (7abedc1): react/fragments/orderForm.graphql, react/fragments/item.graphql
 * - vtex-apps/checkout-graphql@0.67.1 (885ff0a): graphql/types/OrderForm.graphql
 * - vtex-apps/store@2.147.0 (f98a6db): react/StoreWrapper.js
 */
export interface MockOrderForm {
  id: string
  items?: Array<{ id: string; name: string; quantity: number; sellingPrice: number }>
  value?: number
  customData?: { customApps: Array<{ id: string; major: number; fields: Record<string, string> }> } | null
}

export const mockOrderForm: { current: MockOrderForm } = { current: { id: 'default-order-form' } }

export const useOrderForm = () => ({
  orderForm: { items: [], value: 0, ...mockOrderForm.current },
  setOrderForm: () => undefined,
  loading: false,
  error: undefined,
})

export const OrderFormProvider = ({ children }: { children?: ReactNode }) => <>{children}</>
