/**
 * The CSS handles of each block (vtex.css-handles): themes style `adsevents-ads-events-0-x-<handle>`.
 * One list per block, since `useCssHandles` runs once in the block's root component and must name
 * the handles of every nested part; the parts get their class names as props.
 */
export const LABEL_HANDLES = ['sponsoredLabel'] as const
export const ITEM_HANDLES = ['sponsoredItem', ...LABEL_HANDLES] as const
/** The layer over a block's reserved box that holds the theme's fallback blocks (fallback.tsx). */
export const FALLBACK_HANDLES = ['sponsoredFallback'] as const
export const SHELF_HANDLES = ['sponsoredShelf', 'sponsoredShelfTitle', 'sponsoredShelfItems', ...ITEM_HANDLES, ...FALLBACK_HANDLES] as const
export const BANNER_HANDLES = ['sponsoredBanner', 'sponsoredBannerMedia', ...LABEL_HANDLES, ...FALLBACK_HANDLES] as const
export const BRAND_HANDLES = ['sponsoredBrand', 'sponsoredBrandCreative', 'sponsoredBrandProducts', ...ITEM_HANDLES, ...FALLBACK_HANDLES] as const
export const SEARCH_BADGE_HANDLES = ['searchBadge', ...LABEL_HANDLES] as const

export type ItemClasses = Record<(typeof ITEM_HANDLES)[number], string>
