import type { Received } from './lib/standIn'
import { SCHEDULED_RUN_OPERATION } from './platform/scheduledRunSummary'

/**
 * What `npm start` prints of a request the stand-ins received, or undefined to leave it to the
 * dashboard (`/_sandbox` lists everything): infra reads are the app's bookkeeping, and a scheduled
 * run is one line when it did something (retried, reconciled, backfilled, upkeep work) and nothing
 * when it did not; the calls it made are summed up in that line. Refusals are always printed.
 */
export function consoleLine(received: Received): string | undefined {
  if (received.quiet) return undefined
  if (received.standIn === 'infra' && received.method === 'GET') return undefined
  if (received.standIn !== 'scheduler' && received.operationId?.startsWith(SCHEDULED_RUN_OPERATION)) return undefined
  return `  ${received.standIn.padEnd(8)} ${received.summary}`
}
