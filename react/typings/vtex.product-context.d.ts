/** vtex.product-context: the product of the product page (VTEX runtime). */
declare module 'vtex.product-context' {
  export function useProduct():
    | { product?: { productId?: string; brand?: string; items?: Array<{ itemId?: string }> }; selectedItem?: { itemId?: string } }
    | undefined
}

/** vtex.search-page-context: the search page's query and breadcrumb (VTEX runtime). */
declare module 'vtex.search-page-context/SearchPageContext' {
  export function useSearchPage():
    | { searchQuery?: { data?: { productSearch?: { breadcrumb?: Array<{ name?: string }> } }; variables?: { fullText?: string } } }
    | undefined
}
