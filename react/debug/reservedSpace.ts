/**
 * Whether each sponsored block keeps its space (DESIGN.md: no layout shift). A block reserves it
 * with the boxes its props size: `min-height` (shelf: minHeight / mobileMinHeight; brand's products:
 * productsMinHeight) or `aspect-ratio` (banner, brand creative). A box taller than what it reserved
 * grew when the ads came, and everything below it moved; a block that reserves nothing moves the
 * page by its whole height. Blocks and their boxes are found by their css-handles classes
 * (`<vendor>-ads-events-<major>-x-<handle>`), so only our boxes count, never the theme's own.
 */
const BLOCK = /(?:^|\s)\S+-ads-events-\d+-x-(sponsoredShelf|sponsoredBanner|sponsoredBrand)(?:\s|$)/
const OUR_BOX = /(?:^|\s)\S+-ads-events-\d+-x-sponsored\w*(?:\s|$)/

export interface BlockSpace {
  element: Element
  block: 'sponsoredShelf' | 'sponsoredBanner' | 'sponsoredBrand'
  /** Height its boxes reserve, px (the largest box's, for a box inside another). */
  reservedPx: number
  /** Height shown now, px. */
  heightPx: number
  /** The most a reserving box outgrew its reservation, px (0: none did). */
  grewPx: number
}

const px = (value: string) => {
  const number = parseFloat(value)
  return isFinite(number) ? number : 0
}

/** What one box reserves: its min-height, or its width by its aspect ratio. */
export const reservedHeight = (style: { minHeight: string; aspectRatio: string }, widthPx: number): number => {
  const ratio = /^\s*([\d.]+)\s*\/\s*([\d.]+)\s*$/.exec(style.aspectRatio)
  const byRatio = ratio && px(ratio[1]) > 0 ? (widthPx * px(ratio[2])) / px(ratio[1]) : 0
  return Math.max(px(style.minHeight), byRatio)
}

export const findBlockSpaces = (root: ParentNode = document): BlockSpace[] => {
  const spaces: BlockSpace[] = []
  const elements = root.querySelectorAll('[class*="-x-sponsored"]')
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i]
    const block = BLOCK.exec(element.getAttribute('class') || '')
    if (!block) continue
    const boxes = [element, ...Array.from(element.querySelectorAll('[class*="-x-sponsored"]')).filter((box) => OUR_BOX.test(box.getAttribute('class') || ''))]
    let reservedPx = 0
    let grewPx = 0
    for (const box of boxes) {
      const style = getComputedStyle(box)
      const rect = box.getBoundingClientRect()
      const reserved = reservedHeight({ minHeight: style.minHeight, aspectRatio: style.getPropertyValue('aspect-ratio') }, rect.width)
      if (reserved <= 0) continue
      reservedPx = Math.max(reservedPx, reserved)
      grewPx = Math.max(grewPx, rect.height - reserved)
    }
    spaces.push({ element, block: block[1] as BlockSpace['block'], reservedPx, heightPx: element.getBoundingClientRect().height, grewPx: grewPx > 1 ? grewPx : 0 })
  }
  return spaces
}

/** It reserves some height and nothing in it grew past what it reserved. */
export const keepsItsSpace = (space: { reservedPx: number; grewPx: number }) => space.reservedPx > 0 && space.grewPx <= 0
