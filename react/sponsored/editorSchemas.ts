/**
 * Site Editor schemas of the blocks, as static `schema` properties on the components: VTEX's
 * vendor-free alternative to `content.$ref: "app:<vendor>.ads-events#/..."` in interfaces.json, so
 * the app keeps working when published under another vendor. Texts are `admin/editor.*` message ids
 * (messages/), which the Site Editor translates.
 */
const editor = (key: string) => `admin/editor.ads-events.${key}`

const prop = (key: string, type: 'string' | 'integer' | 'boolean', extra: Record<string, unknown> = {}) => ({
  title: editor(`${key}.title`),
  type,
  ...extra,
})

const placement = {
  placementName: prop('placementName', 'string', { description: editor('placementName.description') }),
}

const blockSchema = (block: string, properties: Record<string, unknown>) => ({
  title: editor(`${block}.title`),
  description: editor(`${block}.description`),
  type: 'object',
  properties,
})

export const SHELF_SCHEMA = blockSchema('sponsored-products-shelf', {
  ...placement,
  position: prop('position', 'string', { default: 'top-shelf' }),
  quantity: prop('quantity', 'integer', { default: 4, minimum: 1, maximum: 20 }),
  title: prop('shelfTitle', 'string'),
  minHeight: prop('minHeight', 'integer', { description: editor('minHeight.description'), default: 320 }),
  mobileMinHeight: prop('mobileMinHeight', 'integer', { default: 320 }),
})

export const BANNER_SCHEMA = blockSchema('sponsored-banner', {
  ...placement,
  position: prop('position', 'string', { default: 'middle' }),
  desktopWidth: prop('desktopWidth', 'integer', { default: 970 }),
  desktopHeight: prop('desktopHeight', 'integer', { default: 250 }),
  mobileWidth: prop('mobileWidth', 'integer', { default: 320 }),
  mobileHeight: prop('mobileHeight', 'integer', { default: 100 }),
  allowVideo: prop('allowVideo', 'boolean', { default: false }),
})

export const BRAND_SCHEMA = blockSchema('sponsored-brand', {
  ...placement,
  position: prop('position', 'string', { default: 'top' }),
  width: prop('creativeWidth', 'integer', { default: 600 }),
  height: prop('creativeHeight', 'integer', { default: 200 }),
  productQuantity: prop('productQuantity', 'integer', { default: 3, minimum: 0, maximum: 20 }),
  productsMinHeight: prop('productsMinHeight', 'integer', { description: editor('minHeight.description'), default: 320 }),
})

export const SEARCH_BADGES_SCHEMA = blockSchema('sponsored-search-badges', {
  ...placement,
  position: prop('position', 'string', { default: 'search-results' }),
  quantity: prop('badgeQuantity', 'integer', { default: 10, minimum: 1, maximum: 20 }),
})
