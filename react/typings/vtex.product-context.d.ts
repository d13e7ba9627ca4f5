/**
 * vtex.product-context 0.x (manifest dependency, VTEX runtime): the product of the product page, no
 * more than the blocks read, as sandbox/storefront/shims/realShapes.ts records it. `{}` outside a
 * product. Follows:
 * - vtex-apps/product-context@0.10.1 (abd05f1): react/useProduct.ts, react/ProductContext.ts, react/ProductContextProvider.tsx, react/ProductTypes.ts
 * - vtex-apps/store-resources@0.104.3 (3e78866): react/queries/product.gql, react/fragments/product.graphql
 */
declare module 'vtex.product-context' {
  export function useProduct():
    | {
        product?: {
          productId?: string
          brand?: string
          /** Category paths, e.g. "/Outdoor/Footwear/". */
          categories?: string[]
          /** The product's categories from the top. */
          categoryTree?: Array<{ name?: string }>
          items?: Array<{ itemId?: string }>
        } | null
        selectedItem?: { itemId?: string } | null
      }
    | undefined
}

/**
 * vtex.search-page-context 0.x (manifest dependency, VTEX runtime): the search page's query and
 * breadcrumb, no more than the blocks read, as sandbox/storefront/shims/realShapes.ts records it.
 * `{}` outside a search page. Follows:
 * - vtex-apps/search-page-context@0.2.0 (e3cb8be): react/SearchPageContext.ts
 * - vtex-apps/search-result@3.148.0 (8f27045): react/SearchResultFlexible.js, react/components/SearchQuery.js, react/utils/compatibilityLayer.js
 * - vtex-apps/store-resources@0.104.3 (3e78866): react/queries/productSearchV3.gql
 */
declare module 'vtex.search-page-context/SearchPageContext' {
  export function useSearchPage():
    | {
        searchQuery?: {
          data?: { productSearch?: { breadcrumb?: Array<{ name?: string; href?: string }> } | null }
          variables?: { fullText?: string; selectedFacets?: Array<{ key?: string; value?: string }> }
        }
      }
    | undefined
}
