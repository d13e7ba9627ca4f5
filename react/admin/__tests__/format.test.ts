import { backfillRangeProblem, formatShare, pageBounds, prettyJson, reasonKey, shareOf } from '../format'

describe('admin formatting', () => {
  it('shares are percentages of the converted orders; none without a base', () => {
    expect(formatShare(3, 4, 'en')).toBe('75%')
    expect(formatShare(1, 3, 'en')).toBe('33.3%')
    expect(formatShare(0, 0, 'en')).toBe('—')
    expect(shareOf(1, 3)).toBe(33.3)
    expect(shareOf(5, 0)).toBe(0)
  })

  it('page bounds for "1–20 of 345"', () => {
    expect(pageBounds(1, 20, 20)).toEqual({ from: 1, to: 20 })
    expect(pageBounds(3, 20, 5)).toEqual({ from: 41, to: 45 })
    expect(pageBounds(1, 20, 0)).toEqual({ from: 0, to: 0 })
  })

  it('indents JSON text and leaves other text alone', () => {
    expect(prettyJson('[{"a":1}]')).toBe('[\n  {\n    "a": 1\n  }\n]')
    expect(prettyJson('http-422: refused')).toBe('http-422: refused')
    expect(prettyJson(null)).toBe('')
  })

  it('unknown skip reasons share the "other" label', () => {
    expect(reasonKey('no-identity')).toBe('reason.no-identity')
    expect(reasonKey('fulfillment-order')).toBe('reason.other')
  })
})

describe('backfill range', () => {
  const now = Date.parse('2026-11-23T12:00:00Z')
  it('accepts up to 30 days back, start not after end', () => {
    expect(backfillRangeProblem('2026-11-16', '2026-11-23', now)).toBeUndefined()
    expect(backfillRangeProblem('2026-11-23', '2026-11-23', now)).toBeUndefined()
    expect(backfillRangeProblem('2026-11-24', '2026-11-23', now)).toBe('actions.backfill.order')
    expect(backfillRangeProblem('2026-10-20', '2026-11-23', now)).toBe('actions.backfill.tooOld')
    expect(backfillRangeProblem('', '2026-11-23', now)).toBe('actions.backfill.invalid')
  })
})
