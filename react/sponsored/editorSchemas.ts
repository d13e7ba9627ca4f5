/**
 * Site Editor schemas of the blocks, as static `schema` properties on the components (DP "Making a
 * custom component editable in the Site Editor"; vtex-apps/shelf does the same): VTEX's vendor-free
 * alternative to `content.$ref: "app:<vendor>.ads-events#/..."` in interfaces.json, so the app keeps
 * working when published under another vendor. Texts are `admin/editor.*` message ids (messages/,
 * described in context.json), which the Site Editor shows in the admin's language. Every sponsored
 * block can be switched off (`active`, DP "Site Editor schema examples", as vtex-apps/vtex-ads
 * offers) and its placement, position and quantity set without a theme release.
 */
const editor = (key: string) => `admin/editor.ads-events.${key}`

const prop = (key: string, type: 'string' | 'integer' | 'boolean', extra: Record<string, unknown> = {}) => ({
  title: editor(`${key}.title`),
  type,
  ...extra,
})

/** What every sponsored block offers first: the switch and where its ads come from. */
const placement = (defaultPosition: string) => ({
  active: prop('active', 'boolean', { description: editor('active.description'), default: true }),
  placementName: prop('placementName', 'string', { description: editor('placementName.description') }),
  position: prop('position', 'string', { description: editor('position.description'), default: defaultPosition }),
})

const blockSchema = (block: string, properties: Record<string, unknown>) => ({
  title: editor(`${block}.title`),
  description: editor(`${block}.description`),
  type: 'object',
  properties,
})

/*
 * Each block's schema is built by a function, so a block's chunk carries its own schema only
 * (bundlers drop the functions a chunk does not call; they cannot drop calls made at import).
 */
export const shelfSchema = () => blockSchema('sponsored-products-shelf', {
  ...placement('top-shelf'),
  quantity: prop('quantity', 'integer', { default: 4, minimum: 1, maximum: 20 }),
  title: prop('shelfTitle', 'string'),
  minHeight: prop('minHeight', 'integer', { description: editor('minHeight.description'), default: 360 }),
  mobileMinHeight: prop('mobileMinHeight', 'integer', { default: 340 }),
})

export const bannerSchema = () => blockSchema('sponsored-banner', {
  ...placement('middle'),
  desktopWidth: prop('desktopWidth', 'integer', { default: 970 }),
  desktopHeight: prop('desktopHeight', 'integer', { default: 250 }),
  mobileWidth: prop('mobileWidth', 'integer', { default: 320 }),
  mobileHeight: prop('mobileHeight', 'integer', { default: 100 }),
  allowVideo: prop('allowVideo', 'boolean', { default: false }),
})

export const brandSchema = () => blockSchema('sponsored-brand', {
  ...placement('top'),
  width: prop('creativeWidth', 'integer', { default: 600 }),
  height: prop('creativeHeight', 'integer', { default: 200 }),
  productQuantity: prop('productQuantity', 'integer', { default: 3, minimum: 0, maximum: 20 }),
  productsMinHeight: prop('productsMinHeight', 'integer', { description: editor('minHeight.description'), default: 340 }),
})

export const searchBadgesSchema = () => blockSchema('sponsored-search-badges', {
  ...placement('search-results'),
  quantity: prop('badgeQuantity', 'integer', { default: 10, minimum: 1, maximum: 20 }),
})

/** The fallback holder has no props of its own: its content is the theme's blocks. */
export const fallbackSchema = () => ({ title: editor('sponsored-fallback.title'), description: editor('sponsored-fallback.description'), type: 'object', properties: {} })
