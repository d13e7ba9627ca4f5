/** Jest stand-in for vtex.order-manager/OrderForm: tests set the orderForm the hook returns. */
export const mockOrderForm: { current: { id: string; customData?: unknown } } = { current: { id: 'default-order-form' } }

export const useOrderForm = () => ({ orderForm: mockOrderForm.current, loading: false, setOrderForm: () => undefined })
