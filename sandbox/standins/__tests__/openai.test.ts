import { toConversion, type Conversion } from '../../../node/conversion/conversion'
import { deliverInBatches } from '../../../node/delivery/batchSplit'
import type { OutboundRequest } from '../../../node/destinations/destination'
import { openaiDestination, splitOpenAIBatchOn } from '../../../node/destinations/openai'
import { normalizeSettings } from '../../../node/settings/appSettings'
import { loadOrder } from '../../../node/__fixtures__'
import type { StandInReply, StandInRequest } from '../../lib/standIn'
import { SANDBOX_OPENAI, openaiStandIn } from '../openai'

const settings = normalizeSettings({ openaiEnabled: true, openaiPixelId: SANDBOX_OPENAI.pixelId, openaiApiKey: SANDBOX_OPENAI.apiKey })
const now = Date.parse('2026-11-21T00:00:00Z')
const clock = () => now

const toStandIn = (request: OutboundRequest): StandInRequest => ({
  method: request.method,
  url: new URL(request.url),
  headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value])),
  body: Buffer.from(request.body),
})

function appRequest(conversions: Conversion[] = [toConversion(loadOrder('simple'))], config = settings): OutboundRequest {
  const preparation = openaiDestination.prepareBatch!(conversions, config, now)
  if (preparation.kind !== 'ready') throw new Error(preparation.reason)
  return preparation.request
}

const post = (body: unknown, { pid = SANDBOX_OPENAI.pixelId, key = SANDBOX_OPENAI.apiKey }: { pid?: string; key?: string } = {}): StandInRequest => ({
  method: 'POST',
  url: new URL(`https://bzr.openai.com/v1/events${pid ? `?pid=${pid}` : ''}`),
  headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
  body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
})

const event = () => JSON.parse(appRequest().body).events[0]
const message = (reply: StandInReply) => (reply.body as { error: { message: string } }).error.message

describe('OpenAI stand-in', () => {
  it("accepts the app's own request, which the destination classifies as sent", async () => {
    const standIn = openaiStandIn({ now: clock })
    const reply = (await standIn.handle(toStandIn(appRequest()))) as StandInReply
    expect(reply).toMatchObject({ status: 200, body: { events_received: 1, duplicates_ignored: 0 } })
    expect(openaiDestination.classify({ status: reply.status, headers: {}, body: reply.body })).toEqual({ kind: 'sent' })
    expect(standIn.events.has('order_created:order_1390620512853-01')).toBe(true)
  })

  it('answers 401 Missing scopes to a key that is not a Conversions API key', async () => {
    const reply = (await openaiStandIn({ now: clock }).handle(post({ events: [event()] }, { key: 'sk-proj-advertiser' }))) as StandInReply
    expect(reply.status).toBe(401)
    expect(message(reply)).toBe('Missing scopes: ads.third_party_events.write')
    const outcome = openaiDestination.classify({ status: reply.status, headers: {}, body: reply.body })
    expect(outcome.kind === 'dead' && outcome.reason).toContain('sk-svcacct-')
  })

  it('requires pid', async () => {
    const reply = (await openaiStandIn({ now: clock }).handle(post({ events: [event()] }, { pid: '' }))) as StandInReply
    expect(reply.status).toBe(400)
    expect(message(reply)).toMatch(/pid/)
  })

  it('answers 400 Missing required field: events to an event posted without the wrapper', async () => {
    const reply = (await openaiStandIn({ now: clock }).handle(post(event()))) as StandInReply
    expect(reply.status).toBe(400)
    expect(message(reply)).toBe('Missing required field: events')
  })

  it('refuses more than 1,000 events', async () => {
    const reply = (await openaiStandIn({ now: clock }).handle(post({ events: Array(1001).fill(event()) }))) as StandInReply
    expect(reply.status).toBe(400)
    expect(message(reply)).toMatch(/^Too many events: 1001/)
  })

  it('fails the whole batch for one bad event, naming it, and stores none of it', async () => {
    const standIn = openaiStandIn({ now: clock })
    const good = event()
    const bad = { ...event(), id: 'order_bad', data: { ...good.data, amount: 2699.5 } }
    const reply = (await standIn.handle(post({ events: [good, bad] }))) as StandInReply
    expect(reply.status).toBe(400)
    expect(message(reply)).toBe('Invalid event at events[1]: events[1].data.amount must be integer')
    expect(standIn.events.size).toBe(0)
  })

  it('applies the 7-day window with its own clock', async () => {
    const eightDaysLater = () => now + 8 * 24 * 60 * 60 * 1000
    const reply = (await openaiStandIn({ now: eightDaysLater }).handle(post({ events: [event()] }))) as StandInReply
    expect(reply.status).toBe(400)
    expect(message(reply)).toMatch(/^Invalid event at events\[0\]: events\[0\]\.timestamp_ms too-old/)
  })

  it('requires source_url for web events', async () => {
    const { source_url: _omit, ...noUrl } = event()
    const reply = (await openaiStandIn({ now: clock }).handle(post({ events: [noUrl] }))) as StandInReply
    expect(message(reply)).toContain("must have required property 'source_url'")
  })

  it('stores nothing in validate_only mode', async () => {
    const standIn = openaiStandIn({ now: clock })
    const reply = (await standIn.handle(toStandIn(appRequest(undefined, normalizeSettings({ ...settings, openaiValidateOnly: true }))))) as StandInReply
    expect(reply).toMatchObject({ status: 200, body: { validate_only: true, events_validated: 1 } })
    expect(standIn.events.size).toBe(0)
  })

  it('dedups on id + type', async () => {
    const standIn = openaiStandIn({ now: clock })
    await standIn.handle(toStandIn(appRequest()))
    const reply = (await standIn.handle(toStandIn(appRequest()))) as StandInReply
    expect(reply.body).toEqual({ events_received: 1, duplicates_ignored: 1 })
    expect(standIn.events.get('order_created:order_1390620512853-01')?.received).toBe(2)
  })

  it('end to end: 7 orders, one the server refuses, deliverInBatches delivers the other 6', async () => {
    const standIn = openaiStandIn({ now: clock })
    const conversions = Array.from({ length: 7 }, (_, index) => {
      const order = loadOrder('simple')
      order.orderId = `100000000000${index}-01`
      order.orderGroup = `100000000000${index}`
      return toConversion(order)
    })
    let calls = 0
    const results = await deliverInBatches(
      conversions,
      openaiDestination.maxBatch!,
      async (batch) => {
        calls += 1
        const request = appRequest(batch)
        // The 4th order carries something only the server catches: a fractional amount slipped in.
        const body = JSON.parse(request.body)
        for (const sent of body.events) if (sent.id === 'order_1000000000003-01') sent.data.amount += 0.5
        const reply = (await standIn.handle(toStandIn({ ...request, body: JSON.stringify(body) }))) as StandInReply
        return openaiDestination.classify({ status: reply.status, headers: {}, body: reply.body })
      },
      { splitOn: splitOpenAIBatchOn }
    )
    expect(results.map(({ outcome }) => outcome.kind)).toEqual(['sent', 'sent', 'sent', 'dead', 'sent', 'sent', 'sent'])
    expect(results[3].outcome).toMatchObject({ reason: expect.stringContaining('events[0].data.amount must be integer') })
    expect([...standIn.events.keys()].sort()).toEqual(
      [0, 1, 2, 4, 5, 6].map((index) => `order_created:order_100000000000${index}-01`)
    )
    expect(calls).toBeLessThanOrEqual(7)
  })
})
