import type { DebugMessage } from './messages'
import type { EventState } from './pageSnapshot'
import type { ViewState } from './viewClock'

/** An event's state as `data-state` (tests, CSS) and its message. */
export const eventStateName = (state: EventState): 'no-url' | 'not-yet' | 'queued' | 'accepted' | 'refused' | 'no-answer' => {
  if (state.kind !== 'answered') return state.kind
  if (state.status === 0) return 'no-answer'
  return state.status >= 200 && state.status < 300 ? 'accepted' : 'refused'
}

const EVENT_MESSAGES: Record<ReturnType<typeof eventStateName>, DebugMessage> = {
  'no-url': 'state.noUrl',
  'not-yet': 'state.notYet',
  queued: 'state.queued',
  accepted: 'state.accepted',
  refused: 'state.refused',
  'no-answer': 'state.noAnswer',
}
export const eventMessage = (state: EventState): DebugMessage => EVENT_MESSAGES[eventStateName(state)]

/** The status code beside the text, when there is one. */
export const statusText = (state: EventState) => (state.kind === 'answered' && state.status > 0 ? ` ${state.status}` : '')

export const viewMessage = (view: ViewState): DebugMessage => {
  if (view.kind === 'no-url') return 'state.noUrl'
  if (view.kind === 'done') return 'view.done'
  if (view.kind === 'counting') return 'view.counting'
  return ({ 'tab-hidden': 'view.tabHidden', 'under-share': 'view.underShare', 'not-in-view': 'view.notInView', pending: 'view.pending' } as const)[view.why]
}

export const percent = (share: number) => `${Math.round(share * 100)} %`

/** The numbers of a view state: share in view against the share needed, and the clock. */
export const viewNumbers = (view: ViewState): string => {
  if (view.kind === 'no-url') return ''
  const share = `${percent(view.share)} / ${percent(view.needed)}`
  return view.kind === 'counting' ? `${view.seconds.toFixed(1)} s / ${view.of} s · ${share}` : share
}

/** One character per event for the outlines' chips. */
export const eventMark = (state: EventState): string => ({ 'no-url': '∅', 'not-yet': '–', queued: '…', accepted: '✓', refused: '✗', 'no-answer': '✗' })[eventStateName(state)]
