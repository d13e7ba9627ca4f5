import { readdirSync, readFileSync } from 'fs'
import { join } from 'path'
import type { VtexOrder } from '../../../node/typings/order'
import { asOmsAnswers } from '../../platform/emailMasking'
import { listOrders } from '../../standins/omsList'
import { ContractChecker, contractChecker, type ContractRequest } from '../contractCheck'
import { LIST_ORDERS_ANSWER, SCHEMA_OVERRIDES, type SchemaOverride } from '../overrides'
import { describeErrors } from '../specs'

const ROOT = join(__dirname, '..', '..', '..')
const FIXTURES = join(ROOT, 'node', '__fixtures__')
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'))
const fixtureOrders = (): VtexOrder[] =>
  readdirSync(join(FIXTURES, 'orders'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => readJson(`node/__fixtures__/orders/${file}`) as VtexOrder)

const HOSTS: Record<string, string> = {
  'Orders API': 'http://portal.vtexcommercestable.com.br',
  'Orders API PII version': 'https://mystore.vtexcommercestable.com.br',
  'Checkout API': 'http://portal.vtexcommercestable.com.br',
}
const json = { status: 200, headers: { 'content-type': 'application/json' } }
const FULL_DAY = 'creationDate:[2000-01-01T00:00:00.000Z TO 2100-01-01T00:00:00.000Z]'

/** The call an override's operation answers (path parameters filled in). */
const requestFor = (spec: string, operation: string, body?: unknown): ContractRequest => {
  const [method, path] = operation.split(' ')
  const query = path === '/api/oms/pvt/orders' ? `?f_creationDate=${encodeURIComponent(FULL_DAY)}` : ''
  return {
    method,
    url: new URL(`${HOSTS[spec]}${path.replace(/\{[^}]+\}/g, 'x-01')}${query}`),
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body)),
  }
}

/** Why the real data an override names breaks its operation's schema, as `checker` sees it ('' when it conforms). */
function errorsOf(checker: ContractChecker, override: SchemaOverride): string {
  if (override.schema === 'request') {
    const verdict = checker.checkRequest(requestFor(override.spec, override.operation, readJson(override.provenBy)))!
    return describeErrors(verdict.errors)
  }
  const verdict = checker.checkRequest(requestFor(override.spec, override.operation))!
  const answers =
    override.provenBy === LIST_ORDERS_ANSWER
      ? [listOrders(fixtureOrders(), new URLSearchParams({ f_creationDate: FULL_DAY, per_page: '100' })).body]
      : [readJson(override.provenBy)]
  return answers.map((body) => describeErrors(checker.checkAnswer(verdict.accepted, { ...json, body }))).join('')
}

describe('what the stand-ins serve conforms to VTEX’s published schemas (with the overrides)', () => {
  const getOrder = contractChecker().checkRequest(requestFor('Orders API', 'GET /api/oms/pvt/orders/{orderId}'))!.accepted

  it.each(readdirSync(join(FIXTURES, 'orders')).filter((file) => file.endsWith('.json')))(
    'the fixture order %s, as OMS serves it (e-mail masked hard)',
    (file) => {
      const order = readJson(`node/__fixtures__/orders/${file}`) as VtexOrder
      expect(describeErrors(contractChecker().checkAnswer(getOrder, { ...json, body: asOmsAnswers(order, 'hard') }))).toBe('')
    }
  )

  it("VTEX's own example orders: Get order, and Get order of the PII version against its own operation", () => {
    expect(
      describeErrors(
        contractChecker().checkAnswer(getOrder, { ...json, body: readJson('node/__fixtures__/openapi/orders-api-get-order.json') })
      )
    ).toBe('')
    const pii = contractChecker().checkRequest(requestFor('Orders API PII version', 'GET /api/orders/pvt/document/{orderId}'))!.accepted
    expect(
      describeErrors(
        contractChecker().checkAnswer(pii, { ...json, body: readJson('node/__fixtures__/openapi/orders-api-pii-get-order.json') })
      )
    ).toBe('')
  })

  it("VTEX's own Track conversions example is a request VTEX Ads accepts", () => {
    const body = readFileSync(join(FIXTURES, 'openapi', 'ads-api-track-conversion-request.json'))
    const verdict = contractChecker().checkRequest({
      method: 'POST',
      url: new URL('https://events.newtail-media.newtail.com.br/v1/beacon/conversion'),
      headers: { 'content-type': 'application/json' },
      body,
    })!
    expect(describeErrors(verdict.errors)).toBe('')
  })
})

describe('each override is needed, and sourced', () => {
  it.each(SCHEMA_OVERRIDES.map((override) => [`${override.operation} ${override.schema} ${override.path.join('.')}`, override] as const))(
    '%s',
    (_name, override) => {
      expect(override.evidence.length).toBeGreaterThan(40)
      expect(errorsOf(contractChecker(), override)).toBe('')
      const without = new ContractChecker(
        undefined,
        SCHEMA_OVERRIDES.filter((other) => other !== override)
      )
      const path = `/${override.path.filter((step) => step !== '[]').pop()}`
      expect(errorsOf(without, override)).toContain(path)
    }
  )
})
