import { createHash } from 'crypto'
import { toConversion } from '../../../conversion/conversion'
import { previewOrder } from '../../../delivery/preview'
import { normalizeSettings } from '../../../settings/appSettings'
import { ORDER_FIXTURES, loadOrder } from '../../../__fixtures__'
import { CONSENT_REFUSED_NOTE, CONSENT_REFUSED_SKIP, impactDestination } from '..'
import { eventTypeField, toImpactConversion, UNCATEGORIZED } from '../mapping'
import { validateImpactConversion } from '../../../../sandbox/standins/impact'

const sha1 = (value: string) => createHash('sha1').update(value).digest('hex')
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')
const raw = { impactEnabled: true, impactAccountSid: 'IRabc123', impactAuthToken: 'tok-secret-999', impactCampaignId: '1000', impactEventTypeId: '12345' }
const settings = normalizeSettings(raw)
const now = Date.parse('2026-11-23T00:00:00Z')

function preparedFields(order: ReturnType<typeof loadOrder>, config = settings) {
  const preparation = impactDestination.prepare(toConversion(order), config, now)
  if (preparation.kind !== 'ready') throw new Error(`expected ready, got ${JSON.stringify(preparation)}`)
  return { request: preparation.request, fields: Object.fromEntries(new URLSearchParams(preparation.request.body)) }
}

describe('toImpactConversion', () => {
  it('maps the simple order field by field: SHA-1 e-mail, unit prices in currency units, click id and profile id', () => {
    const { request, fields } = preparedFields(loadOrder('simple'))
    expect(fields).toEqual({
      CampaignId: '1000',
      EventTypeId: '12345',
      EventDate: '2026-11-20T14:31:07Z',
      OrderId: '1390620512853-01',
      ClickId: 'Qn3wT8Xy0xyz123',
      CustomerId: '5a3692de-358a-4bea-8885-044bce33bb93',
      CustomerEmail: sha1('maria.silva@example.com'),
      CurrencyCode: 'BRL',
      OrderDiscount: '0.00',
      OrderShipping: '15.90',
      OrderTax: '0.00',
      CustomerCity: 'Rio de Janeiro',
      CustomerPostCode: '22250-040',
      CustomerCountry: 'BRA',
      ItemSku1: '12221',
      ItemName1: 'Air Runner Sneaker',
      ItemCategory1: '34',
      ItemQuantity1: '1',
      ItemPrice1: '1899.00',
      ItemSku2: '12222',
      ItemName2: 'Sport Socks',
      ItemCategory2: '34',
      ItemQuantity2: '2',
      // 2 socks for 800.00 in total: the unit price, never the line.
      ItemPrice2: '400.00',
    })
    expect(fields.CustomerEmail).not.toBe(sha256('maria.silva@example.com'))
    expect(request.body).not.toContain('maria')
    expect(request.body).not.toContain('5521987654321')
  })

  it('sends the request impact documents: form-encoded POST with basic auth to the account path', () => {
    const { request } = preparedFields(loadOrder('simple'))
    expect(request.method).toBe('POST')
    expect(request.url).toBe('https://api.impact.com/Advertisers/IRabc123/Conversions')
    expect(request.headers).toEqual({
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from('IRabc123:tok-secret-999').toString('base64')}`,
    })
    expect(request.body).toContain('CustomerCity=Rio+de+Janeiro')
  })

  it('maps the corporate order without the gift, per-unit prices, CustomerId as the only attribution key', () => {
    const { fields } = preparedFields(loadOrder('corporate-multiseller'))
    expect(fields).toMatchObject({
      OrderId: '1390630512999-01',
      CustomerId: '0f3c2d8a-1111-4a6b-9e0c-9f6d1b2c3d4e',
      CustomerEmail: sha1('compras@empresa-exemplo.com.br'),
      ItemSku1: '55001',
      ItemQuantity1: '3',
      ItemPrice1: '899.00',
      ItemSku2: '55002',
      ItemPrice2: '159.90',
      CustomerCity: 'São Paulo',
    })
    expect(fields.ClickId).toBeUndefined()
    expect(Object.keys(fields).filter((key) => key.startsWith('ItemSku'))).toEqual(['ItemSku1', 'ItemSku2'])
    expect(Object.values(fields)).not.toContain('55003')
  })

  const refused = (order: ReturnType<typeof loadOrder>) => {
    order.customData = { customApps: [{ id: 'ads-events', fields: { consent: 'denied', impact_click_id: 'Qn3wT8Xy0xyz123' } }] }
    return order
  }

  it('consent refused: the sale goes with the coupon only, no field about the customer, and the record says so', () => {
    const order = refused(loadOrder('weighed-and-packs'))
    const preparation = impactDestination.prepare(toConversion(order), settings, now)
    expect(preparation).toMatchObject({ kind: 'ready', note: CONSENT_REFUSED_NOTE })
    const { fields } = preparedFields(order)
    expect(fields.OrderPromoCode).toBe(order.marketingData!.coupon)
    expect(Object.keys(fields).filter((key) => key.startsWith('Customer') || key === 'ClickId')).toEqual([])
    expect(fields).toMatchObject({ OrderId: order.orderId, ItemSku1: expect.any(String) })
    expect(validateImpactConversion(new URLSearchParams(fields))).toEqual([])
  })

  it('consent refused and no coupon: nothing left to attribute the sale by, skipped', () => {
    expect(impactDestination.prepare(toConversion(refused(loadOrder('simple'))), settings, now)).toEqual({ kind: 'skipped', reason: CONSENT_REFUSED_SKIP })
  })

  it('maps the order without customData through its VTEX profile id', () => {
    const { fields } = preparedFields(loadOrder('no-identity'))
    expect(fields).toMatchObject({ CustomerId: '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d', CustomerEmail: sha1('noid.buyer@example.org'), ItemPrice1: '79.90' })
    expect(fields.ClickId).toBeUndefined()
  })

  it.each(ORDER_FIXTURES)('%s: every money field is a plain decimal and the quantities whole numbers', (name) => {
    const fields = toImpactConversion(toConversion(loadOrder(name)), settings)
    for (const [key, value] of Object.entries(fields)) {
      if (/^(ItemPrice\d+|Order(Discount|Shipping|Tax))$/.test(key)) expect(value).toMatch(/^\d+\.\d{2}$/)
      if (/^ItemQuantity\d+$/.test(key)) expect(value).toMatch(/^[1-9]\d*$/)
    }
  })

  it('sends an event type code when the setting is not numeric', () => {
    expect(eventTypeField('12345')).toEqual({ EventTypeId: '12345' })
    expect(eventTypeField('online_sale')).toEqual({ EventTypeCode: 'online_sale' })
    const { fields } = preparedFields(loadOrder('simple'), normalizeSettings({ ...raw, impactEventTypeId: 'online_sale' }))
    expect(fields.EventTypeCode).toBe('online_sale')
    expect(fields.EventTypeId).toBeUndefined()
  })

  it('sends CustomerStatus only when the customer class is mapped', () => {
    const order = loadOrder('simple')
    order.clientProfileData = { ...order.clientProfileData, customerClass: 'Returning' }
    const mapped = normalizeSettings({ ...raw, impactCustomerStatusMappings: [{ customerClass: 'returning', status: 'EXISTING' }] })
    expect(preparedFields(order, mapped).fields.CustomerStatus).toBe('EXISTING')
    expect(preparedFields(order, settings).fields.CustomerStatus).toBeUndefined()
    expect(preparedFields(loadOrder('simple'), mapped).fields.CustomerStatus).toBeUndefined()
  })

  it('reports as OrderDiscount only the discount the item prices do not already carry', () => {
    const order = loadOrder('simple')
    // 100.00 more discount than the items' paid totals reflect: an order-level discount VTEX did not spread.
    order.totals = order.totals!.map((total) => (total.id === 'Discounts' ? { ...total, value: -30000 } : total))
    expect(preparedFields(order).fields.OrderDiscount).toBe('100.00')
  })

  it('never hashes an opaque masked e-mail', () => {
    const order = loadOrder('simple')
    order.clientProfileData = { ...order.clientProfileData, email: '7bf3a59bbc56402c810bda9521ba449e@ct.vtex.com.br' }
    expect(preparedFields(order).fields.CustomerEmail).toBeUndefined()
  })

  it('sends the coupon as OrderPromoCode and the category name on every line (grocery order)', () => {
    const { fields } = preparedFields(loadOrder('weighed-and-packs'))
    expect(fields).toMatchObject({
      OrderPromoCode: 'BEMVINDO10',
      ItemSku1: '440011',
      ItemCategory1: 'Frutas',
      ItemQuantity1: '4',
      ItemPrice1: '2.99',
      ItemSku2: '440022',
      ItemCategory2: 'Águas',
      ItemPrice2: '15.00',
      // The cheese's categories have no names in this order: the most specific id.
      ItemSku3: '440033',
      ItemCategory3: '305',
      ItemPrice3: '17.96',
      OrderDiscount: '0.00',
    })
    expect(preparedFields(loadOrder('simple')).fields.OrderPromoCode).toBeUndefined()
  })

  it.each(ORDER_FIXTURES)('%s: every item line has an ItemCategory, so impact accepts the item details', (name) => {
    const fields = toImpactConversion(toConversion(loadOrder(name)), settings)
    const lines = Object.keys(fields).filter((key) => /^ItemSku\d+$/.test(key)).map((key) => key.slice('ItemSku'.length))
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) expect([line, fields[`ItemCategory${line}`]]).toEqual([line, expect.stringMatching(/\S/)])
    expect(validateImpactConversion(new URLSearchParams(fields))).toEqual([])
  })

  it('says uncategorized for a line the order gives no category, and sends the order-level discount of a change', () => {
    const { fields } = preparedFields(loadOrder('changed-order'))
    expect(fields).toMatchObject({ ItemSku3: '330044', ItemName3: 'Película de Vidro', ItemCategory3: UNCATEGORIZED, ItemCategory1: 'Fones de Ouvido', OrderDiscount: '10.00' })
    expect(Object.keys(fields).filter((key) => key.startsWith('ItemSku'))).toHaveLength(3)
  })

  it('sends Chilean pesos, not hundredths of them', () => {
    const order = loadOrder('chile-clp')
    order.customData!.customApps![0].fields = { ...order.customData!.customApps![0].fields, impact_click_id: 'Qn3wT8Xy0cl' }
    expect(preparedFields(order).fields).toMatchObject({ CurrencyCode: 'CLP', ItemPrice1: '49990.00', ItemPrice2: '7641.67', OrderShipping: '3990.00', ItemCategory1: 'Zapatillas' })
  })
})

describe('impactDestination.prepare: skips and dead letters', () => {
  it('skips an order with no click id, no profile id and no coupon', () => {
    const order = loadOrder('simple')
    order.customData = null
    order.clientProfileData = { ...order.clientProfileData, userProfileId: null }
    expect(impactDestination.prepare(toConversion(order), settings, now)).toEqual({
      kind: 'skipped',
      reason: 'no-attribution-key: the order has no impact click id, no VTEX profile id and no coupon',
    })
  })

  it('attributes by the coupon alone (OrderPromoCode is an attribution key)', () => {
    const order = loadOrder('weighed-and-packs')
    order.customData = null
    order.clientProfileData = { ...order.clientProfileData, userProfileId: null }
    const { fields } = preparedFields(order)
    expect(fields.OrderPromoCode).toBe('BEMVINDO10')
    expect(fields.ClickId).toBeUndefined()
    expect(fields.CustomerId).toBeUndefined()
  })

  it('attributes by click id alone when there is no profile id', () => {
    const order = loadOrder('simple')
    order.clientProfileData = { ...order.clientProfileData, userProfileId: null }
    order.customData!.customApps![0].fields = { ...order.customData!.customApps![0].fields, user_id: undefined }
    const { fields } = preparedFields(order)
    expect(fields.ClickId).toBe('Qn3wT8Xy0xyz123')
    expect(fields.CustomerId).toBeUndefined()
  })

  it('names every missing setting, never its value', () => {
    const preparation = impactDestination.prepare(toConversion(loadOrder('simple')), normalizeSettings({ impactAuthToken: 'tok-secret-999' }), now)
    expect(preparation).toMatchObject({ kind: 'invalid', reason: 'missing-setting: impactAccountSid, impactCampaignId, impactEventTypeId' })
    expect(JSON.stringify(preparation)).not.toContain('tok-secret-999')
  })
})

describe('impactDestination.classify', () => {
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => ({ status, body, headers })

  it('QUEUED is sent', () => {
    expect(impactDestination.classify(answer(200, { Status: 'QUEUED', QueuedUri: '/Advertisers/IRabc123/APISubmissions/A1' }))).toEqual({ kind: 'sent' })
    expect(impactDestination.classify(answer(200, '{"Status":"QUEUED","QueuedUri":"/x"}'))).toEqual({ kind: 'sent' })
  })

  it('ERROR is a dead letter carrying impact field and message, whatever the status code', () => {
    const errors = [{ field: 'Margin', level: 'ERROR', message: 'Invalid numeric format (fifty)' }]
    expect(impactDestination.classify(answer(200, { Status: 'ERROR', errors }))).toEqual({
      kind: 'dead',
      reason: 'impact-error: Margin: Invalid numeric format (fifty)',
      errors,
    })
    expect(impactDestination.classify(answer(400, { Status: 'ERROR', errors }))).toEqual({
      kind: 'dead',
      reason: 'http-400: Margin: Invalid numeric format (fifty)',
      errors,
    })
  })

  it('401/403 tell the merchant to check the SID and token', () => {
    for (const status of [401, 403]) {
      const outcome = impactDestination.classify(answer(status, { Message: 'Unauthorized' }))
      expect(outcome.kind).toBe('dead')
      expect(outcome.kind === 'dead' && outcome.reason).toMatch(/check the Account SID and Auth Token/)
    }
  })

  it('429 and 5xx retry, honouring Retry-After', () => {
    expect(impactDestination.classify(answer(429, {}, { 'retry-after': '7' }))).toEqual({ kind: 'retry', reason: 'http-429', retryAfterMs: 7000 })
    expect(impactDestination.classify(answer(502, 'Bad Gateway'))).toEqual({ kind: 'retry', reason: 'http-502', retryAfterMs: undefined })
  })

  it('a 2xx without QUEUED is not taken as delivered', () => {
    expect(impactDestination.classify(answer(200, '<html>maintenance</html>'))).toMatchObject({ kind: 'dead', reason: expect.stringMatching(/^unexpected-answer/) })
  })
})

describe('impact secrets', () => {
  it('the preview shows neither the token nor the basic credentials', () => {
    const preview = previewOrder(loadOrder('simple'), settings, [impactDestination], now)
    const text = JSON.stringify(preview)
    expect(preview.destinations.impact.status).toBe('ready')
    expect(text).not.toContain('tok-secret-999')
    expect(text).not.toContain(Buffer.from('IRabc123:tok-secret-999').toString('base64'))
    expect(impactDestination.secrets(settings)).toContain('tok-secret-999')
  })
})
