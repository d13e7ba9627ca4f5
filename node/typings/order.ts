/**
 * The part of a VTEX OMS order (GET /api/oms/pvt/orders/{orderId}) this app reads.
 * Amounts are integers in minor units (cents); see storePreferencesData.currencyFormatInfo.
 */
export interface VtexOrderItem {
  id: string
  productId?: string | null
  name?: string | null
  seller?: string | null
  quantity: number
  price: number
  listPrice?: number | null
  sellingPrice?: number | null
  isGift?: boolean | null
  priceDefinition?: { total?: number | null } | null
  additionalInfo?: { brandName?: string | null; categoriesIds?: string | null } | null
}

export interface VtexAddress {
  city?: string | null
  state?: string | null
  postalCode?: string | null
  country?: string | null
}

export interface VtexClientProfile {
  email?: string | null
  firstName?: string | null
  lastName?: string | null
  document?: string | null
  documentType?: string | null
  phone?: string | null
  corporateDocument?: string | null
  corporatePhone?: string | null
  isCorporate?: boolean | null
  userProfileId?: string | null
  /** A label the merchant assigns to customers (e.g. in Master Data); no PII. */
  customerClass?: string | null
}

export interface VtexCustomApp {
  id: string
  major?: number
  fields?: Record<string, unknown> | null
}

export interface VtexOrder {
  orderId: string
  /** The checkout's purchase: one orderGroup splits into one order per seller (`<group>-01`, `-02`…). */
  orderGroup?: string | null
  status?: string
  creationDate: string
  salesChannel?: string | null
  hostname?: string | null
  value?: number
  totals?: Array<{ id: string; value: number }> | null
  items: VtexOrderItem[]
  clientProfileData?: VtexClientProfile | null
  shippingData?: { address?: VtexAddress | null } | null
  customData?: { customApps?: VtexCustomApp[] | null } | null
  storePreferencesData?: {
    countryCode?: string | null
    currencyCode?: string | null
    currencyFormatInfo?: { CurrencyDecimalDigits?: number | null } | null
  } | null
}
