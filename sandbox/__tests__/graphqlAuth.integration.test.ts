/**
 * The app's GraphQL served by the real Service through @vtex/api's runtime, its @auth directive
 * included: the directive asks VTEX ID who the VtexIdclientAutCookie belongs to and License Manager
 * whether that user holds the resource (the sandbox's stand-ins answer as VTEX does). Every admin
 * operation must refuse a shopper, an anonymous caller and a forged cookie, and run for an admin.
 */
import { ADMIN_RESOURCE, SANDBOX_ACCOUNT, SANDBOX_LOGINS, startSandbox, type Sandbox } from '../sandbox'
import type { GraphqlCaller } from '../service'
import { unlistedCalls } from '../contracts/coverage'

jest.setTimeout(60_000)

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox?.stop())
afterAll(() => expect(sandbox.state.policyViolations).toEqual([]))
afterAll(() => expect(sandbox.state.contractViolations).toEqual([]))
// Every VTEX endpoint the Service called is in the contract coverage's list (sandbox/contracts/coverage.ts).
afterAll(() => expect(unlistedCalls(sandbox.state.received)).toEqual([]))

const ADMIN_OPERATIONS = {
  adsEventsDeliveryStatus: 'query { adsEventsDeliveryStatus(orderId: "1390620512853-01") { destination status } }',
  adsEventsReplay: 'mutation { adsEventsReplay(orderIds: ["1390620512853-01"]) { destination status } }',
  adsEventsRegisterOrderFormApp: 'mutation { adsEventsRegisterOrderFormApp }',
  adsEventsHealth: 'query { adsEventsHealth { destinations { destination last24h { sent } } } }',
  adsEventsIdentityCoverage: 'query { adsEventsIdentityCoverage { converted } }',
  adsEventsDeliveries: 'query { adsEventsDeliveries(filter: { status: "dead" }, page: 1, pageSize: 20) { total items { orderId } } }',
  adsEventsPreview: 'query { adsEventsPreview(orderId: "1390620512853-01") { orderId } }',
  adsEventsOrderFormApp: 'query { adsEventsOrderFormApp { registered } }',
  adsEventsReplayDeadLetters: 'mutation { adsEventsReplayDeadLetters(destination: "vtexAds") { replayed } }',
  adsEventsBackfillJobs: 'query { adsEventsBackfillJobs { id status } }',
  adsEventsBackfill: `mutation { adsEventsBackfill(from: "${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}", to: "${new Date().toISOString().slice(0, 10)}") { id status } }`,
}

const adminCookie = (token: string): GraphqlCaller => ({ cookies: { VtexIdclientAutCookie: token } })
const CALLERS: Record<string, GraphqlCaller> = {
  anonymous: {},
  // A logged-in shopper carries the storefront cookie, VtexIdclientAutCookie_<account>.
  shopper: { cookies: { [`VtexIdclientAutCookie_${SANDBOX_ACCOUNT}`]: SANDBOX_LOGINS.shopper.token } },
  // …and may copy its own valid token into the admin cookie: VTEX ID knows it, License Manager does not grant it.
  'shopper with a copied token': adminCookie(SANDBOX_LOGINS.shopper.token),
  'forged cookie': adminCookie('eyJhbGciOiJIUzI1NiJ9.forged.signature'),
  'forged header': { headers: { VtexIdclientAutCookie: 'forged-header-token' } },
  'admin of another account': adminCookie(SANDBOX_LOGINS.otherAccountAdmin.token),
}

type Answer = { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> }
const run = async (query: string, caller: GraphqlCaller) => (await sandbox.service!.graphql(query, {}, caller)).body as Answer

describe.each(Object.entries(ADMIN_OPERATIONS))('%s is admin only', (operation, query) => {
  it.each(Object.keys(CALLERS))('refuses: %s', async (callerName) => {
    const writesBefore = sandbox.state.received.filter((received) => received.method !== 'GET').length
    const answer = await run(query, CALLERS[callerName])
    expect(answer.data?.[operation] ?? null).toBeNull()
    expect(answer.errors?.[0]?.message).toMatch(/VtexIdclientAutCookie/)
    // Refused before the resolver: nothing written anywhere.
    const writes = sandbox.state.received.filter((received) => received.method !== 'GET').slice(writesBefore)
    expect(writes).toEqual([])
  })

  it('runs for an admin granted the resource', async () => {
    const answer = await run(query, adminCookie(SANDBOX_LOGINS.admin.token))
    expect(answer.errors).toBeUndefined()
    expect(answer.data).toHaveProperty(operation)
  })
})

it('says which License Manager resource is missing, in words a merchant can act on', async () => {
  const answer = await run(ADMIN_OPERATIONS.adsEventsDeliveryStatus, CALLERS['shopper with a copied token'])
  expect(answer.errors?.[0]?.message).toBe('User indicated by VtexIdclientAutCookie is not authorized to access the indicated resource.')
  const check = sandbox.state.received.filter((received) => received.standIn === 'license-manager').pop()
  expect(check?.url).toContain(`/products/${ADMIN_RESOURCE.productCode}/logins/${SANDBOX_LOGINS.shopper.user}/resources/${ADMIN_RESOURCE.resourceCode}/granted`)
})

it('storefront fields stay public: no cookie needed', async () => {
  const answer = await run('query { adsEventsPublicConfig { hasPublisher vtexAdsEnabled } }', {})
  expect(answer).toEqual({ data: { adsEventsPublicConfig: { hasPublisher: true, vtexAdsEnabled: true } } })
})
