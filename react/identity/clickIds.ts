import { readCookie } from './cookies'
import { BrowserEnv, writeSharedCookie } from './sessionId'
import { validId } from './validId'

export const IMPACT_CLICK_COOKIE = 'ads_events_irclickid'
export const OPPREF_COOKIE = 'ads_events_oppref'
/** Set by OpenAI's own tag when the store has it; read as a fallback, never written. */
export const OPENAI_OPPREF_COOKIE = '__oppref'
/** Kept 30 days from the landing that carried them (not refreshed: the click is what ages). */
export const CLICK_ID_DAYS = 30
/** Ours, removed when consent is withdrawn. */
export const CLICK_ID_COOKIES = [IMPACT_CLICK_COOKIE, OPPREF_COOKIE]

export interface ClickIds {
  impact_click_id?: string
  oppref?: string
}

/**
 * Captures `irclickid` (impact.com) and `oppref` (OpenAI) from the landing URL into our
 * cookies and returns the ids in force: a fresh one from the URL wins over a stored one.
 */
export const captureClickIds = (env: BrowserEnv, search: string): ClickIds => {
  const params = new URLSearchParams(search)
  const fromUrl = (param: string, cookie: string) => {
    const id = validId(params.get(param))
    if (id) writeSharedCookie(env, cookie, id, CLICK_ID_DAYS)
    return id
  }
  const impact = fromUrl('irclickid', IMPACT_CLICK_COOKIE) || validId(readCookie(env.jar, IMPACT_CLICK_COOKIE))
  const oppref =
    fromUrl('oppref', OPPREF_COOKIE) ||
    validId(readCookie(env.jar, OPPREF_COOKIE)) ||
    validId(readCookie(env.jar, OPENAI_OPPREF_COOKIE))
  const ids: ClickIds = {}
  if (impact) ids.impact_click_id = impact
  if (oppref) ids.oppref = oppref
  return ids
}
