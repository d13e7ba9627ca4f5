import { UserInputError, type ServiceContext } from '@vtex/api'
import type { Clients } from '../clients'
import { newBackfillJob, type BackfillJob } from '../scheduled/backfill'
import { BACKFILL_PREFIX } from '../scheduled/scheduledRun'
import type { StateStore } from '../scheduled/stateStore'
import { vbaseStateStore } from '../scheduled/stateStore'
import type { OmsClient, OrderDateField } from '../clients/oms'
import { ADMIN_RESOURCES, AdminAccess } from '../admin/adminAccess'

/** What the admin sees of a job: its range, status and counts (the walk's cursors stay inside). */
export type BackfillJobView = Omit<BackfillJob, 'cursors'>

const view = ({ cursors: _cursors, ...job }: BackfillJob): BackfillJobView => job

/**
 * Starts (or finds) the job for a range. The same range started again is the same job, unless
 * it failed; the scheduled run walks it. Pure but for the store.
 */
export async function startBackfill(store: StateStore, from: string, to: string, nowMs: number, mayList?: MayListOrders): Promise<BackfillJobView> {
  const created = newBackfillJob(from, to, nowMs)
  if ('error' in created) throw new UserInputError(created.error)
  await mayList?.(created.job.cursors[0].window)
  const path = `${BACKFILL_PREFIX}${created.job.id}`
  const existing = await store.get<BackfillJob>(path)
  if (existing && existing.status !== 'failed') return view(existing)
  await store.put(path, created.job)
  return view(created.job)
}

/**
 * Throws unless the admin starting the backfill may list the range's orders themselves. The walk
 * runs later, in scheduled runs, on the app's token (the admin's token does not outlive their
 * session), so the admin's own right is proven once, up front, with the walk's first request.
 */
export type MayListOrders = (window: { dateField: OrderDateField; from: string; to: string }) => Promise<void>

/** The probe: the range's first page, one order long, on the admin's token; a refusal names "List Orders". */
export const adminMayListOrders =
  (oms: Pick<OmsClient, 'listOrders'>, admin: AdminAccess): MayListOrders =>
  async (window) => {
    await admin.call(ADMIN_RESOURCES.listOrders, "list the range's orders", () => oms.listOrders({ ...window, page: 1, perPage: 1 }))
  }

export async function listBackfills(store: StateStore): Promise<BackfillJobView[]> {
  const jobs = await Promise.all((await store.list(BACKFILL_PREFIX)).map((path) => store.get<BackfillJob>(path)))
  return jobs
    .filter((job): job is BackfillJob => job !== undefined)
    .map(view)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

type Context = ServiceContext<Clients>

/** GraphQL: admin only (the schema's @auth). */
export const backfillResolvers = {
  adsEventsBackfill: (_: unknown, { from, to }: { from: string; to: string }, ctx: Context) => {
    const admin = new AdminAccess()
    return admin.run(() => startBackfill(vbaseStateStore(ctx.clients.vbase), from, to, Date.now(), adminMayListOrders(ctx.clients.adminOms, admin)))
  },
  adsEventsBackfillJobs: (_: unknown, __: unknown, ctx: Context) => listBackfills(vbaseStateStore(ctx.clients.vbase)),
}
