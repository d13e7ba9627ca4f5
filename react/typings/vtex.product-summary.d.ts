/** vtex.product-summary: the theme's product summary and its catalog → summary mapping (VTEX runtime). */
declare module 'vtex.product-summary/ProductSummaryCustom' {
  const ProductSummary: import('react').ComponentType<Record<string, unknown>> & {
    /** Public for shelves and search results: a search-graphql Product → the summary's product shape. */
    mapCatalogProductToProductSummary(product: unknown): unknown
  }
  export default ProductSummary
}

declare module 'vtex.product-summary-context/ProductSummaryContext' {
  export interface SummaryProduct {
    productId?: string
    productName?: string
    sku?: { itemId?: string }
    items?: Array<{ itemId?: string }>
    /** VTEX's own ads integration (@vtex/ads-core via search-result) puts the ad here. */
    advertisement?: {
      adId?: string
      eventParameters?: string
      eventUrls?: { impression?: string; view?: string; click?: string }
    }
  }
  const ProductSummaryContext: {
    useProductSummary(): { product?: SummaryProduct }
  }
  export default ProductSummaryContext
}
