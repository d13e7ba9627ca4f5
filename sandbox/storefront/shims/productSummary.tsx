import React, { ReactNode } from 'react'

import ProductSummaryContext, { SummaryProduct } from './productSummaryContext'

/**
 * Sandbox stand-in for the theme's product summary (`vtex.product-summary/ProductSummaryCustom`):
 * a card with name, price, link and "Add to cart", inside the summary context blocks read. Children
 * replace the default content, as a theme's product-summary.shelf children do.
 */
interface CatalogProduct {
  productId: string
  productName: string
  linkText?: string
  items?: Array<{ itemId: string; sellers?: Array<{ commertialOffer?: { Price?: number } }> }>
  advertisement?: SummaryProduct['advertisement']
}

const mapCatalogProductToProductSummary = (product: unknown): SummaryProduct => {
  const catalog = product as CatalogProduct
  const item = catalog.items?.[0]
  return {
    productId: catalog.productId,
    productName: catalog.productName,
    sku: item ? { itemId: item.itemId } : undefined,
    items: catalog.items?.map((one) => ({ itemId: one.itemId })),
    price: item?.sellers?.[0]?.commertialOffer?.Price,
    ...(catalog.advertisement ? { advertisement: catalog.advertisement } : {}),
  }
}

export const addToCart = (sku: string) =>
  fetch('/_sandbox/add-to-cart', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ sku, quantity: 1 }),
  }).then(() => window.dispatchEvent(new Event('sandbox:orderForm')))

export const SummaryContent = () => {
  const { product } = ProductSummaryContext.useProductSummary()
  const sku = product?.sku?.itemId || ''
  return (
    <>
      <a href={`/?product=${sku}`} data-sku={sku}>
        {product?.productName}
      </a>
      <strong>$ {Number(product?.price || 0).toFixed(2)}</strong>
      <label>
        <input type="checkbox" /> Compare
      </label>
      <button onClick={() => addToCart(sku)}>Add to cart</button>
    </>
  )
}

const ProductSummary = ({ product, children }: { product: SummaryProduct; children?: ReactNode }) => (
  <ProductSummaryContext.Provider value={{ product }}>
    <section className="card" data-product-sku={product.sku?.itemId}>
      {children || <SummaryContent />}
    </section>
  </ProductSummaryContext.Provider>
)

ProductSummary.mapCatalogProductToProductSummary = mapCatalogProductToProductSummary

export default ProductSummary
