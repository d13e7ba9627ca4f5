import { useIntl } from 'react-intl'

/**
 * The overlay's texts: messages/*.json, `store/ads-events.debug.<key>` (en, pt, es; context.json
 * says where each shows). No placeholders: ids and numbers are shown beside the text, so every text
 * reads the same in any runtime that formats messages.
 */
export const DEBUG_MESSAGES = [
  'title',
  'turnOff',
  'hidePanel',
  'showPanel',
  'tabs',
  'tab.ads',
  'tab.query',
  'tab.identity',
  'tab.warnings',
  'ads.none',
  'ads.waitingIdentity',
  'ads.bufferFull',
  'ads.ad',
  'ads.placement',
  'event.impression',
  'event.view',
  'event.click',
  'state.noUrl',
  'state.notYet',
  'state.queued',
  'state.accepted',
  'state.refused',
  'state.noAnswer',
  'view.counting',
  'view.done',
  'view.tabHidden',
  'view.underShare',
  'view.notInView',
  'view.pending',
  'query.none',
  'query.sent',
  'query.took',
  'query.pending',
  'query.context',
  'query.placements',
  'query.asked',
  'query.ads',
  'empty.pending',
  'empty.noPublisher',
  'empty.disabled',
  'empty.deadline',
  'empty.error',
  'empty.budget',
  'empty.none',
  'identity.undecided',
  'identity.sessionId',
  'identity.userId',
  'identity.none',
  'identity.stored',
  'identity.pageOnly',
  'identity.clickIds',
  'identity.consent',
  'identity.consentNotRequired',
  'identity.consentGranted',
  'identity.consentDenied',
  'identity.consentNoAnswer',
  'identity.managers',
  'identity.orderForm',
  'identity.noCart',
  'identity.holds',
  'identity.writes',
  'identity.noWrites',
  'warnings.none',
  'warning.tracked-twice',
  'warning.no-urls',
  'warning.no-reserved-height',
  'warning.no-publisher',
  'warning.consent-silent',
] as const

export type DebugMessage = (typeof DEBUG_MESSAGES)[number]

export const useDebugText = () => {
  const intl = useIntl()
  return (key: DebugMessage) => intl.formatMessage({ id: `store/ads-events.debug.${key}` })
}
