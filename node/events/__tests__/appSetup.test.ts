import type { EventContext } from '@vtex/api'
import type { Clients } from '../../clients'
import { appSetup, isThisApp } from '../appSetup'

const previousAppId = process.env.VTEX_APP_ID
beforeAll(() => (process.env.VTEX_APP_ID = 'adsevents.ads-events@0.1.0'))
afterAll(() => (process.env.VTEX_APP_ID = previousAppId))

let workspaces = 0

function context(body: unknown, configuration: Record<string, unknown> = { apps: [] }, production = false, workspace = `ws${++workspaces}`) {
  const writes: unknown[] = []
  const logs: unknown[] = []
  const schedules: unknown[] = []
  const schemas: Array<{ dataEntity: string; schemaName: string }> = []
  const masterdata = {
    getSchema: () => Promise.reject(Object.assign(new Error('Not Found'), { response: { status: 404 } })),
    createOrUpdateSchema: async ({ dataEntity, schemaName }: { dataEntity: string; schemaName: string }) => schemas.push({ dataEntity, schemaName }),
  }
  const ctx = {
    body,
    clients: {
      checkoutConfiguration: { getOrderFormConfiguration: async () => configuration, setOrderFormConfiguration: async (next: unknown) => writes.push(next) },
      scheduler: { register: async (app: string, schedule: unknown) => schedules.push({ app, schedule }) },
      masterdata,
    },
    // A workspace of its own per context: the index schema is ensured once per process and workspace.
    vtex: { account: 'mystore', workspace, production, logger: { info: (entry: unknown) => logs.push(entry), warn: (entry: unknown) => logs.push(entry) } },
  } as unknown as EventContext<Clients>
  return { ctx, writes, logs, schedules, schemas }
}

describe('apps setup event', () => {
  it('recognizes this app in any version, and nothing else', () => {
    expect(isThisApp('adsevents.ads-events@0.2.3')).toBe(true)
    expect(isThisApp('adsevents.ads-events')).toBe(true)
    expect(isThisApp('vtex.store@2.145.0')).toBe(false)
    expect(isThisApp('adsevents.ads-events-other@0.1.0')).toBe(false)
    expect(isThisApp(undefined)).toBe(false)
  })

  it('registers the customData app when this app is installed', async () => {
    const { ctx, writes } = context({ to: { id: 'adsevents.ads-events@0.1.0' } })
    await appSetup(ctx)
    expect(writes).toEqual([{ apps: [expect.objectContaining({ id: 'ads-events', fields: ['session_id', 'user_id', 'impact_click_id', 'oppref', 'consent'] })] }])
  })

  it("creates the admin index's pinned schema when this app is installed", async () => {
    const { ctx, schemas } = context({ to: { id: 'adsevents.ads-events@0.1.0' } })
    await appSetup(ctx)
    expect(schemas).toEqual([{ dataEntity: 'adsevents_ads_events_deliveries', schemaName: 'v2' }])
  })

  it('registers the scheduled run in a production workspace only (a development workspace must not reconcile the account)', async () => {
    const production = context({ to: { id: 'adsevents.ads-events@0.1.0' } }, { apps: [] }, true, 'master')
    await appSetup(production.ctx)
    expect(production.schedules).toEqual([
      {
        app: 'adsevents.ads-events',
        schedule: expect.objectContaining({
          id: 'ads-events-scheduled-run',
          request: expect.objectContaining({ method: 'POST', uri: 'https://master--mystore.myvtex.com/_v/ads-events/scheduled-run' }),
          scheduler: expect.objectContaining({ expression: '*/5 * * * *' }),
        }),
      },
    ])
    const development = context({ to: { id: 'adsevents.ads-events@0.1.0' } })
    await appSetup(development.ctx)
    expect(development.schedules).toEqual([])
  })

  it('ignores other apps and uninstalls', async () => {
    for (const body of [{ to: { id: 'vtex.store@2.145.0' } }, { from: { id: 'adsevents.ads-events@0.1.0' } }, null]) {
      const { ctx, writes } = context(body)
      await appSetup(ctx)
      expect(writes).toEqual([])
    }
  })

  it('acknowledges a refused registration and logs it without details', async () => {
    const { ctx, logs } = context({ to: { id: 'adsevents.ads-events@0.1.0' } })
    ;(ctx.clients as unknown as { checkoutConfiguration: { getOrderFormConfiguration: () => Promise<never> } }).checkoutConfiguration.getOrderFormConfiguration = () =>
      Promise.reject(Object.assign(new Error('Forbidden'), { response: { status: 403 } }))
    await expect(appSetup(ctx)).resolves.toBeUndefined()
    expect(logs).toEqual([{ message: 'orderform-app-registration-failed', trigger: 'app-setup', status: 403 }])
  })
})
