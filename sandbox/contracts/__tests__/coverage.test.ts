import { readFileSync } from 'fs'
import { join } from 'path'
import { policyRules } from '../../platform/policyCheck'
import { APP_ENDPOINTS, contractCoverage, coverageLine, exampleUrl, unlistedCalls } from '../coverage'

const ROOT = join(__dirname, '..', '..', '..')
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { vendor: string; name: string }
const rules = policyRules(`${manifest.vendor}.${manifest.name}`)
const serviceEndpoints = APP_ENDPOINTS.filter((endpoint) => endpoint.caller === 'service')
const ruleOf = (endpoint: (typeof APP_ENDPOINTS)[number]) => {
  const url = exampleUrl(endpoint)
  // The app's own entity and settings stand for {dataEntityName} and {app} (the rules allow only the app's own).
  const appName = `${manifest.vendor}.${manifest.name}`
  const pathname = url.pathname.replace('/dataEntityName/', `/${appName.replace(/[.-]/g, '_')}_deliveries/`).replace(/\/apps\/app\/settings$/, `/apps/${appName}/settings`)
  return rules.find((rule) => rule.host.test(url.hostname) && rule.path.test(pathname) && (!rule.methods || rule.methods.includes(endpoint.method)))
}

it('README.md states the coverage as it is today (recomputed from the endpoint list and the vendored specs)', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  expect(readme).toContain(coverageLine())
  expect(readme.split('\n').filter((line) => line.includes('Contract coverage:'))).toHaveLength(1)
})

it("lists the Service's VTEX calls as the policy table does: each endpoint needs a rule, each rule is called", () => {
  for (const endpoint of serviceEndpoints.filter((candidate) => !/newtail/.test(candidate.host))) expect([endpoint.path, ruleOf(endpoint)?.name]).toEqual([endpoint.path, expect.any(String)])
  const called = new Set(serviceEndpoints.map(ruleOf).map((rule) => rule?.name))
  expect(rules.map((rule) => rule.name).filter((name) => !called.has(name))).toEqual([])
})

it('counts an endpoint as covered only when a published operation describes it', () => {
  const coverage = contractCoverage()
  expect(coverage.find((entry) => entry.endpoint.path === '/api/oms/pvt/orders/{orderId}')?.operation).toBe('Orders API GET /api/oms/pvt/orders/{orderId}')
  expect(coverage.find((entry) => entry.endpoint.path.startsWith('/vbase/'))?.operation).toBeUndefined()
  expect(coverage.find((entry) => entry.endpoint.path === '/api/orders/pvt/document/{orderId}')?.operation).toBe('Orders API PII version GET /api/orders/pvt/document/{orderId}')
  expect(coverageLine(coverage)).toMatch(new RegExp(`^Contract coverage: \\d+ of ${coverage.length} VTEX endpoints`))
})

it('finds calls to VTEX hosts that the list misses, and ignores the ad platforms and the sandbox’s own refusals', () => {
  const at = 0
  const received = [
    { at, standIn: 'oms', method: 'GET', url: 'http://portal.vtexcommercestable.com.br/api/oms/pvt/orders/1-01?an=mystore', status: 200, summary: '' },
    { at, standIn: 'oms', method: 'POST', url: 'http://portal.vtexcommercestable.com.br/api/oms/pvt/orders/1-01/cancel?an=mystore', status: 200, summary: '' },
    { at, standIn: 'impact', method: 'POST', url: 'https://api.impact.com/Advertisers/x/Conversions', status: 200, summary: '' },
    { at, standIn: 'policy', method: 'GET', url: 'http://api.vtex.com/api/anything', status: 403, summary: '' },
  ]
  expect(unlistedCalls(received)).toEqual(['POST portal.vtexcommercestable.com.br/api/oms/pvt/orders/1-01/cancel'])
})
