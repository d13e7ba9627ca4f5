import { currentDemoPage } from './demoPage'

/**
 * Sandbox stand-in for `vtex.search-page-context/SearchPageContext` 0.x, reproducing exactly what
 * realShapes.ts records of it. Follows:
 * - vtex-apps/search-page-context@0.2.0 (e3cb8be): react/SearchPageContext.ts
 * - vtex-apps/search-result@3.148.0 (8f27045): react/SearchResultFlexible.js, react/components/SearchQuery.js, react/utils/compatibilityLayer.js
 * - vtex-apps/store-resources@0.104.3 (3e78866): react/queries/productSearchV3.gql
 *
 * `useSearchPage()` on a search or category page (demoPage.ts) is search-result's context value,
 * reduced to its `searchQuery`: the query's `variables.fullText` (the term of a full-text search)
 * and `data.productSearch.breadcrumb` (`{name, href}` per category from the top); anywhere else `{}`,
 * the real context's default value.
 */
const categoryHref = (names: string[], depth: number) =>
  '/' +
  names
    .slice(0, depth + 1)
    .map((name) => encodeURIComponent(name.toLowerCase()))
    .join('/')

export const useSearchPage = () => {
  const page = currentDemoPage()
  if (page.term) return { searchQuery: { variables: { fullText: page.term } } }
  const names = page.categories
  if (!names) return {}
  return {
    searchQuery: {
      variables: {},
      data: { productSearch: { breadcrumb: names.map((name, depth) => ({ name, href: categoryHref(names, depth) })) } },
    },
  }
}
