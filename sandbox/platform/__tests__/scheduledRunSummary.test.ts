import { scheduledRunSummary } from '../scheduledRunSummary'

const idle = { ran: true, retries: { processed: 0, gaveUp: 0, stillDue: 0 }, reconciliation: { handled: 0, pending: false }, backfills: [], upkeep: { 'admin-index-repair': 'ok' }, upkeepDone: {} }

it('an idle run, or one that found another in progress, is not worth a line', () => {
  expect(scheduledRunSummary(200, idle)).toEqual({ line: 'scheduled run: nothing to do', didWork: false })
  expect(scheduledRunSummary(200, { ...idle, ran: false })).toEqual({ line: 'scheduled run: another run in progress', didWork: false })
})

it('names everything a run did, in one line', () => {
  const busy = {
    ...idle,
    retries: { processed: 2, gaveUp: 1, stillDue: 0 },
    reconciliation: { handled: 3, pending: false },
    backfills: [{ id: 'b1', status: 'running', ordersSeen: 40, ordersQueued: 5 }],
    upkeep: { 'admin-index-repair': 'ok', 'orderform-app-registration': 'failed' },
    upkeepDone: { 'admin-index-repair': { reindexed: 4 }, migration: { changed: true } },
  }
  expect(scheduledRunSummary(200, busy)).toEqual({
    line: 'scheduled run: 2 retried; 1 given up; 3 reconciled; backfill b1 running (40 seen, 5 queued); admin-index-repair: reindexed 4; migration: changed; orderform-app-registration failed',
    didWork: true,
  })
})

it('a run the route refused or that crashed is always printed', () => {
  expect(scheduledRunSummary(500, { message: 'boom' })).toEqual({ line: 'scheduled run → 500', didWork: true })
  expect(scheduledRunSummary(403, undefined).didWork).toBe(true)
})
