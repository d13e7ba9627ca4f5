import React, { cloneElement, isValidElement, ReactNode } from 'react'

import { AdEventUrls, useAdEvents } from '../tracking/useAdEvents'

export interface AdTrackerProps extends AdEventUrls {
  /** Separates the same ad shown in two places of one page (e.g. the placement name). */
  context?: string
  children?: ReactNode
}

/**
 * Block `ad-tracker`: wraps any rendered ad (product summary, banner) and sends its
 * impression, view and click events.
 *
 * A single HTML element child (a `<div>` with the card inside) is tracked itself: no extra node,
 * and the measured box is exactly the ad's. Anything else (blocks, components, several
 * children, a child with its own ref) goes in a plain block-level div, which adds no box
 * styles of its own, so wrapping causes no layout shift either way.
 */
const AdTracker = (props: AdTrackerProps) => {
  const { children } = props
  const ref = useAdEvents(props, props.context)
  if (isValidElement(children) && typeof children.type === 'string' && !(children as { ref?: unknown }).ref) return cloneElement(children, { ref })
  return <div ref={ref}>{children}</div>
}

export default AdTracker
