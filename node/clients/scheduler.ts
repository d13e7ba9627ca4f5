import { JanusClient, type InstanceOptions, type IOContext } from '@vtex/api'

/**
 * VTEX's scheduler (vtex.scheduler), which calls a route of the app on a cron. It has no public
 * documentation; this follows how published VTEX apps use it (vtex-apps/octopia-scheduler
 * `node/clients/scheduler.ts`, vtex-apps/return-app `node/clients/scheduler.ts`: `PUT
 * /api/scheduler/{workspace}/{vendor.app}?version=4` with `{id, request: {uri, method, headers, body},
 * scheduler: {expression, endDate}}`; a registration with the same id replaces the previous one).
 *
 * The second segment is the namespace the schedules live in, and this app uses its own name, not
 * the account's (vtex-apps/shipment-tracker, b2b-quotes-graphql): the account is already the
 * request's (`?an=`), and a namespace shared by every app of the account lets one app's schedule
 * replace or list another's. Why, with the sources: PLATFORM.md, "Scheduled work". Policy: an
 * outbound-access on portal.vtexcommercestable.com.br whose path ends in this app's name
 * (manifest.json), as VTEX's own b2b apps declare `/api/scheduler/master/vtex.gmc-keep-alive`.
 */
export interface ScheduleRequest {
  id: string
  request: { uri: string; method: 'GET' | 'POST'; headers: Record<string, string>; body: unknown }
  scheduler: { expression: string; endDate: string }
}

/** The schedules of app `appName` (vendor.app) in `workspace`. */
export const SCHEDULER_PATH = (workspace: string, appName: string) => `/api/scheduler/${encodeURIComponent(workspace)}/${encodeURIComponent(appName)}`

export class SchedulerClient extends JanusClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, { ...options, headers: { ...options?.headers, VtexIdclientAutCookie: context.authToken } })
  }

  public register(appName: string, schedule: ScheduleRequest) {
    return this.http.put<unknown>(SCHEDULER_PATH(this.context.workspace, appName), schedule, {
      metric: 'scheduler-register',
      params: { version: 4 },
    })
  }
}
