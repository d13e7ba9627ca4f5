import type { VtexOrder } from '../node/typings/order'
import type { SandboxOrderForm } from './storefront/orderForms'

/**
 * What VTEX's checkout does on "place order", reduced: the orderForm (items in cents, customData)
 * becomes an OMS order. The demo shopper's e-mail is masked the way OMS masks it.
 */
export function orderFromCart(orderForm: SandboxOrderForm, sequence: number, nowMs: number, userProfileId?: string): VtexOrder {
  const items = orderForm.items.map((item) => ({
    id: item.id,
    productId: item.productId,
    name: item.name,
    seller: item.seller,
    quantity: item.quantity,
    price: item.price,
    listPrice: item.listPrice,
    sellingPrice: item.sellingPrice,
    isGift: false,
    priceDefinition: { total: item.sellingPrice * item.quantity },
    additionalInfo: { brandName: 'Demo Outdoor', categoriesIds: '/1/2/' },
  }))
  const itemsTotal = items.reduce((sum, item) => sum + item.priceDefinition.total, 0)
  const shipping = 1590
  return {
    orderId: `${1390700000000 + sequence}-01`,
    status: 'order-created',
    creationDate: new Date(nowMs).toISOString(),
    salesChannel: '1',
    hostname: 'mystore',
    value: itemsTotal + shipping,
    totals: [
      { id: 'Items', value: itemsTotal },
      { id: 'Discounts', value: 0 },
      { id: 'Shipping', value: shipping },
      { id: 'Tax', value: 0 },
    ],
    items,
    clientProfileData: {
      email: 'ana.shopper@example.com-118240309191b.ct.vtex.com.br',
      firstName: 'Ana',
      lastName: 'Shopper',
      document: '390.533.447-05',
      documentType: 'cpf',
      phone: '+5511987654321',
      isCorporate: false,
      userProfileId: userProfileId ?? 'b1d3f9a0-0000-4000-8000-00000000d3m0',
    },
    shippingData: { address: { city: 'São Paulo', state: 'SP', postalCode: '01310-100', country: 'BRA' } },
    customData: orderForm.customData ? { customApps: orderForm.customData.customApps } : null,
    storePreferencesData: { countryCode: 'BRA', currencyCode: 'BRL', currencyFormatInfo: { CurrencyDecimalDigits: 2 } },
  }
}
