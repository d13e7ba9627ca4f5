import { currentDemoPage } from './demoPage'

/**
 * Sandbox stand-in for `vtex.product-context` 0.x, reproducing exactly what realShapes.ts records
 * of it. Follows:
 * - vtex-apps/product-context@0.10.1 (abd05f1): react/useProduct.ts, react/ProductContext.ts, react/ProductContextProvider.tsx, react/ProductTypes.ts
 * - vtex-apps/store-resources@0.104.3 (3e78866): react/queries/product.gql, react/fragments/product.graphql
 *
 * `useProduct()` on the product page (`?product=<sku>`, demoPage.ts) is `{ product, selectedItem }`:
 * the catalog product (search-graphql's Product, from the demo catalog) and its item of that SKU;
 * anywhere else `{}`, the real context's default value. Not reproduced: the product context each
 * product summary opens around itself (no block of ours reads it there).
 */
export const useProduct = () => {
  const page = currentDemoPage()
  if (page.route.pageContext.type !== 'product' || !page.sku) return {}
  const product = page.product || { productId: page.sku, productName: page.sku, brand: '', items: [{ itemId: page.sku }] }
  return { product, selectedItem: product.items.find((item) => item.itemId === page.sku) || product.items[0] }
}
