/** vtex.product-context: the product of the product page (VTEX runtime; search-graphql's Product). */
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

/** vtex.search-page-context: the search page's query, breadcrumb and selected facets (VTEX runtime). */
declare module 'vtex.search-page-context/SearchPageContext' {
  export function useSearchPage():
    | {
        searchQuery?: {
          data?: { productSearch?: { breadcrumb?: Array<{ name?: string }> } | null }
          variables?: { fullText?: string; selectedFacets?: Array<{ key?: string; value?: string }> }
        }
      }
    | undefined
}
