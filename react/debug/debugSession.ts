import { DEBUG_FLAG, DEBUG_PARAM } from './debugParam'

/** Keeps debug mode on for the next pages of this tab (debugMode.ts reads it on every page). */
export const keepDebugMode = () => {
  try {
    sessionStorage.setItem(DEBUG_PARAM, DEBUG_FLAG)
  } catch {
    // No storage: debug mode lasts while this page does.
  }
}

/** This URL without the debug parameter. */
export const withoutDebugParam = (href: string): string => {
  const url = new URL(href)
  url.searchParams.delete(DEBUG_PARAM)
  return url.href
}

/** The overlay's "turn off" button: forgets the flag and reloads the page without the parameter, so no debug code runs. */
export const endDebugMode = () => {
  try {
    sessionStorage.removeItem(DEBUG_PARAM)
  } catch {
    // Nothing was stored.
  }
  location.replace(withoutDebugParam(location.href))
}
