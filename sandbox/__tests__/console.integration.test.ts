/**
 * What `npm start` prints of the scheduled run (consoleLine over everything the stand-ins record),
 * through the real Service over HTTP: a run that does nothing prints nothing, a run that delivers
 * an order prints one line saying so, and the calls both made are still recorded for /_sandbox.
 */
import { startSandbox, type Sandbox } from '../sandbox'
import { consoleLine } from '../consoleLine'
import { SCHEDULED_RUN_OPERATION } from '../platform/scheduledRunSummary'
import type { Received } from '../lib/standIn'

jest.setTimeout(90_000)

const SCALE = 0.01

let sandbox: Sandbox
const printed: string[] = []
beforeAll(async () => {
  sandbox = await startSandbox({ schedule: { timeScale: SCALE } })
  sandbox.state.onReceived((received) => {
    const line = consoleLine(received)
    if (line) printed.push(line)
  })
})
afterAll(() => sandbox?.stop())
afterAll(() => expect(sandbox.state.policyViolations).toEqual([]))

/** One scheduler tick; what it printed and what the stand-ins recorded of it. */
const tick = async () => {
  printed.length = 0
  const from = sandbox.state.received.length
  const [call] = await sandbox.runSchedules()
  expect(call.status).toBe(200)
  const recorded: Received[] = sandbox.state.received.slice(from)
  return { printed: [...printed], recorded, report: call.body as { ran: boolean; reconciliation: { handled: number } } }
}
const ofTheRun = (recorded: Received[]) => recorded.filter((received) => received.standIn !== 'scheduler' && received.operationId?.startsWith(SCHEDULED_RUN_OPERATION))

it('a scheduled run with nothing to do prints nothing; its calls are still recorded for the dashboard', async () => {
  await tick() // the first run reconciles the last hour: whatever it finds is not this test's
  const idle = await tick()
  expect(idle.report).toMatchObject({ ran: true, reconciliation: { handled: 0 } })
  expect(idle.printed).toEqual([])
  // It did run: its claim and its order list reached the stand-ins, tagged with its operation id.
  expect(ofTheRun(idle.recorded).map((received) => received.standIn)).toEqual(expect.arrayContaining(['infra', 'oms']))
  expect(idle.recorded.filter((received) => received.standIn === 'scheduler')).toEqual([expect.objectContaining({ quiet: true, summary: 'scheduled run: nothing to do' })])
})

it('a scheduled run that delivers an order prints one line saying what it did', async () => {
  // An order whose broadcast never came, older than reconciliation's lag (5 minutes, scaled).
  const orderId = '1390620544444-01'
  const order = { ...sandbox.state.orders.get('1390620512853-01')!, orderId, status: 'ready-for-handling', creationDate: new Date(Date.now() - 12 * 60_000 * SCALE).toISOString() }
  sandbox.state.orders.set(orderId, order)
  const working = await tick()
  expect(working.report.reconciliation.handled).toBe(1)
  expect(sandbox.vtexAds.conversions.get(orderId)).toBe(1)
  expect(working.printed).toEqual([expect.stringMatching(/^ {2}scheduler scheduled run: 1 reconciled$/)])
  // The conversion it sent is in the record (the dashboard), summed up in that one line.
  expect(ofTheRun(working.recorded).some((received) => received.standIn === 'vtexAds')).toBe(true)
})
