/**
 * Calls `callback` when the page may be about to go away (tab hidden, navigation, close):
 * the last moment a queued beacon can still leave.
 */
export const onPageHidden = (callback: () => void) => {
  const onHidden = (event: Event) => {
    if (event.type === 'pagehide' || document.visibilityState === 'hidden') callback()
  }
  addEventListener('visibilitychange', onHidden, true)
  addEventListener('pagehide', onHidden, true)
}
