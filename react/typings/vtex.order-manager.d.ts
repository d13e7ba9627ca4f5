/**
 * vtex.order-manager 0.x (manifest dependency, provided by the VTEX runtime, not npm): what this app
 * reads, no more, as sandbox/storefront/shims/realShapes.ts records it. Follows:
 * - vtex-apps/order-manager@0.12.1 (eafbdd8): react/OrderForm.tsx
 * - vtex/order-manager@0.5.3 (npm): src/modules/OrderForm.tsx, src/modules/createOrderForm.tsx, src/constants.ts
 * - vtex-apps/checkout-resources@0.50.1 (7abedc1): react/fragments/orderForm.graphql, react/fragments/item.graphql
 * - vtex-apps/checkout-graphql@0.67.1 (885ff0a): graphql/types/OrderForm.graphql
 * - vtex-apps/store@2.147.0 (f98a6db): react/StoreWrapper.js
 */
declare module 'vtex.order-manager/OrderForm' {
  export interface OrderForm {
    /** `default-order-form` until the orderForm query answers. */
    id: string
    items: Array<{ id: string; name: string; quantity: number; sellingPrice: number }>
    /** Hundredths. */
    value: number
    customData?: { customApps: Array<{ id: string; major: number; fields: Record<string, string> }> } | null
  }
  /** The sandbox's pages only: on a real store vtex.store's StoreWrapper renders it around every page. */
  export const OrderFormProvider: import('react').ComponentType<{ children?: import('react').ReactNode }>
  export function useOrderForm(): {
    orderForm: OrderForm
    setOrderForm: (update: Partial<OrderForm>) => void
    loading: boolean
    error: unknown
  }
}
