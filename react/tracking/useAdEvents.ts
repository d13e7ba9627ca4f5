import { useEffect, useRef } from 'react'

import { trackAdEvent } from './adEvents'
import { watchView } from './viewability'

/** The three event URLs of one ad, exactly as the Get ads answer gives them (never built by hand). */
export interface AdEventUrls {
  impression_url?: string
  view_url?: string
  click_url?: string
  /** `video` needs 2 s in view instead of 1 s. */
  type?: string
}

export const VIEW_MS = 1000
export const VIDEO_VIEW_MS = 2000

/**
 * Tracks one rendered ad. Attach the returned ref to the element that shows the ad (it must
 * live as long as the component). Impression on mount (the ad was decided to be shown),
 * view by the shared viewability rule, click on every click: a capture-phase listener, so it
 * runs before any handler that navigates. `context` separates the same ad in two placements.
 */
export const useAdEvents = <T extends HTMLElement = HTMLDivElement>(ad: AdEventUrls, context = '') => {
  const ref = useRef<T>(null)
  const { impression_url: impressionUrl, view_url: viewUrl, click_url: clickUrl, type } = ad

  useEffect(() => {
    trackAdEvent(impressionUrl, context, true)
  }, [impressionUrl, context])

  // One effect for what needs the element: view watch and click listener.
  useEffect(() => {
    const element = ref.current
    if (!element) return undefined
    const stopWatching = viewUrl ? watchView(element, type === 'video' ? VIDEO_VIEW_MS : VIEW_MS, () => trackAdEvent(viewUrl, context, true)) : undefined
    const onClick = () => trackAdEvent(clickUrl, context, false)
    if (clickUrl) element.addEventListener('click', onClick, true)
    return () => {
      stopWatching?.()
      element.removeEventListener('click', onClick, true)
    }
  }, [viewUrl, clickUrl, type, context])

  return ref
}
