import { json, type StandIn } from '../lib/standIn'
import type { SandboxState } from '../state'

/**
 * VTEX's scheduler (vtex.scheduler) as published apps call it: `PUT /api/scheduler/{workspace}/
 * {app}?version=4` with `{id, request: {uri, method, headers, body}, scheduler: {expression,
 * endDate}}`, the same id replacing the previous schedule. The sandbox's schedule clock
 * (platform/scheduleClock.ts) then makes the registered requests, as the scheduler would.
 *
 * The second segment is the namespace the schedules live in. The app under test may use its own
 * (`vendor.app`) only: another namespace (the account name, as vtex-apps/shipment-tracker and
 * b2b-quotes-graphql use, or another app's) gets 404 here. That is the sandbox's rule, stricter than
 * anything VTEX documents (the scheduler has no public documentation): see PLATFORM.md, "Scheduled work".
 */
const SCHEDULES = /^\/api\/scheduler\/([^/]+)\/([^/]+)\/?$/

export interface RegisteredSchedule {
  workspace: string
  app: string
  id: string
  request: { uri: string; method: string; headers?: Record<string, string>; body?: unknown }
  scheduler: { expression: string; endDate: string }
}

export function schedulerStandIn(state: SandboxState, account: string, appName: string): StandIn {
  return {
    name: 'scheduler',
    hosts: ['portal.vtexcommercestable.com.br', `${account}.vtexcommercestable.com.br`],
    handle({ method, url, headers, body }) {
      const match = SCHEDULES.exec(url.pathname)
      if (!match) return undefined
      if (!headers['vtexidclientautcookie'] && !headers['proxy-authorization']) return json(401, { message: 'missing credentials' })
      if (url.searchParams.get('version') !== '4') return json(400, { message: 'version=4 is required' })
      const [, workspace, app] = match.map(decodeURIComponent)
      if (app !== appName) return json(404, { message: `sandbox scheduler: no schedules namespace ${app} for ${appName}; an app registers under its own name (/api/scheduler/{workspace}/${appName})` })
      if (method === 'GET') return json(200, [...state.schedules.values()].filter((schedule) => schedule.workspace === workspace && schedule.app === app))
      if (method !== 'PUT' && method !== 'POST') return undefined
      let schedule: Omit<RegisteredSchedule, 'workspace' | 'app'>
      try {
        schedule = JSON.parse(body.toString('utf8'))
      } catch {
        return json(400, { message: 'body is not JSON' })
      }
      if (!schedule?.id || !schedule.request?.uri || !schedule.scheduler?.expression) return json(400, { message: 'id, request.uri and scheduler.expression are required' })
      state.schedules.set(schedule.id, { ...schedule, workspace, app })
      return json(200, { id: schedule.id, nextExecution: null })
    },
    describe: ({ method, url }, reply) => `${method} ${decodeURIComponent(url.pathname)} → ${reply.status}`,
  }
}
