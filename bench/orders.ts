import { readFileSync } from 'fs'
import { join } from 'path'
import type { VtexOrder } from '../node/typings/order'

const template: VtexOrder = JSON.parse(readFileSync(join(__dirname, '..', 'node', '__fixtures__', 'orders', 'simple.json'), 'utf8'))

/** A 10-item order built from the simple fixture: the size the benchmark targets are stated for. */
export function benchOrder(index: number): VtexOrder {
  const items = Array.from({ length: 10 }, (_, line) => ({
    ...template.items[line % template.items.length],
    id: String(30000 + line),
    productId: String(40000 + line),
    quantity: 1 + (line % 3),
  }))
  for (const item of items) item.priceDefinition = { total: (item.sellingPrice ?? item.price) * item.quantity }
  return { ...template, orderId: `${1390800000000 + index}-01`, items }
}
