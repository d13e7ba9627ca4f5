import { readCookie, registrableDomain, writeCookie, CookieJar } from './cookies'
import { uuidV4 } from './uuid'
import { validId } from './validId'

/** VTEX's own persistent visitor id: what VTEX's ads app sends, so a store that switches keeps its attribution. */
export const VTEX_VISITOR_COOKIE = 'VtexRCMacIdv7'
/** Ours, used only when VTEX's is absent: a UUID v4 in a first-party cookie. */
export const SESSION_COOKIE = 'ads_events_sid'
/** ≥ 1 year, below Chrome's 400-day cap on cookie lifetimes; refreshed on every page. */
export const SESSION_COOKIE_DAYS = 395

export interface BrowserEnv {
  jar: CookieJar
  hostname: string
  secure: boolean
}

/**
 * Writes on the registrable domain so the store's other hosts and the checkout read it;
 * when the browser refuses that domain (a guess gone wrong), falls back to host-only.
 */
export const writeSharedCookie = (env: BrowserEnv, name: string, value: string, days: number) => {
  const domain = registrableDomain(env.hostname)
  writeCookie(env.jar, name, value, { days, domain, secure: env.secure })
  if (domain && readCookie(env.jar, name) !== value) writeCookie(env.jar, name, value, { days, secure: env.secure })
}

/**
 * The session_id, final as soon as it is returned: VTEX's cookie when present and valid, else
 * ours (created once, then refreshed so it lives a year past the last visit). Invalid cookie
 * values are treated as absent (a tampered `ads_events_sid` is replaced).
 */
export const sessionIdFrom = (env: BrowserEnv, newId: () => string = uuidV4): string => {
  const vtexId = validId(readCookie(env.jar, VTEX_VISITOR_COOKIE))
  if (vtexId) return vtexId
  const id = validId(readCookie(env.jar, SESSION_COOKIE)) || newId()
  writeSharedCookie(env, SESSION_COOKIE, id, SESSION_COOKIE_DAYS)
  return id
}
