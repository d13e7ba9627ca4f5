/**
 * Orders delivered before one record per order, over HTTP through the real Service: their
 * per-destination VBase files (`ads-events-deliveries/<destination>:<orderId>`) keep them from
 * being sent again, and the scheduled run folds them into one record per order.
 */
import { SANDBOX_ACCOUNT, SANDBOX_WORKSPACE, startSandbox, type Sandbox } from '../sandbox'
import { LEDGER_BUCKET, STATE_BUCKET } from '../../node/deliveryStore/buckets'
import { ORDER_RECORDS_BUCKET } from '../../node/deliveryStore/recordStore'
import { MIGRATION_STATE } from '../../node/deliveryStore/migration'
import type { DeliveryRecord } from '../../node/deliveryStore/ledger'
import type { OrderRecord } from '../../node/deliveryStore/orderRecord'
import { loadOrder } from '../../node/__fixtures__'

jest.setTimeout(90_000)

const APP = 'adsevents.ads-events'
const fileKey = (bucket: string, path: string) => [SANDBOX_ACCOUNT, SANDBOX_WORKSPACE, APP, bucket, path].join('/')
const old = (destination: DeliveryRecord['destination'], orderId: string, status: DeliveryRecord['status']): DeliveryRecord => ({
  destination,
  orderId,
  status,
  attempts: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:01.000Z',
  ...(status === 'sent' ? { sentAt: '2026-01-01T00:00:01.000Z' } : {}),
})

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox?.stop())

it('an order delivered by an earlier version is not sent again, and the scheduled run folds its files into one record', async () => {
  const order = loadOrder('simple')
  const seeded = [old('vtexAds', order.orderId, 'sent'), old('impact', order.orderId, 'sent'), old('openai', order.orderId, 'skipped')]
  for (const record of seeded) sandbox.state.vbase.set(fileKey(LEDGER_BUCKET, encodeURIComponent(`${record.destination}:${order.orderId}`)), Buffer.from(JSON.stringify(record)))

  expect(await sandbox.service!.sendEvent({ domain: 'Marketplace', orderId: order.orderId, currentState: 'order-created', lastState: '' })).toBe(204)
  expect(sandbox.vtexAds.conversions.get(order.orderId) ?? 0).toBe(0)
  expect(sandbox.impact.conversions.get(order.orderId) ?? 0).toBe(0)

  await sandbox.runSchedules()
  const file = sandbox.state.vbase.get(fileKey(ORDER_RECORDS_BUCKET, order.orderId))
  const record = JSON.parse(file!.toString('utf8')) as OrderRecord
  expect(record.deliveries).toEqual({ vtexAds: seeded[0], impact: seeded[1], openai: seeded[2] })
  expect(JSON.parse(sandbox.state.vbase.get(fileKey(STATE_BUCKET, MIGRATION_STATE))!.toString('utf8'))).toMatchObject({ done: true, migrated: 1 })

  // Later broadcasts end at the record: still nothing sent.
  expect(await sandbox.service!.sendEvent({ domain: 'Marketplace', orderId: order.orderId, currentState: 'payment-approved', lastState: 'order-created' })).toBe(204)
  expect(sandbox.vtexAds.conversions.get(order.orderId) ?? 0).toBe(0)
})
