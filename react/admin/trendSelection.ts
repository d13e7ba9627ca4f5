import type { TrendWindow } from './types'

/** The Identity coverage view's 1, 7 or 30 days, as the charts' windows. */
export const windowOfDays = (days: number): TrendWindow => (days <= 1 ? 'LAST_24_HOURS' : days <= 7 ? 'LAST_7_DAYS' : 'LAST_30_DAYS')

/** While another destination or period loads, the chart of the previous one is not shown as this one. */
export const isShown = (trend: { destination: string; window: string } | undefined, destination: string, window: string): boolean =>
  trend !== undefined && trend.destination === destination && trend.window === window
