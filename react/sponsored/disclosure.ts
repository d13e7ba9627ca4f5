import { useEffect, useRef } from 'react'

/**
 * Every link and button of a sponsored item says it is sponsored, once (DESIGN.md "Disclosure"),
 * including the theme's own product-summary links we do not render:
 * - a link in its accessible name, what a screen reader's list of links reads: `aria-labelledby`
 *   = the visible label, then the link itself, so it keeps its own name after it ("Sponsored Trail
 *   running shoes"; a self-reference, W3C technique ARIA7);
 * - a button in its description (its name stays the action): `aria-describedby` = the label.
 * The label is aria-hidden, so reading the item through does not say it a second time, and no
 * group around the item says it either; an element referenced directly still names and describes
 * when hidden (accname 1.2, step 2A). The theme's summary renders inside the item and may render
 * again: a MutationObserver gives links and buttons that appear later the same treatment. Undone
 * when the item stops being sponsored (a search badge whose ad goes away).
 */
const LINKS = 'a[href],[role="link"]'
const BUTTONS = 'button,[role="button"],input[type="button"],input[type="submit"]'

let sequence = 0

/** A page-unique id for an item's label (items are never rendered on the server: ads are per shopper). */
export const useLabelId = (): string => {
  const id = useRef<string>()
  if (!id.current) id.current = `adsevents-sponsored-${++sequence}`
  return id.current
}

const tokens = (element: Element, attribute: string) => (element.getAttribute(attribute) || '').split(/\s+/).filter(Boolean)

/** Applies the disclosure under `root` (and to the link around it, when the theme's card is one); returns the undo. */
export function discloseSponsored(root: Element, labelId: string): () => void {
  const undo: Array<() => void> = []
  const done = new Set<Element>()
  const set = (element: Element, attribute: string, value: string | undefined) => {
    const before = element.getAttribute(attribute)
    if (value === undefined) element.removeAttribute(attribute)
    else element.setAttribute(attribute, value)
    undo.push(() => (before === null ? element.removeAttribute(attribute) : element.setAttribute(attribute, before)))
  }
  const disclose = (element: Element) => {
    if (done.has(element)) return
    done.add(element)
    if (element.matches(LINKS)) {
      const labelledBy = tokens(element, 'aria-labelledby')
      if (labelledBy.includes(labelId)) return
      if (!element.id) set(element, 'id', `${labelId}-${done.size}`)
      set(element, 'aria-labelledby', [labelId, ...(labelledBy.length > 0 ? labelledBy : [element.id])].join(' '))
    } else if (element.matches(BUTTONS)) {
      const describedBy = tokens(element, 'aria-describedby')
      if (!describedBy.includes(labelId)) set(element, 'aria-describedby', [...describedBy, labelId].join(' '))
    }
  }
  const apply = () => {
    const around = root.parentElement && root.parentElement.closest(LINKS)
    if (around) disclose(around)
    disclose(root)
    root.querySelectorAll(`${LINKS},${BUTTONS}`).forEach(disclose)
  }
  apply()
  const observer = typeof MutationObserver === 'undefined' ? undefined : new MutationObserver(apply)
  if (observer) observer.observe(root, { childList: true, subtree: true })
  return () => {
    if (observer) observer.disconnect()
    undo.reverse().forEach((restore) => restore())
  }
}

/**
 * The disclosure of one sponsored item, whose visible label has `labelId`: on the label's parent
 * (the item's box) or, with `levels` 2, its grandparent (a search badge's card: the badge itself
 * has no box). Off while `active` is false.
 */
export const useSponsoredDisclosure = (labelId: string, active: boolean, levels: 1 | 2 = 1) => {
  useEffect(() => {
    const label = active ? document.getElementById(labelId) : null
    const box = label && label.parentElement
    const root = box && (levels === 2 ? box.parentElement : box)
    return root ? discloseSponsored(root, labelId) : undefined
  }, [labelId, active, levels])
}
