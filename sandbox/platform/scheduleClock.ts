import { randomUUID } from 'crypto'
import type { SandboxState } from '../state'
import type { RunningService } from '../service'
import { SCHEDULED_RUN_OPERATION, scheduledRunSummary } from './scheduledRunSummary'

/**
 * The scheduler's side of a registered schedule: at each tick, the request the app registered is
 * made to the app (its public route, through the platform router's headers), as vtex.scheduler
 * does on the cron. The sandbox ticks faster than the cron and tells the app so
 * (ADS_EVENTS_TIME_SCALE), so delays set against the 5-minute period shrink alike.
 */
/** Who calls: the scheduler app, as VTEX's router sees it. */
export const SCHEDULER_PRINCIPAL = 'vrn:apps:aws-us-east-1:mystore:master:app/vtex.scheduler@1.0.0'

export interface ScheduledCall {
  id: string
  status: number
  body: unknown
}

export async function runRegisteredSchedules(state: SandboxState, service: RunningService): Promise<ScheduledCall[]> {
  const calls: ScheduledCall[] = []
  for (const schedule of state.schedules.values()) {
    const url = new URL(schedule.request.uri)
    // An operation id of its own, as the platform gives every request: the run's calls repeat it.
    const operationId = `${SCHEDULED_RUN_OPERATION}${randomUUID()}`
    const headers = { ...schedule.request.headers, 'x-vtex-operation-id': operationId }
    const answer = await service.callRoute(url.pathname + url.search, schedule.request.method, headers, SCHEDULER_PRINCIPAL)
    calls.push({ id: schedule.id, status: answer.status, body: answer.body })
    const { line, didWork } = scheduledRunSummary(answer.status, answer.body)
    state.record({ at: Date.now(), standIn: 'scheduler', method: schedule.request.method, url: schedule.request.uri, status: answer.status, summary: line, operationId, quiet: !didWork })
  }
  return calls
}

/** Ticks every `everyMs`, never two runs at once. Returns the stop function. */
export function startScheduleClock(state: SandboxState, service: RunningService, everyMs: number): () => void {
  let running = false
  const timer = setInterval(() => {
    // A silenced scheduler (the fault suite) makes no call at all, as if its cron had stopped.
    if (running || state.faults.schedulerSilent()) return
    running = true
    runRegisteredSchedules(state, service)
      .catch(() => undefined)
      .finally(() => (running = false))
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
