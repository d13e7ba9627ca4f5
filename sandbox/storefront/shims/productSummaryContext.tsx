import { createContext, useContext } from 'react'

/** Sandbox stand-in for `vtex.product-summary-context/ProductSummaryContext`. */
export interface SummaryProduct {
  productId?: string
  productName?: string
  price?: number
  sku?: { itemId?: string }
  items?: Array<{ itemId?: string }>
  advertisement?: { adId?: string; eventParameters?: string; eventUrls?: { impression?: string; view?: string; click?: string } }
}

const Context = createContext<{ product?: SummaryProduct }>({})

const ProductSummaryContext = {
  Provider: Context.Provider,
  useProductSummary: () => useContext(Context),
}

export default ProductSummaryContext
