/**
 * The part of a VTEX OMS order (GET /api/oms/pvt/orders/{orderId}) this app reads.
 * Amounts are integers in VTEX cents: hundredths of the currency unit, whatever the currency
 * (storePreferencesData.currencyFormatInfo is display only; see conversion/money.ts).
 */
export interface VtexPriceDefinition {
  /** All units of the line, in cents. */
  total?: number | null
  /** One unit (one SKU as sold, unitMultiplier applied), in cents. */
  calculatedSellingPrice?: number | null
  sellingPrices?: Array<{ value?: number | null; quantity?: number | null }> | null
}

export interface VtexOrderItem {
  id: string
  productId?: string | null
  name?: string | null
  seller?: string | null
  /** How many SKUs (each `unitMultiplier` measurement units) were bought. */
  quantity: number
  /** Nominal price per measurement unit (e.g. per kg), in cents. */
  price: number
  /** List price per measurement unit, in cents. */
  listPrice?: number | null
  /** Price of one SKU as sold (unitMultiplier applied, promotions included), in cents. */
  sellingPrice?: number | null
  isGift?: boolean | null
  measurementUnit?: string | null
  /** Measurement units per SKU (0.5 kg, a pack of 6…). A number in items; OMS types it inconsistently. */
  unitMultiplier?: number | string | null
  /** The OpenAPI schema names it priceDefinitions; OMS examples (and orders) carry priceDefinition. */
  priceDefinition?: VtexPriceDefinition | null
  priceDefinitions?: VtexPriceDefinition | null
  additionalInfo?: {
    brandName?: string | null
    /** Root first: `/1000083/1004135/1004138/`. */
    categoriesIds?: string | null
    /** The same categories with names; OMS examples list the most specific first. */
    categories?: Array<{ id?: number | string | null; name?: string | null }> | null
  } | null
}

/** A line of an order change (changesAttachment.changesData[].itemsAdded / itemsRemoved). */
export interface VtexChangedItem {
  id: string
  name?: string | null
  quantity: number
  /** Cents, nominal (per measurement unit) like items[].price. */
  price?: number | null
  /** A string in changes ("0.5"), unlike items. */
  unitMultiplier?: number | string | null
}

export interface VtexOrderChange {
  reason?: string | null
  /** Cents taken off the order value. */
  discountValue?: number | null
  /** Cents added to the order value. */
  incrementValue?: number | null
  itemsAdded?: VtexChangedItem[] | null
  itemsRemoved?: VtexChangedItem[] | null
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
  /** `Marketplace`, `Fulfillment` (a seller's copy of a marketplace's order) or `Chain`. */
  origin?: string | null
  /** On a fulfillment order: the id of the order on the marketplace that sold it. */
  marketplaceOrderId?: string | null
  /** The marketplace's three-letter affiliate code on a fulfillment order. */
  affiliateId?: string | null
  /** The checkout's purchase: one orderGroup splits into one order per seller (`<group>-01`, `-02`…). */
  orderGroup?: string | null
  status?: string
  creationDate: string
  /** When payment was approved / the order was invoiced (OMS; the list endpoint filters on them). */
  authorizedDate?: string | null
  invoicedDate?: string | null
  salesChannel?: string | null
  hostname?: string | null
  value?: number
  /** Items, Discounts (negative), Shipping, Tax; a `Change` total after an order change. */
  totals?: Array<{ id: string; name?: string | null; value: number }> | null
  items: VtexOrderItem[]
  clientProfileData?: VtexClientProfile | null
  shippingData?: { address?: VtexAddress | null } | null
  customData?: { customApps?: VtexCustomApp[] | null } | null
  marketingData?: { coupon?: string | null } | null
  changesAttachment?: { id?: string | null; changesData?: VtexOrderChange[] | null } | null
  storePreferencesData?: {
    countryCode?: string | null
    currencyCode?: string | null
    currencyFormatInfo?: { CurrencyDecimalDigits?: number | null } | null
  } | null
}
