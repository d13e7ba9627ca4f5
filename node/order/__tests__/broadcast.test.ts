import { parseBroadcast } from '../broadcast'
import { loadBroadcasts } from '../../__fixtures__'

describe('parseBroadcast', () => {
  it('accepts every fixture broadcast and keeps only the contract fields', () => {
    for (const body of loadBroadcasts('simple-lifecycle')) {
      const parsed = parseBroadcast(body)
      expect(parsed.ok).toBe(true)
      if (parsed.ok) expect(Object.keys(parsed.broadcast).sort()).toEqual(['currentChangeDate', 'currentState', 'domain', 'lastChangeDate', 'lastState', 'orderId'])
    }
  })

  it.each([
    [null, 'malformed-broadcast: body is not a JSON object'],
    [[], 'malformed-broadcast: body is not a JSON object'],
    ['{"orderId":', 'malformed-broadcast: body is not a JSON object'],
    [{ currentState: 'invoiced' }, 'malformed-broadcast: orderId missing or invalid'],
    [{ orderId: '../../etc', currentState: 'invoiced' }, 'malformed-broadcast: orderId missing or invalid'],
    [{ orderId: '123-01' }, 'malformed-broadcast: currentState missing or invalid'],
    [{ orderId: '123-01', currentState: 42 }, 'malformed-broadcast: currentState missing or invalid'],
  ])('rejects %j with a clear reason', (body, reason) => {
    expect(parseBroadcast(body)).toEqual({ ok: false, reason })
  })
})
