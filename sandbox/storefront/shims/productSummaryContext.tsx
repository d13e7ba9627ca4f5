import React, { createContext, ReactNode, useContext } from 'react'

/**
 * Sandbox stand-in for `vtex.product-summary-context/ProductSummaryContext` 0.x, reproducing
 * exactly what realShapes.ts records of it. Follows:
 * - vtex-apps/product-summary-context@0.14.0 (b7cdd2b): react/ProductSummaryContext.tsx, react/ProductSummaryTypes.ts
 * - vtex-apps/product-summary@2.92.0 (cd41dc3): react/ProductSummaryCustom.tsx
 * - vtex-apps/search-result@3.148.0 (8f27045): react/hooks/useMergeResults.ts
 * - vtex/ads-js@0.5.1 (c73e1a8): packages/core/src/hydration/mappers.ts, packages/core/src/hydration/types.ts
 * - vtex-apps/store-resources@0.104.3 (3e78866): react/queries/productSearchV3.gql
 *
 * The default export is `{ ProductSummaryProvider, useProductSummary }`. `useProductSummary()` is
 * the summary's state, of which we read `product` (the mapped catalog product: its `sku`, `items`,
 * `productName` and, for VTEX's own sponsored products, `advertisement`), and undefined outside a
 * product summary: the real context has no default value.
 */
export interface SummaryProduct {
  productId: string
  productName: string
  items: Array<{ itemId: string; [field: string]: unknown }>
  sku?: {
    itemId: string
    seller: { commertialOffer: { Price: number; [field: string]: unknown }; [field: string]: unknown }
    [field: string]: unknown
  }
  advertisement?: {
    adId?: string
    campaignId?: string
    adRequestId?: string
    adResponseId?: string
    actionCost?: number
    eventUrls?: { impression: string; view: string; click: string }
    eventParameters?: string
    sponsoredBySellerId?: string
  } | null
  [field: string]: unknown
}

interface ProductSummaryState {
  product: SummaryProduct
}

const Context = createContext<ProductSummaryState | undefined>(undefined)

const ProductSummaryProvider = ({ product, children }: { product: SummaryProduct; children?: ReactNode }) => (
  <Context.Provider value={{ product }}>{children}</Context.Provider>
)

const ProductSummaryContext = {
  ProductSummaryProvider,
  useProductSummary: () => useContext(Context),
}

export default ProductSummaryContext
