/**
 * The fault suite's check "the admin's figures equal the ledger" can fail: while the admin's index
 * misses deliveries (Master Data v2 down at delivery time), it names them; once the scheduled run
 * repaired the index, it finds nothing. Real Service over HTTP, admin GraphQL with @auth.
 */
import { startSandbox, type Sandbox } from '../../../sandbox/sandbox'
import { adminAgreesWithLedger } from '../adminAgreement'
import { placeOrders, suiteSettings } from '../harness'

jest.setTimeout(90_000)

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ settings: suiteSettings(), schedule: { timeScale: 0.01 } })
})
afterAll(() => sandbox?.stop())

it('names the deliveries the index misses, and agrees once the scheduled run repaired it', async () => {
  const orders = placeOrders(sandbox, 1_392_900_000_000, 3)
  const orderIds = orders.map((order) => order.orderId)
  // The index (Master Data v2 documents) is down; CL (v1 search) still answers.
  sandbox.state.faults.add({ standIn: 'masterdata', path: /^\/api\/dataentities\/(?!CL\/)/, fault: { kind: 'answer', status: 503, body: '{}', contentType: 'application/json' }, times: Infinity })
  for (const orderId of orderIds) expect(await sandbox.service!.sendEvent({ domain: 'Marketplace', orderId, currentState: 'order-created', lastState: '' })).toBe(204)
  sandbox.state.faults.clear('masterdata')

  const before = await adminAgreesWithLedger(sandbox, orderIds)
  expect(before.ledger).toMatchObject({ sent: 3, pending: 0 })
  expect(before.mismatches).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^deliveries list ≠ ledger \(3\): vtexAds:1392900000000-01 missing from the list \(ledger: sent\)/),
      expect.stringMatching(/^vtexAds health .*"sent":0.* ≠ ledger .*"sent":3/),
      expect.stringMatching(/^vtexAds delivery trend/),
      expect.stringMatching(/^vtexAds coverage trend: 0 converted ≠ ledger 3 records/),
    ])
  )

  await sandbox.runSchedules()
  expect(await adminAgreesWithLedger(sandbox, orderIds)).toEqual({ mismatches: [], ledger: { pending: 0, sent: 3, skipped: 0, dead: 0, failed: 0 } })
})
