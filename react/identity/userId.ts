import { adsId } from './validId'

/**
 * What Store Framework's session says about the shopper: `{ user_id }` when logged in, `{}` when
 * known to be anonymous (logged out), undefined when there is no usable answer (error, odd shape).
 */
export type Shopper = { user_id?: string } | undefined

/** The session API, same origin, with the shopper's own cookies: used when render-session's answer is not on the page. */
export const SESSION_API = '/api/sessions?items=profile.id,profile.isAuthenticated'

interface SessionValue {
  value?: unknown
}
interface SessionAnswer {
  namespaces?: { profile?: { id?: SessionValue; isAuthenticated?: SessionValue } }
}

/** The VTEX profile id in the ads format (validId.ts), only for an authenticated shopper (a recognized-but-not-logged-in profile is not the user). */
export const shopperFromSession = (answer: unknown): Shopper => {
  // No optional chaining in code every page ships: the react builder's target lowers it to long expressions.
  const session = answer as SessionAnswer | null
  const namespaces = session && session.namespaces
  const profile = namespaces && namespaces.profile
  if (!profile || !profile.isAuthenticated) return undefined
  const user_id = adsId(profile.isAuthenticated.value === 'true' && profile.id && profile.id.value)
  return user_id ? { user_id } : {}
}

interface RenderSession {
  sessionPromise?: Promise<{ response?: unknown } | void>
}

/**
 * One lookup per page load. render-runtime's render-session already asked the session (profile.id
 * and profile.isAuthenticated among its items) and exposes the answer as
 * `window.__RENDER_8_SESSION__.sessionPromise`: reading it costs no request. Elsewhere, one GET.
 * Never rejects.
 */
export const fetchShopper = (): Promise<Shopper> => {
  const renderSession = (window as { __RENDER_8_SESSION__?: RenderSession }).__RENDER_8_SESSION__
  const rendered = renderSession && renderSession.sessionPromise
  const answer = rendered
    ? rendered.then((session) => session && session.response)
    : fetch(SESSION_API).then((response) => (response.ok ? response.json() : undefined))
  return answer.then(shopperFromSession, () => undefined)
}
