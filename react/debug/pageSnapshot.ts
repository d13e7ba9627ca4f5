import { bridgePlan } from '../identity/identity'
import { adQueryLog } from '../sponsored/adQueryBatch'
import { switchedOffBlocks } from '../sponsored/switchedOff'
import type { SponsoredAd } from '../sponsored/types'
import { isBeaconUrl } from '../tracking/transport'
import type { AdSlot } from '../tracking/adSlot'
import { AdsConfig, queryView, QueryView, switchedOffView, SwitchedOffView } from './adQueries'
import { identityView, IdentityView } from './identityView'
import { BlockSpace, findBlockSpaces, keepsItsSpace } from './reservedSpace'
import { absoluteUrl, requestSeen, resourceBufferWasFull } from './requestLog'
import { adIdFromUrl, findTrackedAds } from './trackedAds'
import { viewState, ViewState, watchOnly, watchShare } from './viewClock'
import { pageWarnings, Warning } from './warnings'

/** One event of one ad as the browser sent it: not yet, queued (no answer yet), or answered with a status (202 accepted). */
export type EventState = { kind: 'no-url' } | { kind: 'not-yet' } | { kind: 'queued' } | { kind: 'answered'; status: number }

export interface AdRow {
  key: string
  adId: string
  type: string
  placement: string
  element: Element
  impression: EventState
  view: ViewState
  viewSent: EventState
  click: EventState
  warned: boolean
}

/** A sponsored block that does not keep its space (a warning names it). */
export type BlockRow = BlockSpace

export interface PageSnapshot {
  ads: AdRow[]
  blocks: BlockRow[]
  queries: QueryView[]
  /** The sponsored blocks switched off in the Site Editor: they asked for nothing. */
  switchedOff: SwitchedOffView[]
  identity: IdentityView
  /** What the orderForm bridge keeps in the cart now (undefined: undecided). */
  cartPlan: ReturnType<typeof bridgePlan>
  /** The events wait: the identity is not decided yet (setting, session, consent). */
  eventsWaiting: boolean
  warnings: Warning[]
  bufferWasFull: boolean
}

export interface PublicConfig extends AdsConfig {
  requireConsent: boolean
}

const eventState = (url: string | undefined): EventState => {
  if (!isBeaconUrl(url)) return { kind: 'no-url' }
  const seen = requestSeen(url)
  if (!seen) return { kind: 'not-yet' }
  return seen.status === undefined ? { kind: 'queued' } : { kind: 'answered', status: seen.status }
}

interface KnownAd {
  adId: string
  type: string
  placement: string
}

/** The ads the page's Get ads answers named, by event URL (a sponsored brand's products have URLs of their own). */
const knownAds = (): Map<string, KnownAd> => {
  const known = new Map<string, KnownAd>()
  const add = (url: string, ad: KnownAd) => known.set(absoluteUrl(url), ad)
  for (const record of adQueryLog)
    for (const placement of record.placements || [])
      placement.ads.forEach((ad: SponsoredAd) => {
        add(ad.impressionUrl, { adId: ad.adId, type: ad.type, placement: placement.name })
        // A brand's products are ads of their own for the events API: the id their URLs end with.
        for (const product of ad.products || []) add(product.impressionUrl, { adId: adIdFromUrl(product.impressionUrl) || `${ad.adId} · ${product.productSku}`, type: 'product', placement: placement.name })
      })
  return known
}

const slotUrls = (slot: AdSlot) => ({ impression_url: slot.ad.impression_url, view_url: slot.ad.view_url, click_url: slot.ad.click_url })

/** Everything the overlay shows, read from the page now. */
export const pageSnapshot = (config: PublicConfig | undefined): PageSnapshot => {
  const now = performance.now()
  const tabVisible = document.visibilityState === 'visible'
  const known = knownAds()
  const tracked = findTrackedAds()
  watchOnly(new Set(tracked.map((ad) => ad.element)))
  const facts = tracked.map(({ slot }, index) => {
    const url = slot.ad.impression_url
    const named = url ? known.get(absoluteUrl(url)) : undefined
    return {
      adId: (named && named.adId) || adIdFromUrl(url || slot.ad.view_url || slot.ad.click_url) || `ad-tracker #${index + 1}`,
      type: (named && named.type) || slot.ad.type || '',
      context: slot.context,
      placement: (named && named.placement) || slot.context,
      urls: slotUrls(slot),
    }
  })
  const identity = identityView()
  const blocks = findBlockSpaces()
  const warnings = pageWarnings({
    ads: facts,
    blocks,
    config,
    consent: identity.consent,
    identityDecided: identity.identity !== undefined,
  })
  const warnedAds = new Set(warnings.map((warning) => warning.subject))
  const ads = tracked.map(({ element, slot }, index) => {
    watchShare(element)
    const viewSent = eventState(slot.ad.view_url)
    return {
      key: `${index}:${slot.key}`,
      adId: facts[index].adId,
      type: facts[index].type,
      placement: facts[index].placement,
      element,
      impression: eventState(slot.ad.impression_url),
      view: viewState(slot, element, viewSent.kind === 'queued' || viewSent.kind === 'answered', now, tabVisible),
      viewSent,
      click: eventState(slot.ad.click_url),
      warned: warnedAds.has(facts[index].adId),
    }
  })
  return {
    ads,
    blocks: blocks.filter((block) => !keepsItsSpace(block)),
    queries: adQueryLog.map((record) => queryView(record, config)).reverse(),
    switchedOff: switchedOffView(switchedOffBlocks),
    identity,
    cartPlan: bridgePlan(),
    eventsWaiting: !identity.identity,
    warnings,
    bufferWasFull: resourceBufferWasFull(),
  }
}
