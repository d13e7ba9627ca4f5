import { toConversion } from '../../../node/conversion/conversion'
import type { OutboundRequest } from '../../../node/destinations/destination'
import { impactDestination } from '../../../node/destinations/impact'
import { normalizeSettings } from '../../../node/settings/appSettings'
import { loadOrder } from '../../../node/__fixtures__'
import type { StandInReply, StandInRequest } from '../../lib/standIn'
import { SANDBOX_IMPACT, impactStandIn } from '../impact'

const settings = normalizeSettings({
  impactEnabled: true,
  impactAccountSid: SANDBOX_IMPACT.accountSid,
  impactAuthToken: SANDBOX_IMPACT.authToken,
  impactCampaignId: '1000',
  impactEventTypeId: '12345',
})
const now = Date.parse('2026-11-21T00:00:00Z')

const toStandIn = (request: OutboundRequest): StandInRequest => ({
  method: request.method,
  url: new URL(request.url),
  headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value])),
  body: Buffer.from(request.body),
})

function appRequest(config = settings): OutboundRequest {
  const preparation = impactDestination.prepare(toConversion(loadOrder('simple')), config, now)
  if (preparation.kind !== 'ready') throw new Error(preparation.reason)
  return preparation.request
}

const form = (fields: Record<string, string>, headers: Record<string, string> = {}): StandInRequest => ({
  method: 'POST',
  url: new URL(`https://api.impact.com/Advertisers/${SANDBOX_IMPACT.accountSid}/Conversions`),
  headers: {
    'content-type': 'application/x-www-form-urlencoded',
    authorization: `Basic ${Buffer.from(`${SANDBOX_IMPACT.accountSid}:${SANDBOX_IMPACT.authToken}`).toString('base64')}`,
    ...headers,
  },
  body: Buffer.from(new URLSearchParams(fields).toString()),
})

const handle = async (request: StandInRequest) => (await impactStandIn().handle(request)) as StandInReply
const minimum = { EventTypeId: '12345', ClickId: 'abc', EventDate: '2026-11-20T14:31:07Z', CampaignId: '1000', OrderId: 'o-1' }

describe('impact stand-in', () => {
  it("queues the app's own request, which the destination classifies as sent", async () => {
    const reply = await handle(toStandIn(appRequest()))
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({ Status: 'QUEUED', QueuedUri: `/Advertisers/${SANDBOX_IMPACT.accountSid}/APISubmissions/A000001` })
    expect(impactDestination.classify({ status: reply.status, headers: {}, body: reply.body })).toEqual({ kind: 'sent' })
  })

  it('answers 401 to a wrong token or no basic auth; the destination makes it a dead letter', async () => {
    const wrong = await handle(toStandIn(appRequest(normalizeSettings({ ...settings, impactAuthToken: 'nope' }))))
    expect(wrong.status).toBe(401)
    expect(impactDestination.classify({ status: wrong.status, headers: {}, body: wrong.body })).toMatchObject({ kind: 'dead' })
    expect((await handle(form(minimum, { authorization: '' }))).status).toBe(401)
  })

  it('refuses a body that is not form-encoded', async () => {
    const reply = await handle(form(minimum, { 'content-type': 'application/json' }))
    expect(reply).toMatchObject({ status: 400, body: { Status: 'ERROR', errors: [{ field: 'Content-Type', level: 'ERROR' }] } })
  })

  it('lists every missing required field as {field, level, message}', async () => {
    const reply = await handle(form({ ItemSku1: '1' }))
    expect(reply.status).toBe(400)
    const body = reply.body as { Status: string; errors: Array<{ field: string; level: string }> }
    expect(body.Status).toBe('ERROR')
    // An item line without its category too: impact requires ItemCategory[i] with item-level details.
    expect(body.errors.map((error) => error.field)).toEqual(['EventTypeId', 'ClickId', 'EventDate', 'CampaignId', 'OrderId', 'ItemCategory1'])
    expect(body.errors.every((error) => error.level === 'ERROR')).toBe(true)
  })

  it('accepts an event type code or any one attribution key', async () => {
    const { EventTypeId: _omit, ClickId: _click, ...rest } = minimum
    expect((await handle(form({ ...rest, EventTypeCode: 'online_sale', CustomerId: 'u-1' }))).status).toBe(200)
  })

  it('rejects malformed numbers and dates like impact does', async () => {
    const reply = await handle(form({ ...minimum, OrderDiscount: 'fifty', ItemQuantity1: '1.5', EventDate: 'yesterday' }))
    const messages = (reply.body as { errors: Array<{ field: string; message: string }> }).errors.map((error) => `${error.field}: ${error.message}`)
    expect(messages).toEqual(['EventDate: Invalid ISO 8601 date (yesterday)', 'OrderDiscount: Invalid numeric format (fifty)', 'ItemQuantity1: Invalid whole number (1.5)'])
    expect(impactDestination.classify({ status: reply.status, headers: {}, body: reply.body })).toMatchObject({
      kind: 'dead',
      reason: expect.stringContaining('OrderDiscount: Invalid numeric format (fifty)'),
    })
  })

  it('counts repeated OrderIds per event type and shows them as duplicates', async () => {
    const standIn = impactStandIn()
    const request = toStandIn(appRequest())
    await standIn.handle(request)
    const reply = (await standIn.handle(request)) as StandInReply
    expect(standIn.conversions.get('12345:1390620512853-01')).toBe(2)
    expect(standIn.describe!(request, reply)).toBe('conversion 1390620512853-01 QUEUED — DUPLICATE')
  })

  it('is not the handler of other paths', async () => {
    expect(await impactStandIn().handle({ ...form(minimum), url: new URL('https://api.impact.com/Advertisers/x/Actions') })).toBeUndefined()
  })
})
