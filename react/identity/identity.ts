import { captureClickIds, ClickIds } from './clickIds'
import { BrowserEnv, sessionIdFrom } from './sessionId'
import { fetchUserId } from './userId'

export interface Identity extends ClickIds {
  session_id: string
  user_id?: string
}

/** An answer slower than this is treated as "anonymous" so queued events are not held back. */
export const USER_ID_WAIT_MS = 2000

let local: Identity | undefined
let resolved: Identity | undefined
let pending: Promise<Identity> | undefined

const browserEnv = (): BrowserEnv => ({
  jar: document,
  hostname: location.hostname,
  secure: location.protocol === 'https:',
})

/**
 * Synchronous part (cookies and landing URL), computed once per page load on first use,
 * never at import (SSR-safe). Always has a session_id.
 */
export const localIdentity = (): Identity => (local = local || { session_id: sessionIdFrom(browserEnv()), ...captureClickIds(browserEnv(), location.search) })

/** The full identity once the session API answered (or timed out); undefined before. */
export const resolvedIdentity = (): Identity | undefined => resolved

/** Starts the one user_id lookup of this page load; every caller shares it. */
export const resolveIdentity = (): Promise<Identity> =>
  (pending =
    pending ||
    Promise.race([fetchUserId(), new Promise<undefined>((done) => setTimeout(done, USER_ID_WAIT_MS))]).then((user_id) => {
      resolved = user_id ? { ...localIdentity(), user_id } : localIdentity()
      return resolved
    }))
