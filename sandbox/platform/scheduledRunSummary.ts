import type { ScheduledRunReport } from '../../node/scheduled/scheduledRun'

/** The id prefix of the scheduled run's requests (x-vtex-operation-id): the calls they make carry it too. */
export const SCHEDULED_RUN_OPERATION = 'scheduled-run-'

/**
 * One line saying what a scheduled run did, from its answer, and whether it did anything: a run
 * that retried, gave up, reconciled, walked a backfill or did upkeep work (a migration, a reindex,
 * a re-registration), or one that failed, is worth a line in the terminal; an idle run is not.
 */
export function scheduledRunSummary(status: number, answer: unknown): { line: string; didWork: boolean } {
  if (status !== 200) return { line: `scheduled run → ${status}`, didWork: true }
  const report = answer as Partial<ScheduledRunReport> | undefined
  if (!report?.ran) return { line: 'scheduled run: another run in progress', didWork: false }
  const done = [
    count(report.retries?.processed, 'retried'),
    count(report.retries?.gaveUp, 'given up'),
    count(report.reconciliation?.handled, 'reconciled'),
    ...(report.backfills ?? []).map((job) => `backfill ${job.id} ${job.status} (${job.ordersSeen} seen, ${job.ordersQueued} queued)`),
    ...Object.entries(report.upkeepDone ?? {}).map(([step, work]) => `${step}: ${Object.entries(work).map(([key, value]) => (value === true ? key : `${key} ${value}`)).join(', ')}`),
    ...Object.entries(report.upkeep ?? {}).flatMap(([step, outcome]) => (outcome === 'failed' ? [`${step} failed`] : [])),
  ].filter((part): part is string => part !== undefined)
  return done.length > 0 ? { line: `scheduled run: ${done.join('; ')}`, didWork: true } : { line: 'scheduled run: nothing to do', didWork: false }
}

const count = (value: number | undefined, what: string) => (value ? `${value} ${what}` : undefined)
