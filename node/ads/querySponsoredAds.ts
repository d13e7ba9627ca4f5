import type { AppSettings } from '../settings/appSettings'
import { resolveBrand } from '../conversion/brand'
import { validateAdQuery } from './adQuery'
import { NO_ADS, toSponsoredAds, type SponsoredAdsResult } from './adAnswer'
import { toGetAdsBody, type GetAdsBody } from './getAdsBody'
import { dedupProducts } from './dedupProducts'
import type { StorefrontSite } from './storefrontSite'

/**
 * The sponsoredAds query, I/O injected: validate → settings → Get ads → map. No ad is better than
 * a slow page (Get ads: "apply a 500–600 ms timeout"), so the whole of it runs against one
 * 600 ms budget and every failure, of any kind, answers "no ads" and is logged once, without the
 * session id, user id, search term or publisher id. It never throws to the page.
 */
export const AD_QUERY_BUDGET_MS = 600
/** Kept back from the budget for mapping and answering after Get ads returns. */
const ANSWER_MARGIN_MS = 20
/** Below this, a Get ads call could not finish in time: skip it. */
const MIN_CALL_MS = 50

export interface GetAdsAnswer {
  status: number
  data: unknown
}

export interface AdQueryLogEntry {
  message: 'sponsored-ads-none'
  reason: 'invalid-input' | 'disabled' | 'no-publisher' | 'timeout' | 'http-error' | 'error'
  context?: string
  placements?: number
  status?: number
  elapsedMs: number
  /** Field names and rules only, never the values. */
  errors?: string[]
}

export interface AdQueryDeps {
  settings(): Promise<AppSettings>
  getAds(url: string, body: GetAdsBody, timeoutMs: number): Promise<GetAdsAnswer>
  log(entry: AdQueryLogEntry): void
  now?(): number
}

class AdQueryFailure extends Error {
  constructor(
    readonly reason: AdQueryLogEntry['reason'],
    readonly status?: number
  ) {
    super(reason)
  }
}

const placementNamesOf = (input: unknown): string[] => {
  const placements = (input as { placements?: unknown })?.placements
  if (!Array.isArray(placements)) return []
  return placements.flatMap((placement) => (typeof placement?.name === 'string' && placement.name.length <= 100 ? [placement.name] : []))
}

const isTimeout = (error: unknown) => {
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  return code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(message ?? '')
}

/**
 * `site`: the storefront's sales channel and host (storefrontSite.ts), which give the `brand` of a
 * multi-site publisher by the same rule as its conversions (conversion/brand.ts).
 */
export async function querySponsoredAds(input: unknown, deps: AdQueryDeps, site: StorefrontSite = {}): Promise<SponsoredAdsResult> {
  const now = deps.now ?? Date.now
  const started = now()
  const validation = validateAdQuery(input)
  const fallback = validation.ok ? NO_ADS(validation.query.placements.map((placement) => placement.name)) : NO_ADS(placementNamesOf(input))
  const logNone = (reason: AdQueryLogEntry['reason'], extra: Partial<AdQueryLogEntry> = {}) => {
    deps.log({
      message: 'sponsored-ads-none',
      reason,
      ...(validation.ok ? { context: validation.query.context, placements: validation.query.placements.length } : {}),
      elapsedMs: now() - started,
      ...extra,
    })
    return fallback
  }
  if (!validation.ok) return logNone('invalid-input', { errors: validation.errors })
  const query = validation.query

  const work = async (): Promise<SponsoredAdsResult> => {
    const settings = await deps.settings()
    // A store that turned VTEX Ads off, or has no publisher yet, simply shows no ads.
    if (!settings.vtexAdsEnabled) throw new AdQueryFailure('disabled')
    if (!settings.publisherId) throw new AdQueryFailure('no-publisher')
    const remaining = AD_QUERY_BUDGET_MS - ANSWER_MARGIN_MS - (now() - started)
    if (remaining < MIN_CALL_MS) throw new AdQueryFailure('timeout')
    const url = `${settings.adsBaseUrl}/v1/rma/${encodeURIComponent(settings.publisherId)}`
    const answer = await deps.getAds(url, toGetAdsBody(query, { brand: resolveBrand(site, settings) }), remaining)
    if (answer.status !== 200) throw new AdQueryFailure('http-error', answer.status)
    const ads = toSponsoredAds(answer.data, query.placements.map((placement) => placement.name))
    return query.dedupAds ? dedupProducts(ads) : ads
  }

  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AdQueryFailure('timeout')), AD_QUERY_BUDGET_MS - (now() - started))
  })
  try {
    return await Promise.race([work(), deadline])
  } catch (error) {
    if (error instanceof AdQueryFailure) return error.reason === 'disabled' || error.reason === 'no-publisher' ? fallback : logNone(error.reason, error.status ? { status: error.status } : {})
    return logNone(isTimeout(error) ? 'timeout' : 'error')
  } finally {
    clearTimeout(timer)
  }
}
