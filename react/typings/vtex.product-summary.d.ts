/**
 * vtex.product-summary-context 0.x (manifest dependency, VTEX runtime): the summary's product, no
 * more than the blocks read, as sandbox/storefront/shims/realShapes.ts records it. Follows:
 * - vtex-apps/product-summary-context@0.14.0 (b7cdd2b): react/ProductSummaryContext.tsx, react/ProductSummaryTypes.ts
 * - vtex-apps/product-summary@2.92.0 (cd41dc3): react/ProductSummaryCustom.tsx
 * - vtex-apps/search-result@3.148.0 (8f27045): react/hooks/useMergeResults.ts
 * - vtex/ads-js@0.5.1 (c73e1a8): packages/core/src/hydration/mappers.ts, packages/core/src/hydration/types.ts
 * - vtex-apps/store-resources@0.104.3 (3e78866): react/queries/productSearchV3.gql
 */
declare module 'vtex.product-summary-context/ProductSummaryContext' {
  export interface SummaryProduct {
    productId?: string
    productName?: string
    /** The chosen item, with its default seller. */
    sku?: { itemId?: string; seller?: { commertialOffer?: { Price?: number } } }
    items?: Array<{ itemId?: string }>
    /**
     * search-graphql's ad fields (adId…), or those of VTEX's own ads in search results (@vtex/ads-core
     * via search-result): eventUrls, eventParameters (base64 of the impression URL), sponsoredBySellerId.
     */
    advertisement?: {
      adId?: string
      campaignId?: string
      adRequestId?: string
      adResponseId?: string
      actionCost?: number
      eventUrls?: { impression?: string; view?: string; click?: string }
      eventParameters?: string
      sponsoredBySellerId?: string
    } | null
  }
  const ProductSummaryContext: {
    /** undefined outside a product summary: the context has no default. */
    useProductSummary(): { product: SummaryProduct } | undefined
  }
  export default ProductSummaryContext
}

/**
 * vtex.product-summary 2.x (manifest dependency, VTEX runtime): the theme's product summary and its
 * public catalog → summary mapping, as sandbox/storefront/shims/realShapes.ts records them. Follows:
 * - vtex-apps/product-summary@2.92.0 (cd41dc3): react/ProductSummaryCustom.tsx, react/utils/normalize.ts
 * - vtex-apps/search-result@3.148.0 (8f27045): react/components/GalleryItem.tsx
 */
declare module 'vtex.product-summary/ProductSummaryCustom' {
  import type { SummaryProduct } from 'vtex.product-summary-context/ProductSummaryContext'
  /** The theme's summary block; `product` is what the mapping below returns, passed on. */
  const ProductSummary: import('react').ComponentType<{ product: unknown; children?: import('react').ReactNode }> & {
    /** Public for shelves and search results: a search-graphql Product → the summary's product (null for none). */
    mapCatalogProductToProductSummary(product: unknown): SummaryProduct | null
  }
  export default ProductSummary
}
