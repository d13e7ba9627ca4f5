import type { SandboxState } from '../state'
import type { RunningService } from '../service'

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
    const answer = await service.callRoute(url.pathname + url.search, schedule.request.method, schedule.request.headers, SCHEDULER_PRINCIPAL)
    calls.push({ id: schedule.id, status: answer.status, body: answer.body })
    const report = answer.body as { ran?: boolean; retries?: { processed: number; gaveUp: number }; reconciliation?: { handled: number } } | undefined
    state.record({
      at: Date.now(),
      standIn: 'scheduler',
      method: schedule.request.method,
      url: schedule.request.uri,
      status: answer.status,
      summary: report?.ran
        ? `scheduled run: ${report.retries?.processed ?? 0} retried, ${report.retries?.gaveUp ?? 0} given up, ${report.reconciliation?.handled ?? 0} reconciled`
        : `scheduled run → ${answer.status}${report?.ran === false ? ' (another run in progress)' : ''}`,
    })
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
