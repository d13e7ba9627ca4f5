import { checkPolicies, outboundAccessAllows, type AppUnderTest, type ManifestPolicy } from '../policyCheck'
import { loadManifest } from '../../sandbox'

const manifest = loadManifest()
const app = (policies: ManifestPolicy[] = manifest.policies): AppUnderTest => ({ appName: 'adsevents.ads-events', account: 'mystore', policies })
const without = (name: string) => manifest.policies.filter((policy) => policy.name !== name)
const call = (method: string, url: string) => ({ method, url: new URL(url) })

describe('the platform policy check', () => {
  it("lets every call of the app's manifest through", () => {
    for (const url of [
      'http://portal.vtexcommercestable.com.br/api/oms/pvt/orders/1390620512853-01?an=mystore',
      'http://portal.vtexcommercestable.com.br/api/checkout/pvt/configuration/orderForm?an=mystore',
      'http://api.vtex.com/api/dataentities/CL/search?an=mystore&_fields=email',
      'http://infra.io.vtex.com/vbase/v2/mystore/master/buckets/adsevents.ads-events/ads-events-deliveries/files/x',
      'http://infra.io.vtex.com/apps/v0/mystore/master/apps/adsevents.ads-events%400.1.0/settings',
      'http://events.newtail-media.newtail.com.br/v1/beacon/conversion',
      'http://bzr.openai.com/v1/events?pid=px',
      'http://api.impact.com/Advertisers/IR1/Conversions',
    ])
      expect([url, checkPolicies(call('GET', url), app()).allowed]).toEqual([url, true])
  })

  it('refuses each VTEX API without its License Manager policy', () => {
    expect(checkPolicies(call('GET', 'http://portal.vtexcommercestable.com.br/api/oms/pvt/orders/1-01'), app(without('OMSViewer')))).toEqual({
      allowed: false,
      reason: 'OMS: get order: missing policy OMSViewer',
    })
    expect(checkPolicies(call('POST', 'http://portal.vtexcommercestable.com.br/api/checkout/pvt/configuration/orderForm'), app(without('SaveOrderFormConfiguration')))).toMatchObject({
      allowed: false,
      reason: 'Checkout: orderForm configuration: missing policy SaveOrderFormConfiguration',
    })
    expect(checkPolicies(call('GET', 'http://api.vtex.com/api/dataentities/CL/search'), app(without('ADMIN_DS')))).toMatchObject({ allowed: false })
    expect(checkPolicies(call('PUT', 'http://infra.io.vtex.com/vbase/v2/mystore/master/buckets/a/b/files/c'), app(without('vbase-read-write')))).toMatchObject({ allowed: false })
    // Listing orders needs ListOrders on top of OMSViewer (VTEX release note, 2023-02-09).
    const list = call('GET', 'http://portal.vtexcommercestable.com.br/api/oms/pvt/orders?page=1')
    expect(checkPolicies(list, app([{ name: 'OMSViewer' }]))).toEqual({ allowed: false, reason: 'OMS: list orders: missing policy ListOrders' })
    expect(checkPolicies(list, app([{ name: 'OMSViewer' }, { name: 'ListOrders' }]))).toMatchObject({ allowed: true })
  })

  it('needs the outbound-access on top of the License Manager policy where VTEX apps declare both', () => {
    const noOutbound = manifest.policies.filter((policy) => !(policy.name === 'outbound-access' && policy.attrs?.host === 'api.vtex.com'))
    expect(checkPolicies(call('GET', 'http://api.vtex.com/api/dataentities/CL/search'), app(noOutbound))).toEqual({
      allowed: false,
      reason: 'Master Data v1: search documents: missing policy outbound-access {host: api.vtex.com, path: /api/dataentities/CL/search}',
    })
  })

  it("Master Data v2: the app's own entity (the admin's index) only; its schema needs ADMIN_DS", () => {
    const own = 'http://api.vtex.com/api/dataentities/adsevents_ads_events_deliveries'
    expect(checkPolicies(call('PUT', `${own}/schemas/v1`), app())).toMatchObject({ allowed: true })
    expect(checkPolicies(call('PUT', `${own}/documents/vtexAds-1-01?_schema=v1`), app())).toMatchObject({ allowed: true })
    expect(checkPolicies(call('GET', `${own}/search?_schema=v1`), app())).toMatchObject({ allowed: true, rule: "Master Data v2: search the app's own entity" })
    const powerUserOnly = [...without('ADMIN_DS'), { name: 'POWER_USER_DS' }]
    expect(checkPolicies(call('PUT', `${own}/schemas/v1`), app(powerUserOnly))).toMatchObject({ allowed: false })
    expect(checkPolicies(call('PUT', `${own}/documents/x`), app(without('ADMIN_DS')))).toMatchObject({ allowed: false })
    // Another app's entity: no rule covers writing it, so the sandbox refuses it.
    expect(checkPolicies(call('PUT', 'http://api.vtex.com/api/dataentities/vtex_other_app_things/documents/x'), app())).toMatchObject({ allowed: false })
  })

  it('an app reads its own settings only', () => {
    expect(checkPolicies(call('GET', 'http://infra.io.vtex.com/apps/v0/mystore/master/apps/vtex.other-app/settings'), app())).toMatchObject({ allowed: false })
  })

  it('refuses a VTEX endpoint it has no rule for, and any host without outbound-access', () => {
    expect(checkPolicies(call('GET', 'http://portal.vtexcommercestable.com.br/api/catalog/pvt/product/1'), app())).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/^no policy rule for VTEX endpoint GET portal\.vtexcommercestable\.com\.br\/api\/catalog/),
    })
    expect(checkPolicies(call('POST', 'http://example.com/steal'), app())).toMatchObject({ allowed: false })
  })

  it('matches outbound-access like VTEX: exact host ({{account}} filled in), path glob', () => {
    const policies: ManifestPolicy[] = [
      { name: 'outbound-access', attrs: { host: 'bzr.openai.com', path: '/v1/events*' } },
      { name: 'outbound-access', attrs: { host: '{{account}}.myvtex.com', path: '/_v/*' } },
    ]
    expect(outboundAccessAllows(policies, new URL('http://bzr.openai.com/v1/events'), 'mystore')).toBe(true)
    expect(outboundAccessAllows(policies, new URL('http://bzr.openai.com/v1/other'), 'mystore')).toBe(false)
    expect(outboundAccessAllows(policies, new URL('http://evil.bzr.openai.com/v1/events'), 'mystore')).toBe(false)
    expect(outboundAccessAllows(policies, new URL('http://mystore.myvtex.com/_v/x'), 'mystore')).toBe(true)
    expect(outboundAccessAllows(policies, new URL('http://other.myvtex.com/_v/x'), 'mystore')).toBe(false)
  })
})
