import { adsId } from './validId'

/**
 * What Store Framework's session says about the shopper: `{ user_id }` when logged in, `{}` when
 * known to be anonymous (logged out), undefined when there is no usable answer (error, odd shape).
 */
export type Shopper = { user_id?: string } | undefined

interface SessionValue {
  value?: unknown
}
interface SessionAnswer {
  namespaces?: { profile?: { id?: SessionValue; isAuthenticated?: SessionValue } }
}

/** The VTEX profile id in the ads format (validId.ts), only for an authenticated shopper (a recognized-but-not-logged-in profile is not the user). */
export const shopperFromSession = (session: SessionAnswer | null | undefined): Shopper => {
  // No optional chaining in code every page ships: the react builder's target lowers it to long expressions.
  const namespaces = session && session.namespaces
  const profile = namespaces && namespaces.profile
  if (!profile || !profile.isAuthenticated) return undefined
  const user_id = adsId(profile.isAuthenticated.value === 'true' && profile.id && profile.id.value)
  return user_id ? { user_id } : {}
}

interface RenderSession {
  sessionPromise?: Promise<{ response?: SessionAnswer | null } | undefined>
}

/**
 * One lookup per page load, and no request of ours: render-session already asked the session
 * (profile.id and profile.isAuthenticated among its items) and exposes the answer as
 * `window.__RENDER_8_SESSION__.sessionPromise`. Every Store Framework page has it: render-runtime
 * reads it on every client render (`react/core/main.tsx`, prepareRootElement). A page without it
 * is no store page: no shopper is known there. Never rejects.
 */
export const fetchShopper = (): Promise<Shopper> => {
  const renderSession = (window as { __RENDER_8_SESSION__?: RenderSession }).__RENDER_8_SESSION__
  const rendered = renderSession && renderSession.sessionPromise
  return rendered ? rendered.then((session) => shopperFromSession(session && session.response), () => undefined) : Promise.resolve(undefined)
}
