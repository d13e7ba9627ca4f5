/**
 * The scheduled run's clock: VTEX's scheduler calls it every 5 minutes, and every later-retry and
 * reconciliation delay is set against that. The sandbox runs that part of time faster
 * (ADS_EVENTS_TIME_SCALE=0.0333 makes 5 minutes 10 seconds) so a person or a benchmark sees
 * later retries and reconciliation happen in seconds; on VTEX nothing sets it and the scale is 1.
 */
const parsed = Number(process.env.ADS_EVENTS_TIME_SCALE)
export const TIME_SCALE = Number.isFinite(parsed) && parsed > 0 && parsed <= 1 ? parsed : 1

export const scaled = (ms: number): number => Math.round(ms * TIME_SCALE)

/** How often VTEX's scheduler calls the run (the cron expression registered on install). */
export const SCHEDULE_PERIOD_MS = 5 * 60_000
export const SCHEDULE_CRON = '*/5 * * * *'
