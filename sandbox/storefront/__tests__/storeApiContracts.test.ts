import { createServer, type Server } from 'http'
import { close, listen } from '../../lib/servers'
import type { ContractViolation } from '../../platform/contractGate'
import { createStorefrontRoutes } from '../routes'

// The first call to a VTEX API compiles its published schemas (the Checkout file is 3 MB).
jest.setTimeout(30_000)

/** The page's calls to VTEX's Session Manager and Checkout APIs are held to VTEX's published contracts. */
let server: Server
let origin: string
const contractViolations: ContractViolation[] = []
beforeAll(async () => {
  const routes = createStorefrontRoutes({ contracts: { contractViolations } })
  server = createServer(async (req, res) => {
    if (!(await routes(req, res, new URL(req.url ?? '/', origin)))) res.writeHead(404).end()
  })
  origin = `http://127.0.0.1:${await listen(server)}`
})
afterAll(() => close(server))
beforeEach(() => (contractViolations.length = 0))

it('answers the identity’s session lookup and the bridge’s customData write, both within VTEX’s contracts', async () => {
  expect((await fetch(`${origin}/api/sessions?items=profile.id,profile.isAuthenticated`)).status).toBe(200)
  const orderForm = await (await fetch(`${origin}/api/checkout/pub/orderForm`)).json()
  const put = await fetch(`${origin}/api/checkout/pub/orderForm/${orderForm.orderFormId}/customData/ads-events`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ session_id: 's1' }),
  })
  expect(put.status).toBe(200)
  expect(contractViolations).toEqual([])
})

it('refuses, as VTEX does, a session lookup without its required items and a customData body that is not an object', async () => {
  const session = await fetch(`${origin}/api/sessions`)
  expect(session.status).toBe(400)
  expect(await session.json()).toEqual({
    error: { code: 'InvalidRequest', message: "/query must have required property 'items'", exception: null },
  })
  const orderForm = await (await fetch(`${origin}/api/checkout/pub/orderForm`)).json()
  const put = await fetch(`${origin}/api/checkout/pub/orderForm/${orderForm.orderFormId}/customData/ads-events`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: '"s1"',
  })
  expect(put.status).toBe(400)
  expect(contractViolations.map((violation) => [violation.kind, violation.operation])).toEqual([
    ['request', 'Session Manager API GET /api/sessions'],
    ['request', 'Checkout API PUT /api/checkout/pub/orderForm/{orderFormId}/customData/{appId}'],
  ])
})
