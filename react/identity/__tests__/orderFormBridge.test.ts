import type { Identity } from '../identity'
import { BridgeField, bridgeValues, customDataValues } from '../orderFormBridge'

const ok = () => jest.fn().mockResolvedValue({ ok: true })

/** What this page load wrote is module state: each test is a fresh page load. */
let syncOrderFormIdentity: typeof import('../orderFormBridge').syncOrderFormIdentity
beforeEach(() => {
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    syncOrderFormIdentity = require('../orderFormBridge').syncOrderFormIdentity
  })
})

describe('bridgeValues', () => {
  it('keeps the four valid fields and drops invalid ones', () => {
    expect(bridgeValues({ session_id: 's1', user_id: 'bad id', impact_click_id: 'i1', oppref: 'o1' })).toEqual({
      session_id: 's1',
      impact_click_id: 'i1',
      oppref: 'o1',
    })
  })
})

describe('customDataValues', () => {
  it('reads only our app entry', () => {
    const customData = {
      customApps: [
        { id: 'other', fields: { session_id: 'not-ours' } },
        { id: 'ads-events', major: 1, fields: { session_id: 's1', user_id: 'u1', extra: 'x' } },
      ],
    }
    expect(customDataValues(customData)).toEqual({ session_id: 's1', user_id: 'u1' })
  })

  it.each([undefined, null, {}, { customApps: 'x' }])('is empty for %j', (customData) => {
    expect(customDataValues(customData)).toEqual({})
  })
})

describe('syncOrderFormIdentity', () => {
  const identity = { session_id: 'sid-1', impact_click_id: 'imp-1' }
  const plan = (values: Identity = identity) => ({ identity: values, clear: [] as BridgeField[] })

  it('writes all fields with one whole-app PUT, then nothing more for the same values', async () => {
    const fetchMock = ok()
    global.fetch = fetchMock
    await syncOrderFormIdentity('of1', plan())
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/checkout/pub/orderForm/of1/customData/ads-events')
    expect(init).toMatchObject({ method: 'PUT', headers: { 'Content-Type': 'application/json' } })
    expect(JSON.parse(init.body)).toEqual({ session_id: 'sid-1', impact_click_id: 'imp-1' })
    await syncOrderFormIdentity('of1', plan())
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('a cart an earlier version bridged with hyphenated ids gets the ads format: one PUT, click ids unchanged', async () => {
    const fetchMock = ok()
    global.fetch = fetchMock
    const legacy = { customApps: [{ id: 'ads-events', fields: { session_id: '5898b8d1-c250-4bb5-931b-8b9d0ee7b499', impact_click_id: 'imp-1' } }] }
    await syncOrderFormIdentity('of1', plan({ session_id: '5898b8d1c2504bb5931b8b9d0ee7b499', impact_click_id: 'imp-1' }), legacy)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ session_id: '5898b8d1c2504bb5931b8b9d0ee7b499', impact_click_id: 'imp-1' })
  })

  it('writes again when a value changes (login) and for a new orderForm id', async () => {
    const fetchMock = ok()
    global.fetch = fetchMock
    await syncOrderFormIdentity('of1', plan())
    await syncOrderFormIdentity('of1', plan({ ...identity, user_id: 'u1' }))
    await syncOrderFormIdentity('of2', plan({ ...identity, user_id: 'u1' }))
    expect(fetchMock.mock.calls.map((c) => [c[0], JSON.parse(c[1].body).user_id])).toEqual([
      ['/api/checkout/pub/orderForm/of1/customData/ads-events', undefined],
      ['/api/checkout/pub/orderForm/of1/customData/ads-events', 'u1'],
      ['/api/checkout/pub/orderForm/of2/customData/ads-events', 'u1'],
    ])
  })

  it("logout: removes the previous shopper's user_id with the Checkout API's field DELETE, once", async () => {
    const fetchMock = ok()
    global.fetch = fetchMock
    const customData = { customApps: [{ id: 'ads-events', fields: { session_id: 'sid-1', impact_click_id: 'imp-1', user_id: 'u1' } }] }
    await syncOrderFormIdentity('of1', { identity, clear: ['user_id'] }, customData)
    expect(fetchMock.mock.calls.map((c) => [c[0], c[1].method, c[1].body])).toEqual([['/api/checkout/pub/orderForm/of1/customData/ads-events/user_id', 'DELETE', undefined]])
    // The orderForm the page still holds is stale; what this tab removed is remembered.
    await syncOrderFormIdentity('of1', { identity, clear: ['user_id'] }, { customApps: [] })
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  const IDS: BridgeField[] = ['session_id', 'user_id', 'impact_click_id', 'oppref']

  it('refused consent: records the refusal (no id beside it) and removes every id the orderForm holds', async () => {
    const fetchMock = ok()
    global.fetch = fetchMock
    const customData = { customApps: [{ id: 'ads-events', fields: { session_id: 'sid-1', oppref: 'o1' } }] }
    await syncOrderFormIdentity('of1', { identity: { consent: 'denied' }, clear: IDS }, customData)
    expect(fetchMock.mock.calls.map((c) => `${c[1].method} ${c[0]} ${c[1].body ?? ''}`.trim())).toEqual([
      'PUT /api/checkout/pub/orderForm/of1/customData/ads-events {"consent":"denied"}',
      'DELETE /api/checkout/pub/orderForm/of1/customData/ads-events/session_id',
      'DELETE /api/checkout/pub/orderForm/of1/customData/ads-events/oppref',
    ])
    expect(sessionStorage.length).toBe(0)
    // Recorded and removed, and known to be: a stale orderForm brings nothing back.
    await syncOrderFormIdentity('of1', { identity: { consent: 'denied' }, clear: IDS }, customData)
    expect(fetchMock).toHaveBeenCalledTimes(3)
  })

  it('consent not answered yet: removes the ids and records nothing', async () => {
    const fetchMock = ok()
    global.fetch = fetchMock
    const customData = { customApps: [{ id: 'ads-events', fields: { session_id: 'sid-1' } }] }
    await syncOrderFormIdentity('of1', { identity: { consent: undefined }, clear: IDS }, customData)
    expect(fetchMock.mock.calls.map((c) => `${c[1].method} ${c[0]}`)).toEqual(['DELETE /api/checkout/pub/orderForm/of1/customData/ads-events/session_id'])
  })

  it('consent given after a refusal: writes the ids and withdraws the refusal', async () => {
    const fetchMock = ok()
    global.fetch = fetchMock
    const customData = { customApps: [{ id: 'ads-events', fields: { consent: 'denied' } }] }
    await syncOrderFormIdentity('of1', { identity, clear: ['consent'] }, customData)
    expect(fetchMock.mock.calls.map((c) => `${c[1].method} ${c[0]} ${c[1].body ?? ''}`.trim())).toEqual([
      'PUT /api/checkout/pub/orderForm/of1/customData/ads-events {"session_id":"sid-1","impact_click_id":"imp-1"}',
      'DELETE /api/checkout/pub/orderForm/of1/customData/ads-events/consent',
    ])
    // Nothing to withdraw on an orderForm that never held a refusal.
    await syncOrderFormIdentity('of2', { identity, clear: ['consent'] })
    expect(fetchMock.mock.calls.map((c) => c[1].method)).toEqual(['PUT', 'DELETE', 'PUT'])
  })

  it('skips the write when the orderForm customData already carries the values', async () => {
    const fetchMock = ok()
    global.fetch = fetchMock
    const customData = { customApps: [{ id: 'ads-events', fields: { session_id: 'sid-1', impact_click_id: 'imp-1' } }] }
    await syncOrderFormIdentity('of1', plan(), customData)
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('never writes to a placeholder or invalid orderForm id', async () => {
    const fetchMock = ok()
    global.fetch = fetchMock
    for (const id of ['', 'default-order-form', undefined, '../x']) await syncOrderFormIdentity(id, plan())
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('makes one request when triggered many times while the first is in flight (no storm), and loses no change', async () => {
    const answers: Array<(value: unknown) => void> = []
    const fetchMock = jest.fn(() => new Promise((resolve) => answers.push(resolve)))
    global.fetch = fetchMock as unknown as typeof fetch
    const runs = Array.from({ length: 20 }, () => syncOrderFormIdentity('of1', plan()))
    runs.push(syncOrderFormIdentity('of1', plan({ ...identity, user_id: 'u1' })))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(fetchMock).toHaveBeenCalledTimes(1)
    answers[0]({ ok: true })
    await new Promise((resolve) => setTimeout(resolve, 0))
    // The change asked while the first write was in flight goes after it.
    expect(fetchMock).toHaveBeenCalledTimes(2)
    expect(JSON.parse((fetchMock.mock.calls[1] as unknown as [string, RequestInit])[1].body as string)).toMatchObject({ user_id: 'u1' })
    answers[1]({ ok: true })
    await Promise.all(runs)
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })

  it('does not remember a failed write, so the next trigger retries it', async () => {
    const fetchMock = jest.fn().mockResolvedValueOnce({ ok: false, status: 500 }).mockRejectedValueOnce(new TypeError('offline')).mockResolvedValue({ ok: true })
    global.fetch = fetchMock
    await syncOrderFormIdentity('of1', plan())
    await syncOrderFormIdentity('of1', plan())
    await syncOrderFormIdentity('of1', plan())
    await syncOrderFormIdentity('of1', plan())
    expect(fetchMock).toHaveBeenCalledTimes(3)
  })
})
