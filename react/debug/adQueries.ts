import type { AdQueryRecord } from '../sponsored/adQueryBatch'
import { CLIENT_DEADLINE_MS } from '../sponsored/adQueryBatch'

/**
 * The page's Get ads queries as a theme developer reads them: what was asked, how long it took,
 * and for each placement its ads or why it has none. The app's answer says "no ads" the same way
 * for every cause (node/ads/querySponsoredAds.ts never fails the page), so the cause is read from
 * what the overlay knows: the public config (publisher ID set, VTEX Ads on), the client's deadline
 * (CLIENT_DEADLINE_MS), the service's budget (600 ms: an answer that took that long and holds no
 * ad most likely ran out of it), else VTEX Ads answered none. A block switched off in the Site
 * Editor asks for nothing: it shows apart (switchedOffView), as the blocks tell it (switchedOff.tsx).
 */
export const SERVICE_BUDGET_MS = 600

export type EmptyReason = 'pending' | 'no-publisher' | 'disabled' | 'deadline' | 'error' | 'budget' | 'none'

export interface PlacementView {
  /** The name the service used (the answer's), else what the block asked for. */
  name: string
  asked: { quantity: number; types: string[] }
  ads: Array<{ adId: string; type: string; productSku?: string | null }>
  empty?: EmptyReason
}

export interface QueryView {
  sentAtMs: number
  /** How long until it settled, ms; undefined while pending. */
  tookMs?: number
  context: string
  channel: string
  /** The page context's values that are catalog ids or names; the search term only as its length (shopper's text). */
  contextValues: Array<[string, string]>
  sessionId: string
  userId?: string
  dedupAds: boolean
  placements: PlacementView[]
}

/** A sponsored block on the page switched off in the Site Editor (`active: false`): it asked for nothing. */
export interface SwitchedOffView {
  /** The block's name, e.g. sponsored-banner. */
  block: string
  /** Its placement name, else its position. */
  placement: string
}

export interface AdsConfig {
  hasPublisher: boolean
  vtexAdsEnabled: boolean
}

const emptyReason = (record: AdQueryRecord, config: AdsConfig | undefined): EmptyReason => {
  if (record.settledAt === undefined) return 'pending'
  if (config && !config.hasPublisher) return 'no-publisher'
  if (config && !config.vtexAdsEnabled) return 'disabled'
  const tookMs = record.settledAt - record.sentAt
  // Settled without an answer: at the deadline, or earlier by a failure.
  if (!record.placements) return tookMs >= CLIENT_DEADLINE_MS ? 'deadline' : 'error'
  return tookMs >= SERVICE_BUDGET_MS ? 'budget' : 'none'
}

export const queryView = (record: AdQueryRecord, config: AdsConfig | undefined): QueryView => {
  const { input } = record
  const contextValues: Array<[string, string]> = []
  if (input.term) contextValues.push(['term', `${input.term.length} ch`])
  if (input.categoryName) contextValues.push(['category', input.categoryName])
  if (input.productSku) contextValues.push(['sku', input.productSku])
  if (input.brandName) contextValues.push(['brand', input.brandName])
  const reason = emptyReason(record, config)
  return {
    sentAtMs: record.sentAt,
    tookMs: record.settledAt === undefined ? undefined : record.settledAt - record.sentAt,
    context: input.context,
    channel: input.channel,
    contextValues,
    sessionId: input.sessionId,
    userId: input.userId,
    dedupAds: input.dedupAds,
    placements: input.placements.map((asked, index) => {
      const answered = record.placements ? record.placements[index] : undefined
      const ads = answered ? answered.ads.map((ad) => ({ adId: ad.adId, type: ad.type, productSku: ad.productSku })) : []
      return {
        name: (answered && answered.name) || asked.name || `${asked.position} (${asked.types.join(', ')})`,
        asked: { quantity: asked.quantity, types: asked.types },
        ads,
        empty: ads.length > 0 ? undefined : reason,
      }
    }),
  }
}

/** The page's switched-off blocks (switchedOff.tsx's registry: "<block> <placement>" → how many are mounted), once each, as they mounted. */
export const switchedOffView = (blocks: Record<string, number>): SwitchedOffView[] =>
  Object.keys(blocks).map((key) => {
    const space = key.indexOf(' ')
    return { block: key.slice(0, space), placement: key.slice(space + 1) }
  })
