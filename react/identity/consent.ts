/**
 * Consent to identify the shopper for ads (stores with the app's "require consent" setting).
 * VTEX gives apps no consent signal; stores use consent-manager apps. Read from, first decisive
 * answer wins:
 * - the store's own signal: `window.adsEventsConsent = true | false` (read whenever the app
 *   loads), and the window event `ads-events:consent` dispatched after each change;
 * - Cookiebot (vtex.cookiebot): `Cookiebot.hasResponse` and `Cookiebot.consent.marketing`, re-read on
 *   its window events CookiebotOnConsentReady / OnAccept / OnDecline;
 * - Cookie Script (vtex.cookie-script): `CookieScript.instance.currentState()`, granted when the
 *   action is `accept` with the `targeting` category, re-read on its CookieScript* events;
 * - IAB TCF v2 (vtex.iubenda, which enables it): `__tcfapi('addEventListener', 2, …)`, granted when
 *   GDPR does not apply, or once the shopper decided (tcloaded / useractioncomplete) with purposes 1
 *   (store and access information on a device) and 7 (measure advertising performance).
 * Undecided (no CMP answer yet) is undefined.
 */
export type Consent = 'granted' | 'denied' | undefined

export const CONSENT_EVENT = 'ads-events:consent'
const CMP_EVENTS = [CONSENT_EVENT, 'CookiebotOnConsentReady', 'CookiebotOnAccept', 'CookiebotOnDecline', 'CookieScriptLoaded', 'CookieScriptAccept', 'CookieScriptAcceptAll', 'CookieScriptReject']

/* eslint-disable @typescript-eslint/no-explicit-any -- third-party globals, read defensively */
type AnyWindow = Window & Record<string, any>

const decided = (granted: unknown): Consent => (granted ? 'granted' : 'denied')

/** The TCF answer, which arrives in a callback. */
let tcf: Consent

export const readConsent = (w: AnyWindow = window as AnyWindow): Consent => {
  if (typeof w.adsEventsConsent === 'boolean') return decided(w.adsEventsConsent)
  const cookiebot = w.Cookiebot
  if (cookiebot && cookiebot.hasResponse) return decided(cookiebot.consent && cookiebot.consent.marketing)
  const cookieScript = w.CookieScript && w.CookieScript.instance
  const state = cookieScript && cookieScript.currentState ? cookieScript.currentState() : undefined
  if (state && (state.action === 'accept' || state.action === 'reject')) return decided(state.action === 'accept' && (state.categories || []).indexOf('targeting') >= 0)
  return tcf
}

/** Calls `onChange` with the consent now and on every signal that may have changed it. */
export const watchConsent = (onChange: (consent: Consent) => void) => {
  const w = window as AnyWindow
  tcf = undefined
  const update = () => onChange(readConsent(w))
  // Capture on window also sees events a CMP dispatches on document.
  for (const name of CMP_EVENTS) addEventListener(name, update, true)
  if (w.__tcfapi) {
    w.__tcfapi('addEventListener', 2, (data: any, success: boolean) => {
      if (!success || !data) return
      const consents = data.purpose && data.purpose.consents
      if (data.gdprApplies === false) tcf = 'granted'
      else if (data.eventStatus === 'tcloaded' || data.eventStatus === 'useractioncomplete') tcf = decided(consents && consents[1] && consents[7])
      update()
    })
  }
  update()
}
