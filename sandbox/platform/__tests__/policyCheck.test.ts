import { checkPolicies, outboundAccessAllows, type AppUnderTest, type ManifestPolicy } from '../policyCheck'
import { loadManifest, loadSandboxSettings } from '../../sandbox'
import { loadOrder } from '../../../node/__fixtures__'
import { previewOrder } from '../../../node/delivery/preview'
import { destinations } from '../../../node/destinations'
import { normalizeSettings } from '../../../node/settings/appSettings'
import { indexEntityName } from '../../../node/ledgerIndex/entity'
import { SCHEDULER_PATH } from '../../../node/clients/scheduler'

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

describe("manifest.json's outbound-access: least privilege (App Store engineering guidelines)", () => {
  const outbound = manifest.policies.filter((policy) => policy.name === 'outbound-access')
  const appName = `${manifest.vendor}.${manifest.name}`

  it('opens no whole host: every path names a prefix before any wildcard', () => {
    expect(outbound.length).toBeGreaterThan(5)
    for (const { attrs } of outbound) {
      const path = attrs?.path ?? ''
      const beforeWildcard = path.split('*')[0]
      // "/*", "*", "/", "/**", "" and a missing path all reach the whole host.
      expect([attrs?.host, path, path.startsWith('/') && beforeWildcard.replace(/\//g, '') !== '']).toEqual([attrs?.host, path, true])
    }
  })

  /** What the service really calls, built by its own code where it builds the URL. */
  const settings = normalizeSettings({ ...loadSandboxSettings(), eventsBaseUrl: 'https://events.newtail-media.newtail.com.br', impactBaseUrl: 'https://api.impact.com', openaiBaseUrl: 'https://bzr.openai.com' })
  const preview = previewOrder(loadOrder('simple'), settings, destinations, Date.parse(loadOrder('simple').creationDate) + 60_000)
  const destinationUrls = Object.values(preview.destinations).map((entry) => entry.request!.url)
  const entity = indexEntityName(`${appName}@0.1.0`)
  const appCalls = [
    ...destinationUrls,
    'https://events-api.ads.vtex.com/v1/beacon/conversion',
    // node/ads/querySponsoredAds.ts: `${adsBaseUrl}/v1/rma/${publisherId}`
    `${settings.adsBaseUrl}/v1/rma/${settings.publisherId}`,
    'http://portal.vtexcommercestable.com.br/api/checkout/pvt/configuration/orderForm?an=mystore',
    `http://portal.vtexcommercestable.com.br${SCHEDULER_PATH('master', appName)}?version=4&an=mystore`,
    'http://api.vtex.com/api/dataentities/CL/search?an=mystore&_where=userId=1',
    `http://api.vtex.com/api/dataentities/${entity}/search?an=mystore&_schema=v1`,
    `http://api.vtex.com/api/dataentities/${entity}/documents/vtexAds-1-01?an=mystore&_schema=v1`,
    `http://api.vtex.com/api/dataentities/${entity}/schemas/v1?an=mystore`,
    'http://vtexid.vtex.com.br/api/vtexid/pub/authenticated/user?authToken=t',
  ]

  it('lets every call the service makes through', () => {
    expect(destinationUrls).toHaveLength(3)
    for (const url of appCalls) expect([url, outboundAccessAllows(manifest.policies, new URL(url), 'mystore')]).toEqual([url, true])
  })

  it('has no policy the service does not use', () => {
    for (const policy of outbound) {
      const used = appCalls.some((url) => outboundAccessAllows([policy], new URL(url), 'mystore'))
      expect([policy.attrs, used]).toEqual([policy.attrs, true])
    }
  })

  it('refuses what lies outside the narrowed paths', () => {
    for (const url of [
      // Impressions, views and clicks go from the shopper's browser, never from the service.
      'http://events.newtail-media.newtail.com.br/v1/beacon/impression',
      'http://events-api.ads.vtex.com/v1/beacon/click',
      'http://newtail-media.newtail.com.br/v1/campaigns',
      'http://api.impact.com/Advertisers/IR1/Campaigns',
      'http://bzr.openai.com/v1/audiences',
      'http://portal.vtexcommercestable.com.br/api/scheduler/master/vtex.other-app',
      'http://api.vtex.com/api/dataentities/OD/search',
      'http://api.vtex.com/api/dataentities/vtex_other_app_things/search',
    ])
      expect([url, checkPolicies(call('POST', url), app()).allowed]).toEqual([url, false])
    expect(checkPolicies(call('GET', 'http://api.vtex.com/api/dataentities/OD/search'), app())).toEqual({
      allowed: false,
      reason: 'Master Data v1: search documents: missing policy outbound-access {host: api.vtex.com, path: /api/dataentities/OD/search}',
    })
  })

  it("names this app where a path holds it: the scheduler's namespace and the index entity", () => {
    const paths = outbound.map((policy) => policy.attrs?.path ?? '')
    expect(paths).toContain(`/api/scheduler/*/${appName}`)
    expect(paths).toContain(`/api/dataentities/${entity}/*`)
  })
})

