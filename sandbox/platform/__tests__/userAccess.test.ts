import { SandboxState } from '../../state'
import { grantKey } from '../../standins/vtexId'
import { checkCaller, endpointOf, requireCaller, USER_GOVERNED_ENDPOINTS } from '../userAccess'
import { json } from '../../lib/standIn'

const state = new SandboxState({})
state.vtexIdTokens.set('admin-token', { user: 'admin@mystore.example', account: 'mystore' })
state.vtexIdTokens.set('limited-token', { user: 'marketing@mystore.example', account: 'mystore' })
state.vtexIdTokens.set('other-token', { user: 'admin@otherstore.example', account: 'otherstore' })
state.grants.add(grantKey('admin@mystore.example', 'OMS', 'View order'))
state.adminOperations.add('graphql-admin-op')

const request = (method: string, path: string, headers: Record<string, string>) => ({ method, url: new URL(`http://portal.vtexcommercestable.com.br${path}?an=mystore`), headers, body: Buffer.alloc(0) })
const getOrder = (headers: Record<string, string>) => checkCaller(request('GET', '/api/oms/pvt/orders/1-01', headers), state, 'mystore')

describe('who may call a user-governed VTEX API', () => {
  it("the app's token, outside an admin's operation: the manifest's policies decide (at the proxy)", () => {
    expect(getOrder({ vtexidclientautcookie: state.appToken, 'x-vtex-operation-id': 'event-op' })).toBeUndefined()
  })

  it("the app's token inside an admin's operation: refused, so a call slipping back to it fails a test", () => {
    expect(getOrder({ vtexidclientautcookie: state.appToken, 'x-vtex-operation-id': 'graphql-admin-op' })).toEqual(
      json(403, { error: { code: '403', message: "sandbox: OMS: get order in an admin's operation must be made on the admin's token (ctx.vtex.adminUserAuthToken), not the app's" } })
    )
  })

  it('a user: by the resources of their role', () => {
    expect(getOrder({ vtexidclientautcookie: 'admin-token', 'x-vtex-operation-id': 'graphql-admin-op' })).toBeUndefined()
    expect(getOrder({ vtexidclientautcookie: 'limited-token' })).toMatchObject({ status: 403, body: { error: { message: 'Forbidden: the user\'s role holds none of "View order", "Orders Full Access" (OMS)' } } })
    // The admin holds "View order", not "List Orders".
    expect(checkCaller(request('GET', '/api/oms/pvt/orders', { vtexidclientautcookie: 'admin-token' }), state, 'mystore')).toMatchObject({ status: 403 })
  })

  it("nobody's token, another account's, or none: 401", () => {
    expect(getOrder({ vtexidclientautcookie: 'forged' })).toMatchObject({ status: 401 })
    expect(getOrder({ vtexidclientautcookie: 'other-token' })).toMatchObject({ status: 401 })
    expect(getOrder({})).toMatchObject({ status: 401 })
  })

  it('records every call with its caller, for tests to assert at the stand-in', () => {
    const last = state.vtexApiCalls.at(-1)
    expect(last).toMatchObject({ endpoint: 'OMS: get order', caller: 'unknown', adminOperation: false, status: 401 })
    expect(state.vtexApiCalls.map((call) => call.caller)).toEqual(expect.arrayContaining(['app', 'admin@mystore.example', 'marketing@mystore.example']))
  })

  it('leaves the rest alone: the app-owned Master Data entity, VBase, other paths', () => {
    expect(endpointOf('GET', '/api/dataentities/adsevents_ads_events_deliveries/search')).toBeUndefined()
    expect(endpointOf('GET', '/api/dataentities/CL/search')?.product).toBe('Dynamic Storage')
    expect(endpointOf('POST', '/api/checkout/pvt/configuration/orderForm')?.anyOf).toEqual(['Save OrderForm Configuration'])
    const passThrough = requireCaller({ name: 'x', hosts: [], handle: () => json(200, 'mine') }, state, 'mystore')
    expect(passThrough.handle(request('GET', '/api/license-manager/pvt/x', {}))).toEqual(json(200, 'mine'))
    for (const endpoint of USER_GOVERNED_ENDPOINTS) expect(endpoint.source).toMatch(/^VTEX - .+\.json, .+"Permissions"$/)
  })
})
