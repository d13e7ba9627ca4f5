import { buildSchema, graphql } from 'graphql'

import { demoProducts, type DemoProduct } from './ads'
import type { GraphqlAnswer } from './graphqlGateway'

/**
 * Stand-in for `vtex.search-graphql`, the part the blocks query: `productsByIdentifier` over the
 * demo catalog. A real schema executed by graphql-js, so a query asking for a field the catalog
 * does not have is refused as the real one would refuse it.
 */
const schema = buildSchema(`
  enum ProductUniqueIdentifierField { id slug ean reference sku }
  type Query { productsByIdentifier(field: ProductUniqueIdentifierField!, values: [ID!]): [Product] }
  type Product { cacheId: ID productId: ID productName: String brand: String linkText: String link: String items: [SKU] priceRange: ProductPriceRange }
  type SKU { itemId: ID name: String images: [Image] sellers: [Seller] }
  type Image { imageUrl: String imageLabel: String }
  type Seller { sellerId: ID commertialOffer: Offer }
  type Offer { Price: Float ListPrice: Float AvailableQuantity: Int }
  type ProductPriceRange { sellingPrice: PriceRange listPrice: PriceRange }
  type PriceRange { highPrice: Float lowPrice: Float }
`)

/** The demo catalog as vtex.search-graphql's Product. */
export const catalogProduct = (product: DemoProduct) => {
  const price = product.price / 100
  return {
    cacheId: `sp-${product.productId}`,
    productId: product.productId,
    productName: product.name,
    brand: product.brand,
    linkText: product.name.toLowerCase().replace(/\W+/g, '-'),
    link: `/?product=${product.sku}`,
    items: [{ itemId: product.sku, name: product.name, images: [], sellers: [{ sellerId: '1', commertialOffer: { Price: price, ListPrice: price, AvailableQuantity: 10 } }] }],
    priceRange: { sellingPrice: { highPrice: price, lowPrice: price }, listPrice: { highPrice: price, lowPrice: price } },
  }
}

const root = {
  productsByIdentifier: ({ field, values }: { field: string; values?: string[] }) => {
    const key = (product: DemoProduct) => (field === 'sku' ? product.sku : field === 'id' ? product.productId : undefined)
    return demoProducts.filter((product) => (values ?? []).includes(key(product) as string)).map(catalogProduct)
  },
}

export const catalogGraphql = async (query: string, variables: Record<string, unknown>): Promise<GraphqlAnswer> => {
  const result = await graphql({ schema, source: query, rootValue: root, variableValues: variables })
  return { status: result.errors ? 400 : 200, body: result }
}
