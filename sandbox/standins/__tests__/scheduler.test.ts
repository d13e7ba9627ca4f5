import { SandboxState } from '../../state'
import { schedulerStandIn } from '../scheduler'
import { scheduledRunSchedule } from '../../../node/scheduled/schedule'
import { SCHEDULER_PATH } from '../../../node/clients/scheduler'

const state = new SandboxState({})
const scheduler = schedulerStandIn(state, 'mystore', 'adsevents.ads-events')
const put = (path: string, body: unknown = scheduledRunSchedule('mystore', 'master')) =>
  scheduler.handle({
    method: 'PUT',
    url: new URL(`http://portal.vtexcommercestable.com.br${path}?version=4&an=mystore`),
    headers: { 'proxy-authorization': 'app-token', vtexidclientautcookie: 'app-token' },
    body: Buffer.from(JSON.stringify(body)),
  })

describe("the scheduler stand-in: the app's own namespace only", () => {
  it("registers under /api/scheduler/{workspace}/{vendor.app}, the path the app's client builds", async () => {
    expect(await put(SCHEDULER_PATH('master', 'adsevents.ads-events'))).toMatchObject({ status: 200, body: { id: 'ads-events-scheduled-run' } })
    expect(state.schedules.get('ads-events-scheduled-run')).toMatchObject({ workspace: 'master', app: 'adsevents.ads-events' })
  })

  it("answers 404 for the account's namespace (shipment-tracker's form) or another app's, and registers nothing", async () => {
    state.schedules.clear()
    for (const path of ['/api/scheduler/master/mystore', '/api/scheduler/master/vtex.other-app']) {
      const reply = await put(path)
      expect([path, reply?.status]).toEqual([path, 404])
    }
    expect(state.schedules.size).toBe(0)
  })
})
