import type { Consent } from '../identity/consent'
import { isBeaconUrl } from '../tracking/transport'
import { keepsItsSpace } from './reservedSpace'

/**
 * What a theme gets wrong, each with what shows it (pure: the overlay passes what it read from the
 * page). A warning names ids only: ad ids, placements, block names, never a URL's query or a value
 * of the shopper's.
 */
export type WarningKind = 'tracked-twice' | 'no-urls' | 'no-reserved-height' | 'no-publisher' | 'consent-silent'

export interface Warning {
  kind: WarningKind
  /** Ids that locate it: the ad, its contexts, the block. */
  subject: string
  detail?: string
}

export interface AdFacts {
  adId: string
  context: string
  urls: { impression_url?: string; view_url?: string; click_url?: string }
}

export interface PageFacts {
  ads: AdFacts[]
  blocks: Array<{ block: string; reservedPx: number; heightPx: number; grewPx: number }>
  /** The app's public config, once read: `hasPublisher`, `requireConsent`. */
  config?: { hasPublisher: boolean; requireConsent: boolean }
  consent: Consent
  /**
   * The identity events go with is decided. With consent required and no answer, that happens only
   * once the identity stopped waiting for a consent manager (identity.ts, USER_ID_WAIT_MS).
   */
  identityDecided: boolean
}

const URL_FIELDS = ['impression_url', 'view_url', 'click_url'] as const

/** The same ad wrapped by two trackers: any event URL held by more than one tracked element. */
const trackedTwice = (ads: AdFacts[]): Warning[] => {
  const byUrl = new Map<string, AdFacts[]>()
  for (const ad of ads)
    for (const field of URL_FIELDS) {
      const url = ad.urls[field]
      if (isBeaconUrl(url)) byUrl.set(url, [...(byUrl.get(url) || []), ad])
    }
  const warned = new Set<string>()
  const warnings: Warning[] = []
  byUrl.forEach((holders) => {
    if (holders.length < 2 || warned.has(holders[0].adId)) return
    warned.add(holders[0].adId)
    warnings.push({ kind: 'tracked-twice', subject: holders[0].adId, detail: holders.map((ad) => ad.context || '—').join(', ') })
  })
  return warnings
}

/** A tracker without one of the three URLs of the Get ads answer (or with one that is not an http(s) URL, which it drops). */
const missingUrls = (ads: AdFacts[]): Warning[] =>
  ads
    .map((ad) => ({ ad, missing: URL_FIELDS.filter((field) => !isBeaconUrl(ad.urls[field])) }))
    .filter(({ missing }) => missing.length > 0)
    .map(({ ad, missing }) => ({ kind: 'no-urls' as const, subject: ad.adId, detail: missing.join(', ') }))

export const pageWarnings = (page: PageFacts): Warning[] => [
  ...trackedTwice(page.ads),
  ...missingUrls(page.ads),
  ...page.blocks
    .filter((block) => !keepsItsSpace(block))
    .map((block) => ({ kind: 'no-reserved-height' as const, subject: block.block, detail: `${Math.round(block.reservedPx)} px → ${Math.round(block.heightPx)} px` })),
  ...(page.config && !page.config.hasPublisher ? [{ kind: 'no-publisher' as const, subject: 'hasPublisher: false' }] : []),
  ...(page.config && page.config.requireConsent && page.consent === undefined && page.identityDecided ? [{ kind: 'consent-silent' as const, subject: 'requireConsent' }] : []),
]
