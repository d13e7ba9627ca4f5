/**
 * Sandbox stand-ins for `vtex.product-context` and `vtex.search-page-context`: the product page's
 * SKU from `?product=`, the category breadcrumb from `?category=Outdoor > Clothing`.
 */
const param = (name: string) => (typeof location === 'undefined' ? null : new URLSearchParams(location.search).get(name))

export const useProduct = () => {
  const sku = param('product')
  return sku ? { selectedItem: { itemId: sku }, product: { items: [{ itemId: sku }] } } : undefined
}

export const useSearchPage = () => {
  const category = param('category')
  return category ? { searchQuery: { data: { productSearch: { breadcrumb: category.split('>').map((name) => ({ name: name.trim() })) } } } } : undefined
}
