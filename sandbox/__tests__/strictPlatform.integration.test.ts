/**
 * The sandbox refuses what a real VTEX account refuses. Here the manifest lacks two policies the
 * app needs: the platform's 403 reaches the Service, the consequences are recorded where a merchant
 * looks, and the checkout refuses customData of an app its configuration does not list.
 */
import type { Server } from 'http'
import { close } from '../lib/servers'
import { startPageServer } from '../pageServer'
import { loadManifest, SANDBOX_ACCOUNT, SANDBOX_WORKSPACE, startSandbox, type Sandbox } from '../sandbox'
import { ORDER_RECORDS_BUCKET } from '../../node/deliveryStore/recordStore'
import { deliveryOf } from '../../node/deliveryStore/orderRecord'
import { orderForms } from '../storefront/orderForms'

jest.setTimeout(60_000)

const HARD = '1390650514222-01'
const DROPPED = ['SaveOrderFormConfiguration', 'ADMIN_DS']

let sandbox: Sandbox
let page: { server: Server; origin: string }
beforeAll(async () => {
  sandbox = await startSandbox({ policies: loadManifest().policies.filter((policy) => !DROPPED.includes(policy.name)) })
  page = await startPageServer(sandbox)
})
afterAll(async () => {
  await close(page.server)
  await sandbox?.stop()
})

const ledger = (orderId: string) => {
  const file = sandbox.state.vbase.get([SANDBOX_ACCOUNT, SANDBOX_WORKSPACE, 'adsevents.ads-events', ORDER_RECORDS_BUCKET, orderId].join('/'))
  return file && deliveryOf(JSON.parse(file.toString('utf8')), 'vtexAds')
}

it('without ADMIN_DS the profile lookup gets a 403: the conversion is a dead letter that says why', async () => {
  expect(await sandbox.service!.sendEvent({ domain: 'Marketplace', orderId: HARD, currentState: 'order-created', lastState: '' })).toBe(204)
  expect(sandbox.vtexAds.conversions.get(HARD)).toBeUndefined()
  expect(ledger(HARD)).toMatchObject({ status: 'dead', reason: expect.stringContaining('email-unresolved: profile lookup refused (http-403)') })
  expect(sandbox.state.policyViolations).toContainEqual(expect.objectContaining({ reason: 'Master Data v1: search documents: missing policy ADMIN_DS or POWER_USER_DS' }))
})

it('without SaveOrderFormConfiguration the customData app is never registered', async () => {
  // The registration runs in the background of the first broadcast (above).
  const refused = () => sandbox.state.policyViolations.filter((violation) => violation.url.includes('/api/checkout/pvt/configuration/orderForm'))
  for (let waited = 0; refused().length === 0 && waited < 5_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50))
  expect(refused()[0]).toMatchObject({ method: 'GET', reason: 'Checkout: orderForm configuration: missing policy SaveOrderFormConfiguration' })
  expect(sandbox.state.orderFormConfiguration.apps).toEqual([])
})

it('so the checkout refuses the storefront’s customData: 404 CHK0090, nothing stored', async () => {
  const orderForm = (await (await fetch(`${page.origin}/api/checkout/pub/orderForm`)).json()) as { orderFormId: string; customData: unknown }
  const answer = await fetch(`${page.origin}/api/checkout/pub/orderForm/${orderForm.orderFormId}/customData/ads-events`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ session_id: 'c3f0a1b2-0000-4000-8000-000000000001' }),
  })
  expect(answer.status).toBe(404)
  expect(await answer.json()).toEqual({ error: { code: 'CHK0090', message: 'App id not found' } })
  expect(orderForms.get(orderForm.orderFormId)?.customData).toBeNull()
})
