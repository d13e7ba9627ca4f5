import { createHash } from 'crypto'
import { toConversion } from '../../../conversion/conversion'
import { normalizeSettings } from '../../../settings/appSettings'
import { ORDER_FIXTURES, loadOrder } from '../../../__fixtures__'
import type { Outcome } from '../../destination'
import { CONSENT_REFUSED_SKIP, openaiDestination, splitOpenAIBatchOn } from '..'
import { orderPlacedUrl, toOpenAIEvent, type OpenAIEventsBody } from '../mapping'
import { validateEvent } from '../schema'
import { OPENAI_CITY_MAX_LENGTH, toOpenAIUser } from '../userFields'
import { MAX_EVENT_AGE_MS, MAX_EVENT_LEAD_MS } from '../window'

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')
const raw = { openaiEnabled: true, openaiPixelId: 'px_123', openaiApiKey: 'sk-svcacct-secret-abc' }
const settings = normalizeSettings(raw)
const SIMPLE_CREATED_MS = Date.parse('2026-11-20T14:31:07.123Z')
const now = SIMPLE_CREATED_MS + 60 * 60 * 1000

function preparedBody(order = loadOrder('simple'), config = settings, nowMs = now) {
  const preparation = openaiDestination.prepare(toConversion(order), config, nowMs)
  if (preparation.kind !== 'ready') throw new Error(`expected ready, got ${JSON.stringify(preparation)}`)
  return { request: preparation.request, body: JSON.parse(preparation.request.body) as OpenAIEventsBody }
}

describe('toOpenAIEvent', () => {
  it('maps the simple order field by field: SHA-256 e-mail and profile id, integer minor units', () => {
    const { body } = preparedBody()
    expect(body).toEqual({
      validate_only: false,
      events: [
        {
          id: 'order_1390620512853-01',
          type: 'order_created',
          timestamp_ms: SIMPLE_CREATED_MS,
          oppref: 'oppref_abc',
          action_source: 'web',
          source_url: 'https://mystore.myvtex.com/checkout/orderPlaced?og=1390620512853',
          user: {
            email_sha256: sha256('maria.silva@example.com'),
            external_id_sha256: sha256('5a3692de-358a-4bea-8885-044bce33bb93'),
            country: 'BR',
            city: 'Rio de Janeiro',
            zip_code: '22250-040',
          },
          data: {
            type: 'contents',
            // 1 × 1,899.00 + 2 × 400.00, in cents: what was paid for the items.
            amount: 269900,
            currency: 'BRL',
            contents: [
              { id: '12221', name: 'Air Runner Sneaker', content_type: 'product', quantity: 1, amount: 189900, currency: 'BRL' },
              { id: '12222', name: 'Sport Socks', content_type: 'product', quantity: 2, amount: 40000, currency: 'BRL' },
            ],
          },
        },
      ],
    })
  })

  it('sends the request the spec documents: bearer key, pid in the query, JSON', () => {
    const { request } = preparedBody()
    expect(request.url).toBe('https://bzr.openai.com/v1/events?pid=px_123')
    expect(request.headers).toEqual({ accept: 'application/json', 'content-type': 'application/json', authorization: 'Bearer sk-svcacct-secret-abc' })
  })

  it('carries test mode as validate_only', () => {
    expect(preparedBody(loadOrder('simple'), normalizeSettings({ ...raw, openaiValidateOnly: true })).body.validate_only).toBe(true)
  })

  it('never sends a phone, a document, a raw e-mail or a raw profile id', () => {
    const text = JSON.stringify(preparedBody().body)
    for (const clear of ['maria.silva@example.com', '+5521987654321', '5521987654321', '52998224725', '5a3692de-358a-4bea-8885-044bce33bb93']) expect(text).not.toContain(clear)
  })

  it('maps the corporate order without the gift; content amount is the unit price, data amount the paid total', () => {
    const event = toOpenAIEvent(toConversion(loadOrder('corporate-multiseller')))
    expect(event.oppref).toBeUndefined()
    expect(event.source_url).toBe('https://mystore.myvtex.com/checkout/orderPlaced?og=1390630512999')
    expect(event.user?.email_sha256).toBe(sha256('compras@empresa-exemplo.com.br'))
    expect(event.data.contents.map((content) => [content.id, content.quantity, content.amount])).toEqual([
      ['55001', 3, 89900],
      ['55002', 1, 15990],
    ])
    expect(event.data.amount).toBe(3 * 89900 + 15990)
  })

  it.each(ORDER_FIXTURES)('%s: passes the event schema, every amount and quantity an integer', (name) => {
    const event = toOpenAIEvent(toConversion(loadOrder(name)))
    expect(validateEvent(event)).toEqual([])
    const amounts = [event.data.amount, ...event.data.contents.flatMap((content) => [content.amount, content.quantity])]
    expect(amounts.every(Number.isInteger)).toBe(true)
  })

  it('sends Chilean pesos as integers in the ISO 4217 minor unit (CLP has none): VTEX 4999000 → 49990', () => {
    const event = toOpenAIEvent(toConversion(loadOrder('chile-clp')))
    expect(event.data).toEqual({
      type: 'contents',
      // 49.990 + 22.925 pesos: the lines' cents summed, then converted once.
      amount: 72915,
      currency: 'CLP',
      contents: [
        { id: '880011', name: 'Zapatilla Trail Andes', content_type: 'product', quantity: 1, amount: 49990, currency: 'CLP' },
        // 7.641,67 a pair in VTEX cents: the nearest whole peso.
        { id: '880022', name: 'Calcetín Merino', content_type: 'product', quantity: 3, amount: 7642, currency: 'CLP' },
      ],
    })
    expect(event.user?.country).toBe('CL')
  })

  it('sends the changed order as it stands, its goodwill discount taken off the amount', () => {
    const event = toOpenAIEvent(toConversion(loadOrder('changed-order')))
    expect(event.data.contents.map((content) => [content.id, content.quantity, content.amount])).toEqual([
      ['330011', 1, 29990],
      ['330033', 1, 9990],
      ['330044', 1, 5990],
    ])
    expect(event.data.amount).toBe(29990 + 9990 + 5990 - 1000)
  })

  it('falls back to the orderId without its seller suffix when the order has no orderGroup', () => {
    const order = loadOrder('simple')
    delete order.orderGroup
    expect(orderPlacedUrl(toConversion(order))).toBe('https://mystore.myvtex.com/checkout/orderPlaced?og=1390620512853')
  })

  it('uses action_source other when no store host is known (source_url is required for web)', () => {
    const order = loadOrder('simple')
    order.hostname = null
    const event = toOpenAIEvent(toConversion(order))
    expect(event.action_source).toBe('other')
    expect(event.source_url).toBeUndefined()
    expect(validateEvent(event)).toEqual([])
    expect(validateEvent({ ...event, action_source: 'web' }).map((error) => error.message)).toContain("must have required property 'source_url'")
  })
})

describe("toOpenAIUser: the user object by OpenAI's rules", () => {
  const conversion = toConversion(loadOrder('simple'))

  it('hashes the trimmed, lower-cased e-mail and the profile id; sends country, city and zip as they are', () => {
    expect(toOpenAIUser(conversion)).toEqual({
      email_sha256: sha256('maria.silva@example.com'),
      external_id_sha256: sha256('5a3692de-358a-4bea-8885-044bce33bb93'),
      country: 'BR',
      city: 'Rio de Janeiro',
      zip_code: '22250-040',
    })
  })

  it('leaves out a city or zip code OpenAI would refuse instead of failing the event (and its batch)', () => {
    const address = { ...conversion.address, city: 'X'.repeat(OPENAI_CITY_MAX_LENGTH + 1), postalCode: '22250/040' }
    const user = toOpenAIUser({ ...conversion, address })
    expect(user).not.toHaveProperty('city')
    expect(user).not.toHaveProperty('zip_code')
    expect(toOpenAIUser({ ...conversion, address: { ...conversion.address, city: 'X'.repeat(OPENAI_CITY_MAX_LENGTH) } })?.city).toHaveLength(OPENAI_CITY_MAX_LENGTH)
    const event = toOpenAIEvent(toConversion(loadOrder('simple')))
    expect(validateEvent({ ...event, user: { ...event.user, zip_code: '22250/040' } }).map((error) => error.instancePath)).toEqual(['/user/zip_code'])
  })

  it('sends no user object when nothing is known', () => {
    expect(toOpenAIUser({ ...conversion, customer: { isCompany: false, notes: [] }, identity: { consentRefused: false, notes: [] }, address: {} })).toBeUndefined()
  })
})

describe('the 7-day / 10-minute window, with an injected clock', () => {
  const prepareAt = (nowMs: number) => openaiDestination.prepare(toConversion(loadOrder('simple')), settings, nowMs)

  it('sends an event exactly 7 days old, refuses one a millisecond older', () => {
    expect(prepareAt(SIMPLE_CREATED_MS + MAX_EVENT_AGE_MS).kind).toBe('ready')
    // Final, not a dead letter: no setting can make OpenAI take it (a backfill, a late broadcast).
    expect(prepareAt(SIMPLE_CREATED_MS + MAX_EVENT_AGE_MS + 1)).toMatchObject({ kind: 'skipped', reason: expect.stringMatching(/^too-old: .*last 7 days/) })
  })

  it('sends an event 10 minutes ahead, refuses one further ahead', () => {
    expect(prepareAt(SIMPLE_CREATED_MS - MAX_EVENT_LEAD_MS).kind).toBe('ready')
    expect(prepareAt(SIMPLE_CREATED_MS - MAX_EVENT_LEAD_MS - 1)).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/^in-the-future: /) })
  })
})

describe('openaiDestination.prepare: skips and dead letters', () => {
  it('skips an order with no oppref, no profile id and no usable e-mail', () => {
    const order = loadOrder('simple')
    order.customData = null
    order.clientProfileData = { ...order.clientProfileData, userProfileId: null, email: 'abc123@ct.vtex.com.br' }
    expect(openaiDestination.prepare(toConversion(order), settings, now)).toMatchObject({ kind: 'skipped', reason: expect.stringMatching(/^no-identity/) })
  })

  it('skips an order whose shopper refused consent, though its profile id and e-mail could be matched', () => {
    const order = loadOrder('simple')
    order.customData = { customApps: [{ id: 'ads-events', fields: { consent: 'denied', oppref: 'oppref_abc' } }] }
    expect(openaiDestination.prepare(toConversion(order), settings, now)).toEqual({ kind: 'skipped', reason: CONSENT_REFUSED_SKIP })
  })

  it('names the missing settings and how to get a Conversions API key', () => {
    const preparation = openaiDestination.prepare(toConversion(loadOrder('simple')), normalizeSettings({}), now)
    expect(preparation).toMatchObject({ kind: 'invalid', reason: 'missing-setting: openaiPixelId, openaiApiKey' })
    expect(JSON.stringify(preparation)).toContain('sk-svcacct-')
  })

  it('refuses an order without currency (amounts mean nothing without it)', () => {
    const order = loadOrder('simple')
    order.storePreferencesData = { ...order.storePreferencesData, currencyCode: null }
    expect(openaiDestination.prepare(toConversion(order), settings, now)).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('currency') })
  })
})

describe('openaiDestination.prepareBatch', () => {
  const conversions = ORDER_FIXTURES.map((name) => toConversion(loadOrder(name)))
  const batchNow = Date.parse('2026-11-22T12:00:00Z')

  it('puts every ready conversion in one request, in order', () => {
    const preparation = openaiDestination.prepareBatch!(conversions, settings, batchNow)
    expect(preparation.kind).toBe('ready')
    const body = JSON.parse(preparation.kind === 'ready' ? preparation.request.body : '{}') as OpenAIEventsBody
    expect(body.events.map((event) => event.id)).toEqual(conversions.map((conversion) => `order_${conversion.orderId}`))
    expect(body.events).toHaveLength(ORDER_FIXTURES.length)
    expect(openaiDestination.maxBatch).toBe(50)
  })

  it('refuses a batch holding an event that would fail it, naming the order', () => {
    const preparation = openaiDestination.prepareBatch!(conversions, settings, Date.parse('2026-11-28T00:00:00Z'))
    expect(preparation).toMatchObject({ kind: 'invalid', reason: 'batch-has-unsendable-events: 1390620512853-01' })
  })
})

describe('openaiDestination.classify', () => {
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => ({ status, body, headers })

  it('2xx is sent', () => {
    expect(openaiDestination.classify(answer(200, {}))).toEqual({ kind: 'sent' })
  })

  it('401 Missing scopes is a dead letter telling the merchant which key to use', () => {
    const outcome = openaiDestination.classify(answer(401, { error: { message: 'Missing scopes: ads.third_party_events.write' } }))
    expect(outcome).toMatchObject({ kind: 'dead' })
    const reason = outcome.kind === 'dead' ? outcome.reason : ''
    expect(reason).toContain('Missing scopes: ads.third_party_events.write')
    expect(reason).toContain('Conversions API key (sk-svcacct-')
  })

  it("400 is a dead letter with OpenAI's own message", () => {
    expect(openaiDestination.classify(answer(400, { error: { message: 'Missing required field: events' } }))).toEqual({
      kind: 'dead',
      reason: 'http-400: Missing required field: events',
      errors: undefined,
    })
    expect(openaiDestination.classify(answer(400, 'Missing required field: events'))).toMatchObject({ reason: 'http-400: Missing required field: events' })
  })

  it('429 and 5xx retry', () => {
    expect(openaiDestination.classify(answer(429, {}, { 'retry-after': '2' }))).toEqual({ kind: 'retry', reason: 'http-429', retryAfterMs: 2000 })
    expect(openaiDestination.classify(answer(500, {}))).toMatchObject({ kind: 'retry', reason: 'http-500' })
    expect(openaiDestination.classify(answer(503, {}))).toMatchObject({ kind: 'retry', reason: 'http-503' })
  })

  it('bisects batches on a 400, never on a refused key or a retry', () => {
    const of = (status: number): Outcome => openaiDestination.classify(answer(status, { error: { message: 'x' } }))
    expect(splitOpenAIBatchOn(of(400))).toBe(true)
    expect(splitOpenAIBatchOn(of(401))).toBe(false)
    expect(splitOpenAIBatchOn(of(403))).toBe(false)
    expect(splitOpenAIBatchOn(of(503))).toBe(false)
  })

  it('lists only the key as a secret', () => {
    expect(openaiDestination.secrets(settings)).toEqual(['sk-svcacct-secret-abc'])
  })
})
