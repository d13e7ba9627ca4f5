import { contractChecker, type ContractRequest } from '../contractCheck'
import { describeErrors } from '../specs'

const checker = contractChecker()
const call = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}): ContractRequest => ({
  method,
  url: new URL(url),
  headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
  body: body === undefined ? Buffer.alloc(0) : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
})
const OMS = 'http://portal.vtexcommercestable.com.br'
const window = 'creationDate:[2026-11-01T00:00:00.000Z TO 2026-11-02T00:00:00.000Z]'

describe('finding the published operation of a call', () => {
  it('matches by host and path template, the most specific path first', () => {
    expect(
      checker.describe('GET', new URL(`${OMS}/api/oms/pvt/orders/1390620512853-01?an=mystore`)).map((operation) => operation.key)
    ).toEqual(['Orders API GET /api/oms/pvt/orders/{orderId}'])
    expect(
      checker.describe('GET', new URL(`${OMS}/api/oms/pvt/orders/order-group/1390620512853`)).map((operation) => operation.key)
    ).toEqual(['Orders API GET /api/oms/pvt/orders/order-group/{orderGroup}'])
  })

  it('knows IO gateway hosts (portal.… with ?an=, api.vtex.com) as the APIs published on {account}.vtexcommercestable.com.br', () => {
    expect(checker.describe('GET', new URL('http://mystore.vtexcommercestable.com.br/api/oms/pvt/orders'))).toHaveLength(1)
    // Master Data v1 and v2 publish the same URL: both describe it.
    expect(
      checker.describe('GET', new URL('http://api.vtex.com/api/dataentities/CL/search?an=mystore')).map((operation) => operation.spec.name)
    ).toEqual(['Master Data API v2', 'Master Data API v1'])
  })

  it('describes nothing on hosts no vendored file covers (VBase) or paths no operation has', () => {
    expect(checker.coversHost('infra.io.vtex.com')).toBe(false)
    expect(checker.checkRequest(call('GET', 'http://infra.io.vtex.com/vbase/v2/a/w/buckets/b/c/files/x'))).toBeUndefined()
    expect(checker.checkRequest(call('GET', `${OMS}/api/nothing-here`))).toBeUndefined()
  })
})

describe('requests', () => {
  it('accepts a call as the app makes it: query parameters coerced from text, undeclared ones (IO adds an=) left alone', () => {
    const verdict = checker.checkRequest(
      call(
        'GET',
        `${OMS}/api/oms/pvt/orders?an=mystore&f_creationDate=${encodeURIComponent(window)}&page=2&per_page=100&incompleteOrders=false`
      )
    )!
    expect(verdict.errors).toEqual([])
    expect(verdict.accepted.map((operation) => operation.key)).toEqual(['Orders API GET /api/oms/pvt/orders'])
  })

  it('refuses a query parameter of the wrong type with OMS’s error body', () => {
    const verdict = checker.checkRequest(call('GET', `${OMS}/api/oms/pvt/orders?page=first`))!
    expect(describeErrors(verdict.errors)).toBe('/query/page must be integer')
    expect(verdict.refusal).toEqual({
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: { error: { code: 'InvalidRequest', message: '/query/page must be integer', exception: null } },
    })
  })

  it('ignores the Accept and Content-Type "parameters" VTEX declares, as OpenAPI 3.0 says, and checks the body’s content type instead', () => {
    const conversion = {
      channel: 'site',
      publisher_id: 'p',
      user_id: 'u',
      session_id: 's',
      order_id: 'o',
      email_hashed: 'h',
      items: [],
      created_at: '2026-11-01T00:00:00Z',
    }
    expect(
      checker.checkRequest(call('POST', 'https://events.newtail-media.newtail.com.br/v1/beacon/conversion', conversion))!.errors
    ).toEqual([])
    const asText = checker.checkRequest(
      call('POST', 'https://events.newtail-media.newtail.com.br/v1/beacon/conversion', conversion, { 'content-type': 'text/plain' })
    )!
    expect(describeErrors(asText.errors)).toMatch(/^\/headers\/content-type content type 'text\/plain' is not one the operation accepts/)
  })

  it('answers VTEX Ads’ own refusals: 422 with the Ajv list, paths relative to the body; 400 for a body that is not JSON', () => {
    const missing = checker.checkRequest(
      call('POST', 'https://events.newtail-media.newtail.com.br/v1/beacon/conversion', { channel: 'site' })
    )!
    expect(missing.refusal?.status).toBe(422)
    expect(missing.refusal?.body).toContainEqual(
      expect.objectContaining({ instancePath: '', keyword: 'required', params: { missingProperty: 'order_id' } })
    )
    const garbled = checker.checkRequest(call('POST', 'https://newtail-media.newtail.com.br/v1/rma/sandbox-publisher', '{not json'))!
    expect(garbled.refusal).toEqual(expect.objectContaining({ status: 400, body: { error: 'Invalid request' } }))
  })

  it('resolves $refs and keeps nullable: a beacon needs user_id or session_id (anyOf), nothing else', () => {
    const beacon = 'https://events.newtail-media.newtail.com.br/v1/beacon/view/ad-1?ad_type=product&pname=home'
    expect(checker.checkRequest(call('POST', beacon, { session_id: 's1' }))!.errors).toEqual([])
    expect(checker.checkRequest(call('POST', beacon, {}))!.refusal?.status).toBe(422)
  })
})

describe('answers', () => {
  const listOrders = () =>
    checker.checkRequest(call('GET', `${OMS}/api/oms/pvt/orders?f_creationDate=${encodeURIComponent(window)}`))!.accepted

  it('checks the answer against the response schema of its status code, and the content type it is published with', () => {
    expect(
      describeErrors(
        checker.checkAnswer(listOrders(), { status: 200, headers: { 'content-type': 'application/json' }, body: { list: [] } })
      )
    ).toBe("/ must have required property 'facets'; / must have required property 'paging'; / must have required property 'stats'")
    expect(
      describeErrors(checker.checkAnswer(listOrders(), { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>' }))
    ).toMatch(/^\/headers\/content-type answered 'text\/html'/)
    expect(
      describeErrors(checker.checkAnswer(listOrders(), { status: 200, headers: { 'content-type': 'application/json' }, body: '{oops' }))
    ).toBe('/ the answer is not JSON')
  })

  it('leaves statuses the operation does not publish (404, 429, 5xx) unchecked', () => {
    expect(
      checker.checkAnswer(listOrders(), { status: 503, headers: { 'content-type': 'application/json' }, body: { anything: true } })
    ).toEqual([])
  })
})
