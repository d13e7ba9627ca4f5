import type { EventContext } from '@vtex/api'
import type { Clients } from '../../clients'
import { appSetup, isThisApp } from '../appSetup'

const previousAppId = process.env.VTEX_APP_ID
beforeAll(() => (process.env.VTEX_APP_ID = 'adsevents.ads-events@0.1.0'))
afterAll(() => (process.env.VTEX_APP_ID = previousAppId))

function context(body: unknown, configuration: Record<string, unknown> = { apps: [] }, production = false) {
  const writes: unknown[] = []
  const logs: unknown[] = []
  const schedules: unknown[] = []
  const ctx = {
    body,
    clients: {
      checkoutConfiguration: { getOrderFormConfiguration: async () => configuration, setOrderFormConfiguration: async (next: unknown) => writes.push(next) },
      scheduler: { register: async (app: string, schedule: unknown) => schedules.push({ app, schedule }) },
    },
    vtex: { account: 'mystore', workspace: 'master', production, logger: { info: (entry: unknown) => logs.push(entry), warn: (entry: unknown) => logs.push(entry) } },
  } as unknown as EventContext<Clients>
  return { ctx, writes, logs, schedules }
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
    expect(writes).toEqual([{ apps: [expect.objectContaining({ id: 'ads-events', fields: ['session_id', 'user_id', 'impact_click_id', 'oppref'] })] }])
  })

  it('registers the scheduled run in a production workspace only (a development workspace must not reconcile the account)', async () => {
    const production = context({ to: { id: 'adsevents.ads-events@0.1.0' } }, { apps: [] }, true)
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
