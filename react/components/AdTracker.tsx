import React, { ReactNode } from 'react'

import { AdEventUrls, useAdEvents } from '../tracking/useAdEvents'

export interface AdTrackerProps extends AdEventUrls {
  /** Separates the same ad shown in two places of one page (e.g. the placement name). */
  context?: string
  children?: ReactNode
}

/**
 * Block `ad-tracker`: wraps any rendered ad (product summary, banner) and sends its
 * impression, view and click events. A plain block-level div: it adds no box of its own,
 * so wrapping an ad causes no layout shift.
 */
const AdTracker = ({ impression_url, view_url, click_url, type, context, children }: AdTrackerProps) => {
  const ref = useAdEvents({ impression_url, view_url, click_url, type }, context)
  return <div ref={ref}>{children}</div>
}

AdTracker.schema = {
  title: 'admin/editor.ads-events.ad-tracker.title',
  description: 'admin/editor.ads-events.ad-tracker.description',
}

export default AdTracker
