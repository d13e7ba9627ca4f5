import type { ScheduleRequest } from '../clients/scheduler'
import { SCHEDULE_CRON } from '../lib/timeScale'

/** The route VTEX's scheduler calls (service.json `scheduledRun`, open only to vtex.scheduler's principal). */
export const SCHEDULED_RUN_PATH = '/_v/ads-events/scheduled-run'
export const SCHEDULE_ID = 'ads-events-scheduled-run'

/**
 * This app's schedule in the workspace: a POST to its scheduled-run route every 5 minutes, with no
 * end in sight (the scheduler wants an end date). Pure: the account and workspace make the URL.
 */
export const scheduledRunSchedule = (account: string, workspace: string): ScheduleRequest => ({
  id: SCHEDULE_ID,
  request: {
    uri: `https://${workspace}--${account}.myvtex.com${SCHEDULED_RUN_PATH}`,
    method: 'POST',
    headers: { 'cache-control': 'no-store', pragma: 'no-store' },
    body: null,
  },
  scheduler: { expression: SCHEDULE_CRON, endDate: '2100-01-01T00:00:00' },
})
