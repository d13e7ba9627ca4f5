import type { ListOrdersQuery, OrderList } from '../clients/oms'
import { claim, type ClaimFiles } from '../coordination/claims'
import type { Deadline } from '../coordination/deadline'
import { changedDestinations, gaveUp } from '../deliveryStore/transitions'
import type { DeliveryLogger } from '../lib/logger'
import { allFinal, enabledNames, processOrderFromOms, RetryableDeliveryError, underClaim, IN_FLIGHT, type OrderStatusDeps } from '../delivery/processOrderStatus'
import { GIVE_UP_AFTER_MS, type RetryEntry, type RetryQueue } from '../deliveryStore/retryQueue'
import type { BackfillJob } from './backfill'
import { walkWindows } from './orderWindows'
import { afterWalk, planReconciliation, type ReconciliationState } from './reconciliation'
import type { StateStore } from './stateStore'

/**
 * One scheduled run (VTEX's scheduler calls it every 5 minutes): what no broadcast will do.
 * 1. Later retries: every queued order that is due is processed again; one failing for longer than
 *    GIVE_UP_AFTER_MS is given up (dead, reason `gave-up`, replayable from the admin).
 * 2. Reconciliation: the orders that reached the trigger since the last run, converted if the
 *    ledger has no final record for them.
 * 3. Backfill jobs the admin started, a few pages at a time.
 * 4. Upkeep: the checkout customData registration, and whatever else is given (index repair).
 * One run at a time across replicas (a claim); each step stops when the run's time is up and the
 * next run resumes it.
 */
export interface ScheduledRunDeps {
  /** Pipeline deps for one order, with a deadline of its own (never past the run's). */
  orderDeps(): Promise<OrderStatusDeps>
  listOrders(query: ListOrdersQuery): Promise<OrderList>
  state: StateStore
  claims: ClaimFiles
  retryQueue: RetryQueue
  deadline: Deadline
  logger: DeliveryLogger
  now?: () => number
  /** Upkeep steps run last, each on its own (a failure is logged, never fails the run). */
  upkeep?: Array<{ name: string; run(): Promise<unknown> }>
}

export interface ScheduledRunReport {
  ran: boolean
  retries: { processed: number; gaveUp: number; stillDue: number }
  reconciliation: { handled: number; watermark?: string; pending: boolean }
  backfills: Array<Pick<BackfillJob, 'id' | 'status' | 'ordersSeen' | 'ordersQueued'>>
  upkeep: Record<string, 'ok' | 'failed'>
  /** What the upkeep steps that did something report (`{ reindexed: 3 }`, `{ changed: true }`): their counts and flags, nothing else. */
  upkeepDone: Record<string, Record<string, number | true>>
}

export const RECONCILIATION_STATE = 'reconciliation.json'
export const BACKFILL_PREFIX = 'backfill-'
/** Orders retried per run at most: the queue may be long after an outage; the rest wait for the next run. */
const RETRIES_PER_RUN = 500
/** Time kept back at the end of the run to save state and answer. */
const RUN_MARGIN_MS = 2_000
/** The run's claim outlives any run (the route's timeout cuts it sooner). */
const RUN_LEASE_MS = 90_000

export async function runScheduled(deps: ScheduledRunDeps): Promise<ScheduledRunReport> {
  const now = deps.now ?? Date.now
  const report: ScheduledRunReport = { ran: false, retries: { processed: 0, gaveUp: 0, stillDue: 0 }, reconciliation: { handled: 0, pending: false }, backfills: [], upkeep: {}, upkeepDone: {} }
  const running = await claim(deps.claims, 'scheduled-run', { leaseMs: RUN_LEASE_MS, now })
  if (!running.won) return report
  report.ran = true
  const timeLeft = () => deps.deadline.remainingMs() - RUN_MARGIN_MS
  // A step that fails (OMS list down, a policy missing) is logged; its state is kept for the next run.
  const guarded = (name: string, work: () => Promise<void>) =>
    work().catch((error) => deps.logger.warn({ message: 'scheduled-step-failed', step: name, status: (error as { response?: { status?: number } })?.response?.status, error: (error as Error).message }))
  try {
    await guarded('retries', () => retryDue(deps, report, timeLeft))
    await guarded('reconciliation', () => reconcile(deps, report, timeLeft))
    await guarded('backfill', () => advanceBackfills(deps, report, timeLeft))
    for (const step of deps.upkeep ?? []) {
      if (timeLeft() <= 0) break
      report.upkeep[step.name] = await step.run().then(
        (result) => {
          const done = workDone(result)
          if (done) report.upkeepDone[step.name] = done
          return 'ok' as const
        },
        (error) => (deps.logger.warn({ message: 'scheduled-upkeep-failed', step: step.name, error: (error as Error).message }), 'failed' as const)
      )
    }
  } finally {
    await running.claim.release()
  }
  deps.logger.info({ message: 'scheduled-run', ...report.retries, reconciled: report.reconciliation.handled, backfills: report.backfills.length })
  return report
}

/** The positive counts and true flags of an upkeep step's result, or undefined when it did nothing (or says nothing). */
export function workDone(result: unknown): Record<string, number | true> | undefined {
  if (!result || typeof result !== 'object') return undefined
  const done = Object.entries(result).filter((entry): entry is [string, number | true] => entry[1] === true || (typeof entry[1] === 'number' && entry[1] > 0))
  return done.length > 0 ? Object.fromEntries(done) : undefined
}

/** Processes one order as the pipeline does; a failure is already recorded and queued by it. */
async function processQuietly(orderId: string, deps: ScheduledRunDeps): Promise<void> {
  try {
    await processOrderFromOms(orderId, await deps.orderDeps())
  } catch (error) {
    if (!(error instanceof RetryableDeliveryError)) deps.logger.error({ message: 'scheduled-order-error', orderId, error: (error as Error).message })
  }
}

async function retryDue(deps: ScheduledRunDeps, report: ScheduledRunReport, timeLeft: () => number): Promise<void> {
  const now = deps.now ?? Date.now
  const due = await deps.retryQueue.due(now(), RETRIES_PER_RUN)
  for (const entry of due) {
    if (timeLeft() <= 0) break
    if (now() - entry.firstFailedAt >= GIVE_UP_AFTER_MS) {
      await giveUp(entry, deps)
      report.retries.gaveUp++
    } else {
      await processQuietly(entry.orderId, deps)
      report.retries.processed++
    }
  }
  report.retries.stillDue = due.length - report.retries.processed - report.retries.gaveUp
}

/** A delivery that kept failing past the bound: dead, with the last reason, replayable from the admin. */
async function giveUp(entry: RetryEntry, deps: ScheduledRunDeps): Promise<void> {
  const orderDeps = await deps.orderDeps()
  const now = deps.now ?? Date.now
  const outcome = await underClaim(entry.orderId, orderDeps, async (claimed) => {
    const names = enabledNames(orderDeps)
    const hours = Math.round((now() - entry.firstFailedAt) / 3_600_000)
    const before = claimed.stored?.record
    const after = await claimed.write(gaveUp({ names, hours, at: new Date(now()).toISOString() }))
    for (const name of changedDestinations(before, after)) orderDeps.logger.warn({ message: 'conversion-gave-up', destination: name, orderId: entry.orderId, hours })
    await deps.retryQueue.remove(entry.orderId)
  })
  if (outcome === IN_FLIGHT) deps.logger.info({ message: 'give-up-deferred', orderId: entry.orderId })
}

/** Converts the order if some enabled destination has no final record for it yet. True when it was handed to the pipeline. */
async function handleIfNotFinal(orderId: string, deps: ScheduledRunDeps): Promise<boolean> {
  const orderDeps = await deps.orderDeps()
  if (allFinal((await orderDeps.records.get(orderId))?.record, enabledNames(orderDeps))) return false
  await processQuietly(orderId, deps)
  return true
}

async function reconcile(deps: ScheduledRunDeps, report: ScheduledRunReport, timeLeft: () => number): Promise<void> {
  const now = deps.now ?? Date.now
  const { settings } = await deps.orderDeps()
  const planned = planReconciliation(await deps.state.get<ReconciliationState>(RECONCILIATION_STATE), settings.conversionStatus, now())
  const walked = planned.pending
    ? await walkWindows(planned.pending.cursors, {
        listOrders: deps.listOrders,
        trigger: settings.conversionStatus,
        remainingMs: timeLeft,
        handleOrder: async (orderId) => {
          if (await handleIfNotFinal(orderId, deps)) report.reconciliation.handled++
        },
      })
    : { remaining: [], handled: 0 }
  const next = afterWalk(planned, walked.remaining)
  await deps.state.put(RECONCILIATION_STATE, next)
  report.reconciliation.watermark = next.watermark
  report.reconciliation.pending = next.pending !== undefined
}

async function advanceBackfills(deps: ScheduledRunDeps, report: ScheduledRunReport, timeLeft: () => number): Promise<void> {
  const now = deps.now ?? Date.now
  const { settings } = await deps.orderDeps()
  for (const path of (await deps.state.list(BACKFILL_PREFIX)).sort()) {
    const job = await deps.state.get<BackfillJob>(path)
    if (!job || job.status === 'done' || job.status === 'failed') continue
    if (timeLeft() <= 0) {
      report.backfills.push(summary(job))
      continue
    }
    let { ordersSeen, ordersQueued } = job
    const walked = await walkWindows(job.cursors, {
      listOrders: deps.listOrders,
      trigger: settings.conversionStatus,
      remainingMs: timeLeft,
      handleOrder: async (orderId) => {
        ordersSeen++
        if (await handleIfNotFinal(orderId, deps)) ordersQueued++
      },
    })
    const next: BackfillJob = {
      ...job,
      cursors: walked.remaining,
      ordersSeen,
      ordersQueued,
      status: walked.remaining.length === 0 ? 'done' : 'running',
      updatedAt: new Date(now()).toISOString(),
    }
    await deps.state.put(path, next)
    report.backfills.push(summary(next))
  }
}

const summary = ({ id, status, ordersSeen, ordersQueued }: BackfillJob) => ({ id, status, ordersSeen, ordersQueued })
