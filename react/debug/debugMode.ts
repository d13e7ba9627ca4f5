import type { ReactElement } from 'react'

/**
 * Debug mode: an overlay that explains the app to a theme developer on the live store
 * (react/debug/DebugOverlay.tsx). `?ads_events_debug=1` turns it on for this tab; the tab keeps the
 * parameter itself in sessionStorage (per tab, gone with it), so debug mode stays on while the tab
 * navigates, until the overlay's button turns it off. A name of our own rather than
 * vtex-apps/vtex-ads' `?debug=vtexads`: one parameter never switches on another app's console
 * logging, and it reads like our cookies (`ads_events_sid`).
 *
 * This is the only debug code every page gets (tracker_gzip_bytes): a regex over the query and
 * one storage read, then a dynamic import, a chunk of its own that only a page in debug mode
 * fetches. The overlay itself writes the storage. Storage may throw (blocked cookies and storage):
 * then there is no debug mode. The regex spells DEBUG_FLAG (debugParam.ts) out.
 */
export const loadDebugOverlay = (show: (overlay: ReactElement) => void) => {
  try {
    if (/ads_events_debug=1/.test(location.search + sessionStorage.ads_events_debug)) import('./DebugOverlay').then((overlay) => show(overlay.default))
  } catch {
    // No storage: no debug mode.
  }
}
