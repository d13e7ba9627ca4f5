import type { VtexOrderItem } from '../typings/order'

/**
 * An item's categories as the OMS order carries them: `additionalInfo.categoriesIds` is the path,
 * root first (`/1000083/1004135/1004138/`); `additionalInfo.categories` the same categories with
 * names ({id, name}, most specific first in VTEX's Orders API examples). The name of the most
 * specific category is found by its id, not by position, since the list's order is not specified.
 */
export interface ItemCategory {
  /** Root first. */
  categoryIds: string[]
  /** Name of the most specific category, when the order has it. */
  categoryName?: string
}

export function readItemCategory(item: VtexOrderItem): ItemCategory {
  const info = item.additionalInfo
  const named = (info?.categories ?? []).filter(
    (category) => category?.id != null && typeof category.name === 'string' && category.name.trim() !== ''
  )
  const categoryIds = (info?.categoriesIds ?? '').split('/').filter(Boolean)
  // Without a path, the named categories still say which ids the item has (most specific first).
  if (categoryIds.length === 0) categoryIds.push(...named.map((category) => String(category.id)).reverse())
  const leaf = categoryIds[categoryIds.length - 1]
  const name = named.find((category) => String(category.id) === leaf)?.name?.trim()
  return name ? { categoryIds, categoryName: name } : { categoryIds }
}
