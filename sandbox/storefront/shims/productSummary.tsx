import React, { ReactNode } from 'react'

import ProductSummaryContext, { SummaryProduct } from './productSummaryContext'

/**
 * Sandbox stand-in for the theme's product summary, `vtex.product-summary/ProductSummaryCustom`
 * 2.x, reproducing exactly what realShapes.ts records of it. Follows:
 * - vtex-apps/product-summary@2.92.0 (cd41dc3): react/ProductSummaryCustom.tsx, react/utils/normalize.ts
 * - vtex-apps/search-result@3.148.0 (8f27045): react/components/GalleryItem.tsx
 *
 * `mapCatalogProductToProductSummary(product)` is null for no product, else the product spread
 * with `sku`: its only item, or the first available one (a seller with stock), or the first; with
 * that item's default seller (the one marked `sellerDefault`, else the first). The component is a
 * card (name, price, link, "Add to cart") inside the summary context blocks read; children replace
 * the default content, as a theme's product-summary.shelf children do. Not reproduced: the
 * `DefaultSKUSelected` specification and the other preferred-SKU rules (the demo products have one
 * item), image resizing.
 */
interface CatalogItem {
  itemId: string
  sellers?: Array<{ sellerDefault?: boolean; commertialOffer?: { Price?: number; AvailableQuantity?: number } }>
  [field: string]: unknown
}
interface CatalogProduct {
  productId: string
  productName: string
  items?: CatalogItem[]
  [field: string]: unknown
}

const isAvailable = (item: CatalogItem) => (item.sellers || []).some((seller) => (seller.commertialOffer?.AvailableQuantity ?? 0) > 0)
const defaultSeller = (item: CatalogItem) =>
  (item.sellers || []).find((seller) => seller.sellerDefault) || (item.sellers || [])[0] || { commertialOffer: { Price: 0, ListPrice: 0 } }

const mapCatalogProductToProductSummary = (product: unknown): SummaryProduct | null => {
  if (!product) return null
  const catalog = product as CatalogProduct
  const items = catalog.items || []
  const item = items.length === 1 ? items[0] : items.find(isAvailable) || items[0]
  return { ...(catalog as SummaryProduct), ...(item ? { sku: { ...item, seller: defaultSeller(item) } as SummaryProduct['sku'] } : {}) }
}

export const addToCart = (sku: string) =>
  fetch('/_sandbox/add-to-cart', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ sku, quantity: 1 }),
  }).then(() => window.dispatchEvent(new Event('sandbox:orderForm')))

export const SummaryContent = () => {
  const summary = ProductSummaryContext.useProductSummary()
  const product = summary && summary.product
  const sku = product?.sku?.itemId || ''
  return (
    <>
      <a href={`/?product=${sku}`} data-sku={sku}>
        {product?.productName}
      </a>
      <strong>$ {Number(product?.sku?.seller.commertialOffer.Price || 0).toFixed(2)}</strong>
      <label>
        <input type="checkbox" /> Compare
      </label>
      <button onClick={() => addToCart(sku)}>Add to cart</button>
    </>
  )
}

const ProductSummary = ({ product, children }: { product: SummaryProduct; children?: ReactNode }) => (
  <ProductSummaryContext.ProductSummaryProvider product={product}>
    <section className="card" data-product-sku={product.sku?.itemId}>
      {children || <SummaryContent />}
    </section>
  </ProductSummaryContext.ProductSummaryProvider>
)

ProductSummary.mapCatalogProductToProductSummary = mapCatalogProductToProductSummary

export default ProductSummary
