import { readCookie, writeCookie, CookieJar } from './cookies'
import { adsId } from './validId'

/** VTEX's own persistent visitor id: what VTEX's ads app sends, so a store that switches keeps its attribution. */
export const VTEX_VISITOR_COOKIE = 'VtexRCMacIdv7'
/** Ours: the session id of the whole journey once chosen. */
export const SESSION_COOKIE = 'ads_events_sid'
/** ≥ 1 year, below Chrome's 400-day cap on cookie lifetimes; refreshed on every page. */
export const SESSION_COOKIE_DAYS = 395

export interface BrowserEnv {
  jar: CookieJar
  hostname: string
  secure: boolean
}

/** Platform hosts shared by many stores: a cookie on their parent domain would reach other stores. */
const SHARED_HOST = /(^|\.)(myvtex\.com|vtex(commerce(stable)?|local)\.com\.br|vtex\.app)$|^[\d.]+$|:/i

/**
 * Writes on the store's registrable domain, so its other hosts (www., m.) read it: the broadest
 * domain the browser accepts, which refuses public suffixes such as `com.br` (what a public-suffix
 * list would say, without shipping one); host-only on an IP address, on a single-label host
 * (localhost) and on VTEX's shared hosts. `days` absent: a session cookie; 0 deletes it everywhere.
 */
export const writeSharedCookie = (env: BrowserEnv, name: string, value: string, days?: number) => {
  const labels = env.hostname.split('.')
  for (let at = SHARED_HOST.test(env.hostname) ? Infinity : 2; at <= labels.length; at++) {
    writeCookie(env.jar, name, value, { days, domain: labels.slice(-at).join('.'), secure: env.secure })
    if (readCookie(env.jar, name) === value) return
  }
  writeCookie(env.jar, name, value, { days, secure: env.secure })
}

/** Removes a cookie written by writeSharedCookie: expired on the shared domain, then (it no longer reads back) on the host. */
export const deleteSharedCookie = (env: BrowserEnv, name: string) => writeSharedCookie(env, name, '', 0)

/**
 * The session_id, chosen once and then kept for the whole journey (DESIGN.md: never switch ids),
 * whatever cookie appears later:
 * 1. ours, when a page already chose it (refreshed, so it lives a year past the last visit);
 * 2. else `pinned`: an id this page already sent events with (consent came after them);
 * 3. else VTEX's visitor cookie, when present and valid (the id VTEX's own ads app sends);
 * 4. else `fresh`, a new id (32 hex digits).
 * The choice is stored in our cookie, so a VtexRCMacIdv7 that appears after the landing page
 * changes nothing. Ids are in the ads format (validId.ts `adsId`): a cookie an earlier version
 * stored as a hyphenated UUID, and VtexRCMacIdv7 (one too), keep their hex digits, and the
 * projection is stored back. Invalid cookie values are treated as absent (a tampered one is replaced).
 */
export const keepSessionId = (env: BrowserEnv, fresh: string, pinned?: string): string => {
  const id = adsId(readCookie(env.jar, SESSION_COOKIE)) || pinned || adsId(readCookie(env.jar, VTEX_VISITOR_COOKIE)) || fresh
  writeSharedCookie(env, SESSION_COOKIE, id, SESSION_COOKIE_DAYS)
  return id
}
