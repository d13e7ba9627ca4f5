import { captureClickIds, CLICK_ID_COOKIES, ClickIds } from './clickIds'
import { Consent, watchConsent } from './consent'
import { readCookie } from './cookies'
import { ID_FIELDS } from './bridgeFields'
import type { BridgePlan } from './orderFormBridge'
import { BrowserEnv, deleteSharedCookie, keepSessionId, SESSION_COOKIE, writeSharedCookie } from './sessionId'
import { fetchShopper, Shopper } from './userId'
import { newId } from './newId'
import { adsId } from './validId'

export interface Identity extends ClickIds {
  session_id: string
  user_id?: string
}

/**
 * The shopper's identity for one page load, decided once what decides it is known:
 * - the store's setting (`configureIdentity`, from the app's public config): whether identifier
 *   cookies need prior consent; until it is known nothing is read or written;
 * - with that setting, the consent (consent.ts). Before consent no identifier is stored or read:
 *   events carry a page id, random, kept in memory for this page only and never written anywhere,
 *   and no user_id. Once consent comes, that page id becomes the stored session id (if none was
 *   stored), so the events this page already sent belong to the same journey;
 * - the session API (who is logged in), waited for at most USER_ID_WAIT_MS; until it answers, the
 *   user id an earlier page saw stands in (it is remembered in a session cookie, cleared on logout).
 * Listeners hear every change (the tracker's queue, the orderForm bridge, the ad query).
 */
export const USER_ID_WAIT_MS = 2000
/** The last user id the session API reported: the user of later pages until their own answer. */
export const USER_COOKIE = 'ads_events_uid'

let requireConsent: boolean | undefined
let consent: Consent
let pageId: string | undefined
/** This page sent events (or asked ads) with its page id: consent then keeps that id. */
let pageIdUsed = false
let shopper: Shopper
/** The session answered; USER_ID_WAIT_MS passed. */
let answered = false
let waited = false
let cached: Identity | undefined
/** The landing URL's query (click ids), kept for when consent comes after a navigation; undefined until started. */
let landingSearch: string | undefined
const listeners = new Set<() => void>()

const env = (): BrowserEnv => ({ jar: document, hostname: location.hostname, secure: location.protocol === 'https:' })
const storageAllowed = () => requireConsent === false || consent === 'granted'

const changed = () => {
  cached = undefined
  listeners.forEach((listener) => listener())
}

/** Subscribes to identity changes; returns the unsubscribe. */
export const onIdentityChange = (listener: () => void) => {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** Starts the one session lookup of this page load (and its wait limits); every caller shares it. */
export const startIdentity = () => {
  if (landingSearch !== undefined) return
  landingSearch = location.search
  fetchShopper().then((answer) => {
    shopper = answer
    answered = true
    changed()
  })
  setTimeout(() => {
    waited = true
    changed()
  }, USER_ID_WAIT_MS)
}

/** The store's setting, from the app's public config (the pixel), or `true` when it could not be read. */
export const configureIdentity = (config: { requireConsent: boolean }) => {
  if (requireConsent !== undefined) return
  requireConsent = config.requireConsent
  startIdentity()
  if (!requireConsent) return changed()
  watchConsent((next) => {
    if (next === consent) return
    // Refused now, whatever an earlier page was told: our cookies go.
    if (next === 'denied') for (const name of [SESSION_COOKIE, USER_COOKIE, ...CLICK_ID_COOKIES]) deleteSharedCookie(env(), name)
    consent = next
    changed()
  })
}

/** The page id alone: before consent (or refused). */
export const pageOnlyIdentity = (): Identity => {
  pageIdUsed = true
  return { session_id: (pageId = pageId || newId()) }
}

/**
 * The identity in force now, or undefined while it is undecided (the setting, or a required
 * consent, not known yet). Cookies are read and written only here, once per change: the user id
 * the session reported is remembered (a session cookie) for the next pages, forgotten on logout.
 */
export const currentIdentity = (): Identity | undefined => {
  if (requireConsent === undefined || (requireConsent && !consent)) return undefined
  if (!storageAllowed()) return pageOnlyIdentity()
  if (!cached) {
    const browser = env()
    const pinned = pageIdUsed
    const fresh = pageOnlyIdentity().session_id
    if (shopper) writeSharedCookie(browser, USER_COOKIE, shopper.user_id || '', shopper.user_id ? undefined : 0)
    // An absent user id stays an undefined property: JSON leaves it out of the events' body.
    const user_id = shopper ? shopper.user_id : adsId(readCookie(browser.jar, USER_COOKIE))
    cached = { session_id: keepSessionId(browser, fresh, pinned ? fresh : undefined), ...captureClickIds(browser, landingSearch || ''), user_id }
  }
  return cached
}
/**
 * For events still queued when the page goes away before the identity was decided (the setting
 * or the consent manager not loaded yet): the session id an earlier page stored, read only (it
 * exists only where it was allowed, and is removed when consent is withdrawn), else the page id.
 */
export const leavingIdentity = (): Identity => {
  const stored = adsId(readCookie(document, SESSION_COOKIE))
  return stored ? { session_id: stored } : pageOnlyIdentity()
}

/**
 * The identity events are sent with: decided, and the session API answered or its wait is over.
 * Where consent is required and the consent manager has not answered within USER_ID_WAIT_MS
 * (the shopper ignores the banner), the page-only id: events are not held for a decision that may
 * never come. A consent manager that answers in time (a returning shopper's stored choice) keeps
 * the journey's stored id on every event.
 */
export const eventIdentity = (): Identity | undefined =>
  answered || waited ? currentIdentity() || (waited && requireConsent ? pageOnlyIdentity() : undefined) : undefined

/**
 * The identity the ad query goes with: the page-only id while consent is undecided (ads need no
 * consent; their targeting then has no history), else the events' identity (the session answered,
 * which render-session usually has by then, or USER_ID_WAIT_MS passed).
 */
export const adsIdentity = (): Identity | undefined =>
  requireConsent === undefined ? undefined : eventIdentity() || (currentIdentity() ? undefined : pageOnlyIdentity())

/** Resolves with the event identity once there is one (tests, fixture pages). */
export const whenIdentity = (): Promise<Identity> =>
  new Promise((resolve) => {
    const check = () => {
      const identity = eventIdentity()
      if (!identity) return
      stop()
      resolve(identity)
    }
    const stop = onIdentityChange(check)
    check()
  })

/**
 * What the orderForm should hold (DESIGN.md, identity bridge), once events would be sent: our ids
 * to write, and fields to remove: every id when consent was refused or withdrawn (or never came),
 * the user id once the session says nobody is logged in (logout). A refusal is also written
 * (`consent: denied`, no id beside it: the order then goes to no ad platform that matches people),
 * and removed again once consent is given; consent never answered records nothing.
 */
export const bridgePlan = (): BridgePlan | undefined => {
  const identity = eventIdentity()
  if (!identity) return undefined
  // Not allowed: consent is `denied` (written) or not given yet (undefined: nothing is written).
  if (!storageAllowed()) return { identity: { consent }, clear: ID_FIELDS }
  return { identity, clear: shopper && !shopper.user_id ? ['user_id', 'consent'] : ['consent'] }
}
