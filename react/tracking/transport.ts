export interface AdEventBody {
  session_id: string
  user_id?: string
}

/**
 * Only http(s) URLs are beaconed (absolute, or root-relative on the page's own origin): a
 * `javascript:` or `data:` URL from an ad answer is dropped. A regex, not `new URL()`: this
 * runs for every event of every ad and parsing costs about 5 µs each in Chromium.
 */
const BEACON_URL = /^(?:https?:\/\/[^\s/?#]+|\/(?![/\\]))[^\s]*$/i

export const isBeaconUrl = (url: unknown): url is string => typeof url === 'string' && BEACON_URL.test(url)

/**
 * Sends one ad event. `sendBeacon` first: the browser keeps it alive past navigation and
 * page close, which VTEX Ads requires. Its `true` only means "queued", never "delivered".
 *
 * Measured in Debian's Chromium 156 (test/browser/transport.test.ts): a cross-origin beacon
 * with an `application/json` Blob is not a CORS-safelisted request, so Chromium sends an
 * OPTIONS preflight first and then the POST with `Content-Type: application/json`, also when
 * the click navigates away at once. Beacons are sent in credentials mode "include": the
 * preflight must answer `Access-Control-Allow-Origin: <page origin>` (not `*`) with
 * `Access-Control-Allow-Credentials: true` and allow the `content-type` header, or the POST
 * is never sent (and sendBeacon still returned true). The events host's own cookies did not go
 * along (SameSite=None; Secure cookies of a third-party host are blocked there): nothing may rely on them.
 *
 * When `sendBeacon` is missing, throws or refuses (false: payload over its quota), `fetch`
 * with `keepalive` gives the same survive-navigation guarantee. The body is exactly
 * `{ session_id, user_id? }`: nothing else of the identity (click ids) goes to the events API.
 */
/** One Blob per body: a page sends the same body with every event, and reusing it halves the cost of a call. */
let lastBody: { json: string; blob?: Blob } = { json: '' }

export const sendAdEvent = (url: string, identity: AdEventBody) => {
  // `url` passed isBeaconUrl when it was recorded (adEvents.ts).
  // JSON.stringify leaves an undefined user_id out.
  const json = JSON.stringify({ session_id: identity.session_id, user_id: identity.user_id })
  if (lastBody.json !== json) lastBody = { json, blob: new Blob([json], { type: 'application/json' }) }
  try {
    // Missing (no Beacon API) throws too.
    if (navigator.sendBeacon(url, lastBody.blob as Blob)) return
  } catch {
    // fall through to fetch
  }
  // A cross-origin fetch is in CORS mode by default (without cookies: the events host's own are blocked as third-party anyway).
  fetch(url, { method: 'POST', keepalive: true, body: json, headers: { 'Content-Type': 'application/json' } }).catch(() => undefined)
}
