/**
 * Outages at the sandbox proxy, as the fault suite uses them: a fault for a window of time on a
 * store's host (VBase, Master Data v1 and v2 together), and the scheduler silenced, then back.
 */
import { request } from 'http'
import { Faults } from '../faults'
import { startSandbox, type Sandbox } from '../../sandbox'
import { startScheduleClock } from '../../platform/scheduleClock'
import { SandboxState } from '../../state'
import type { RunningService } from '../../service'

const unavailable = { kind: 'answer', status: 503, body: '{}', contentType: 'application/json' } as const

describe('Faults', () => {
  it('applies a windowed rule from its start until its end only, and counts what it injected', () => {
    const faults = new Faults()
    faults.add({ standIn: 'infra', path: /^\/vbase\//, fault: unavailable, times: Infinity, from: 1_000, until: 2_000 })
    expect(faults.take(['infra'], '/vbase/v2/a', 999)).toBeUndefined()
    expect(faults.take(['infra'], '/vbase/v2/a', 1_000)).toEqual(unavailable)
    expect(faults.take(['infra'], '/apps/v0/a/b/apps/x/settings', 1_500)).toBeUndefined()
    expect(faults.take(['infra'], '/vbase/v2/a', 1_999)).toEqual(unavailable)
    expect(faults.take(['infra'], '/vbase/v2/a', 2_000)).toBeUndefined()
    expect(faults.injected).toEqual({ 'infra answer': 2 })
  })

  it('fails every stand-in of the host: Master Data v1 (CL) and v2 (the index) share api.vtex.com', () => {
    const faults = new Faults()
    faults.add({ standIn: 'masterdata', fault: { kind: 'reset' }, times: 2 })
    expect(faults.take(['masterdata-v2', 'masterdata'], '/api/dataentities/adsevents_delivery/documents')).toEqual({ kind: 'reset' })
    expect(faults.take(['masterdata-v2', 'masterdata'], '/api/dataentities/CL/search')).toEqual({ kind: 'reset' })
    expect(faults.take(['masterdata-v2', 'masterdata'], '/api/dataentities/CL/search')).toBeUndefined()
    expect(faults.take(['infra'], '/vbase/v2/a')).toBeUndefined()
  })

  it('silences the scheduler until a time, then lets it speak', () => {
    const faults = new Faults()
    expect(faults.schedulerSilent(0)).toBe(false)
    faults.silenceScheduler(5_000)
    expect([faults.schedulerSilent(4_999), faults.schedulerSilent(5_000)]).toEqual([true, false])
  })
})

describe('at the proxy', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ service: false })
  })
  afterAll(() => sandbox?.stop())

  /** A VBase read as the app makes it: an absolute URL through the proxy. */
  const readVbase = () =>
    new Promise<number>((resolve, reject) => {
      const path = 'http://infra.io.vtex.com/vbase/v2/mystore/master/buckets/adsevents.ads-events/ads-events-deliveries/files/x'
      request({ host: '127.0.0.1', port: sandbox.proxyPort, path, headers: { host: 'infra.io.vtex.com' } }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
        .on('error', reject)
        .end()
    })

  it('answers 503 inside the window, and the stand-in again after it', async () => {
    const from = Date.now()
    sandbox.state.faults.add({ standIn: 'infra', path: /^\/vbase\//, fault: unavailable, times: Infinity, from, until: from + 300 })
    expect(await readVbase()).toBe(503)
    await new Promise((resolve) => setTimeout(resolve, 350))
    expect(await readVbase()).toBe(404)
  })
})

describe('the schedule clock', () => {
  it('makes no call while the scheduler is silent, and calls again after', async () => {
    const state = new SandboxState({})
    state.schedules.set('run', { workspace: 'master', app: 'adsevents.ads-events', id: 'run', request: { uri: 'https://app.example/_v/run', method: 'POST' }, scheduler: { expression: '*/5 * * * *', endDate: '2099-01-01' } })
    let calls = 0
    const service = { callRoute: async () => (calls++, { status: 200, body: { ran: true } }) } as unknown as RunningService
    state.faults.silenceScheduler(Date.now() + 200)
    const stop = startScheduleClock(state, service, 20)
    await new Promise((resolve) => setTimeout(resolve, 150))
    const whileSilent = calls
    await new Promise((resolve) => setTimeout(resolve, 200))
    stop()
    expect(whileSilent).toBe(0)
    expect(calls).toBeGreaterThan(0)
  })
})
