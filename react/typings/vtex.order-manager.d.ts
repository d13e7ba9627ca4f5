/** The part of vtex.order-manager this app reads (the module is provided by the VTEX runtime, not npm). */
declare module 'vtex.order-manager/OrderForm' {
  export interface OrderFormLike {
    id: string
    customData?: unknown
    [key: string]: unknown
  }
  export const OrderFormProvider: import('react').ComponentType<{ children?: import('react').ReactNode }>
  export function useOrderForm(): { orderForm: OrderFormLike; loading: boolean; setOrderForm: (orderForm: OrderFormLike) => void }
}
