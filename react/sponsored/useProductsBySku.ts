import { useQuery } from 'react-apollo'

import PRODUCTS_BY_SKU from './queries/productsBySku.gql'

/** A search-graphql Product, as far as the blocks read it. */
export interface CatalogProduct {
  productId: string
  items?: Array<{ itemId: string }>
  [field: string]: unknown
}

/**
 * The store's own product data for the advertised SKUs (vtex.search-graphql productsByIdentifier),
 * so the theme's product-summary shows them with its real prices and availability. Undefined
 * while loading; a failed query is no products.
 */
export const useProductsBySku = (skus: string[]): CatalogProduct[] | undefined => {
  const { data, error } = useQuery<{ productsByIdentifier?: CatalogProduct[] }>(PRODUCTS_BY_SKU, { variables: { values: skus }, skip: skus.length === 0, ssr: false })
  // A failed catalog query settles as "no products": the block then shows none instead of waiting.
  return error ? [] : data && (data.productsByIdentifier || [])
}

/** The product of `sku` with that SKU first, so the summary shows the advertised SKU. */
export const productForSku = (products: CatalogProduct[], sku: string): CatalogProduct | undefined => {
  const product = products.find((candidate) => candidate.items?.some((item) => item.itemId === sku))
  if (!product?.items) return product
  return { ...product, items: [...product.items.filter((item) => item.itemId === sku), ...product.items.filter((item) => item.itemId !== sku)] }
}
