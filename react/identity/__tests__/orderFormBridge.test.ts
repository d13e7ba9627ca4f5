import { bridgeValues, customDataValues, syncOrderFormIdentity, valuesToWrite } from '../orderFormBridge'

const ok = () => jest.fn().mockResolvedValue({ ok: true })

beforeEach(() => sessionStorage.clear())

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

describe('valuesToWrite', () => {
  it('is undefined when every wanted value is known in one of the sources', () => {
    expect(valuesToWrite({ session_id: 's', user_id: 'u' }, { session_id: 's' }, { user_id: 'u' })).toBeUndefined()
  })

  it('sends the whole set when one field changed', () => {
    expect(valuesToWrite({ session_id: 's', user_id: 'u2' }, { session_id: 's', user_id: 'u1' })).toEqual({ session_id: 's', user_id: 'u2' })
  })
})

describe('syncOrderFormIdentity', () => {
  const identity = { session_id: 'sid-1', impact_click_id: 'imp-1' }

  it('writes all fields with one whole-app PUT, then nothing more for the same values', async () => {
    const fetchMock = ok()
    global.fetch = fetchMock
    expect(await syncOrderFormIdentity('of1', identity)).toBe(true)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/checkout/pub/orderForm/of1/customData/ads-events')
    expect(init).toMatchObject({ method: 'PUT', headers: { 'Content-Type': 'application/json' } })
    expect(JSON.parse(init.body)).toEqual({ session_id: 'sid-1', impact_click_id: 'imp-1' })
    expect(await syncOrderFormIdentity('of1', identity)).toBe(false)
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('writes again when a value changes (login) and for a new orderForm id', async () => {
    const fetchMock = ok()
    global.fetch = fetchMock
    await syncOrderFormIdentity('of1', identity)
    await syncOrderFormIdentity('of1', { ...identity, user_id: 'u1' })
    await syncOrderFormIdentity('of2', { ...identity, user_id: 'u1' })
    expect(fetchMock.mock.calls.map((c) => [c[0], JSON.parse(c[1].body).user_id])).toEqual([
      ['/api/checkout/pub/orderForm/of1/customData/ads-events', undefined],
      ['/api/checkout/pub/orderForm/of1/customData/ads-events', 'u1'],
      ['/api/checkout/pub/orderForm/of2/customData/ads-events', 'u1'],
    ])
  })

  it('skips the write when the orderForm customData already carries the values', async () => {
    const fetchMock = ok()
    global.fetch = fetchMock
    const customData = { customApps: [{ id: 'ads-events', fields: { session_id: 'sid-1', impact_click_id: 'imp-1' } }] }
    expect(await syncOrderFormIdentity('of1', identity, customData)).toBe(false)
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('never writes to a placeholder or invalid orderForm id', async () => {
    const fetchMock = ok()
    global.fetch = fetchMock
    for (const id of ['', 'default-order-form', undefined, '../x']) await syncOrderFormIdentity(id, identity)
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('makes one request when triggered many times while the first is in flight (no storm)', async () => {
    let answer: (value: unknown) => void = () => undefined
    const fetchMock = jest.fn(() => new Promise((resolve) => (answer = resolve)))
    global.fetch = fetchMock as unknown as typeof fetch
    const runs = Array.from({ length: 20 }, () => syncOrderFormIdentity('of1', identity))
    answer({ ok: true })
    await Promise.all(runs)
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('does not remember a failed write, so the next trigger retries it', async () => {
    const fetchMock = jest.fn().mockResolvedValueOnce({ ok: false, status: 500 }).mockRejectedValueOnce(new TypeError('offline')).mockResolvedValue({ ok: true })
    global.fetch = fetchMock
    await syncOrderFormIdentity('of1', identity)
    await syncOrderFormIdentity('of1', identity)
    await syncOrderFormIdentity('of1', identity)
    await syncOrderFormIdentity('of1', identity)
    expect(fetchMock).toHaveBeenCalledTimes(3)
  })
})
