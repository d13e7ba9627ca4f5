/**
 * The URL parameter that turns the storefront's debug overlay on for one tab (debugMode.ts):
 * `?ads_events_debug=1`. Its own module, so the admin's link to it brings no storefront code.
 */
export const DEBUG_PARAM = 'ads_events_debug'
export const DEBUG_FLAG = `${DEBUG_PARAM}=1`
