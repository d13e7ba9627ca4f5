import { toAdsId, ADS_ID_PATTERN } from '../adsId'
import { orderSessionId, ORDER_SESSION_PREFIX } from '../orderSessionId'

/** Inverse of orderSessionId's escaping: proves the mapping is injective (decodes to one order id). */
const decode = (sessionId: string): string => {
  const body = sessionId.slice(ORDER_SESSION_PREFIX.length)
  const bytes: number[] = []
  for (let i = 0; i < body.length; i++) {
    if (body[i] === 'x') {
      bytes.push(parseInt(body.slice(i + 1, i + 3), 16))
      i += 2
    } else bytes.push(body.charCodeAt(i))
  }
  return Buffer.from(bytes).toString('utf8')
}

describe('orderSessionId: the session_id of a sale without a storefront session', () => {
  it('is readable for VTEX order ids', () => {
    expect(orderSessionId('1172452900788-01')).toBe('order1172452900788x2d01')
    // `x` itself is escaped, so an escape can never be mistaken for a letter of the id.
    expect(orderSessionId('v502556llux-01')).toBe('orderv502556llux78x2d01')
  })

  it('is already in the ads id format: toAdsId leaves it as it is', () => {
    for (const orderId of ['1172452900788-01', 'SLR-123_abc.9', 'pedido número 7', 'x-x']) {
      const id = orderSessionId(orderId)!
      expect(id).toMatch(ADS_ID_PATTERN)
      expect(toAdsId(id)).toBe(id)
    }
  })

  it('is deterministic: a resend carries the same id', () => {
    expect(orderSessionId('1390640513111-01')).toBe(orderSessionId('1390640513111-01'))
  })

  it('is injective: ids that toAdsId alone would merge stay apart, and each decodes back to its order', () => {
    const orderIds = ['1172452900788-01', '117245290078-801', '1172452900788_01', '117245290078801', 'a-x', 'ax2d', 'ax-', 'é', 'e\u0301', '']
    const ids = orderIds.filter(Boolean).map((orderId) => orderSessionId(orderId)!)
    expect(new Set(ids).size).toBe(ids.length)
    orderIds.filter(Boolean).forEach((orderId, i) => expect(decode(ids[i])).toBe(orderId))
  })

  it('can never equal a visitor id (a UUID: 32 hex digits in the ads format)', () => {
    const visitor = toAdsId('5898b8d1-c250-4bb5-931b-8b9d0ee7b499')!
    expect(visitor).toMatch(/^[0-9a-f]{32}$/)
    for (const orderId of ['5898b8d1-c250-4bb5-931b-8b9d0ee7b499', '5898b8d1c2504bb5931b8b9d0ee7b499', '1-01'])
      expect(orderSessionId(orderId)).not.toMatch(/^[0-9a-fA-F]{32}$/)
  })

  it('gives none rather than a cut id when the order id is far too long', () => {
    expect(orderSessionId('')).toBeUndefined()
    expect(orderSessionId('9'.repeat(123))).toHaveLength(128)
    expect(orderSessionId('9'.repeat(124))).toBeUndefined()
  })
})
