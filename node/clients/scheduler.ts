import { JanusClient, type InstanceOptions, type IOContext } from '@vtex/api'

/**
 * VTEX's scheduler (vtex.scheduler), which calls a route of the app on a cron. It has no public
 * documentation; this follows how published VTEX apps use it (vtex-apps/return-app,
 * vtex-apps/octopia-scheduler: `PUT /api/scheduler/{workspace}/{vendor.app}?version=4` with
 * `{id, request: {uri, method, headers, body}, scheduler: {expression, endDate}}`; the registration
 * with the same id replaces the previous one). Policy: outbound-access portal.vtexcommercestable.com.br
 * /api/scheduler/* (vtex-apps/b2b-quotes-graphql).
 */
export interface ScheduleRequest {
  id: string
  request: { uri: string; method: 'GET' | 'POST'; headers: Record<string, string>; body: unknown }
  scheduler: { expression: string; endDate: string }
}

export class SchedulerClient extends JanusClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, { ...options, headers: { ...options?.headers, VtexIdclientAutCookie: context.authToken } })
  }

  public register(appName: string, schedule: ScheduleRequest) {
    return this.http.put<unknown>(`/api/scheduler/${encodeURIComponent(this.context.workspace)}/${encodeURIComponent(appName)}`, schedule, {
      metric: 'scheduler-register',
      params: { version: 4 },
    })
  }
}
