/** Pure formatting for the admin page: counts, shares, dates and JSON, in the admin's locale. */
export const formatCount = (value: number, locale?: string): string => new Intl.NumberFormat(locale).format(value)

/** "97 %" (locale style); a dash when there is nothing to share out. */
export const formatShare = (part: number, whole: number, locale?: string): string =>
  whole > 0 ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(part / whole) : '—'

export const shareOf = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0)

/** `short`: for table cells (numeric date, minutes); otherwise the full date and time. */
export const formatDateTime = (iso: string | null | undefined, options: { short?: boolean; locale?: string } = {}): string => {
  if (!iso) return '—'
  const date = new Date(iso)
  const style = options.short ? { dateStyle: 'short', timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'medium' }
  return Number.isNaN(date.getTime()) ? '—' : new Intl.DateTimeFormat(options.locale, style as Intl.DateTimeFormatOptions).format(date)
}

/** JSON text from the API, indented for reading; other text as it is. */
export const prettyJson = (text: string | null | undefined): string => {
  if (!text) return ''
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

/** "1–20 of 345" bounds for a page (1-based). */
export const pageBounds = (page: number, pageSize: number, shown: number): { from: number; to: number } =>
  shown === 0 ? { from: 0, to: 0 } : { from: (page - 1) * pageSize + 1, to: (page - 1) * pageSize + shown }

/** The message key of a skip reason code; unknown codes share one label. */
export const KNOWN_REASONS = ['consent-refused', 'no-user-id', 'no-identity', 'no-attribution-key', 'no-sale-items', 'canceled-before-send', 'other']
export const reasonKey = (code: string): string => `reason.${KNOWN_REASONS.includes(code) ? code : 'other'}`

/** YYYY-MM-DD of a time, in UTC (the backfill's days are UTC days). */
export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/** A backfill reaches back 30 days at most (VTEX Ads deduplicates an order id for 30 days). */
export const BACKFILL_MAX_DAYS = 30

/** Why a backfill range cannot be sent, as a message key, or undefined when it can. */
export function backfillRangeProblem(from: string, to: string, nowMs: number): string | undefined {
  const start = Date.parse(`${from}T00:00:00.000Z`)
  const end = Date.parse(`${to}T23:59:59.999Z`)
  if (Number.isNaN(start) || Number.isNaN(end)) return 'actions.backfill.invalid'
  if (start > end) return 'actions.backfill.order'
  if (nowMs - start > BACKFILL_MAX_DAYS * 86_400_000) return 'actions.backfill.tooOld'
  return undefined
}

/** A chart's hour or day: short under the axis ("14:00", "23/11"), full in tooltips and tables. */
export function formatBucket(iso: string, unit: string, options: { short?: boolean; locale?: string } = {}): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return '—'
  const style: Intl.DateTimeFormatOptions =
    unit === 'hour'
      ? options.short
        ? { hour: '2-digit', minute: '2-digit' }
        : { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }
      : options.short
        ? { day: 'numeric', month: 'numeric' }
        : { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }
  return new Intl.DateTimeFormat(options.locale, style).format(date)
}

/** The admin's clock for the charts: minutes east of UTC (getTimezoneOffset counts west). */
export const utcOffsetMinutes = (date = new Date()): number => -date.getTimezoneOffset()
