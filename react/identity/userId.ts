import { validId } from './validId'

/**
 * user_id comes from Store Framework's session API (same origin, the shopper's own cookies),
 * not from `vtex.session-client`: one plain GET with no extra dependency, usable outside
 * React (the event queue waits on it) and cached per page load, so it is fetched at most once.
 */
export const SESSION_API = '/api/sessions?items=profile.id,profile.isAuthenticated'

interface SessionValue {
  value?: unknown
}
interface SessionAnswer {
  namespaces?: { profile?: { id?: SessionValue; isAuthenticated?: SessionValue } }
}

/** The VTEX profile id, only for an authenticated shopper (a recognized-but-not-logged-in profile is not the user). */
export const userIdFromSession = (answer: unknown): string | undefined => {
  const profile = (answer as SessionAnswer | null)?.namespaces?.profile
  return profile?.isAuthenticated?.value === 'true' ? validId(profile.id?.value) : undefined
}

/** Never rejects: a failed or odd answer means "no user_id". */
export const fetchUserId = (): Promise<string | undefined> =>
  fetch(SESSION_API, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : undefined))
    .then(userIdFromSession, () => undefined)
