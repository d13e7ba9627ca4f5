import { createHash } from 'crypto'
import { recoverEmail } from '../email'
import { normalizePhoneE164 } from '../phone'
import { normalizeDocumentDigits } from '../document'
import { normalizeName } from '../name'
import { sha1Hex, sha256Hex } from '../hash'
import { readOrderIdentity } from '../orderIdentity'
import { loadOrder } from '../../__fixtures__'

describe('recoverEmail', () => {
  it('strips the OMS masking suffix and normalizes', () => {
    expect(recoverEmail(' Maria.Silva@Example.com-261804309191b.ct.vtex.com.br ')).toEqual({ email: 'maria.silva@example.com' })
  })

  it('refuses the opaque alias instead of hashing it', () => {
    expect(recoverEmail('7bf3a59bbc56402c810bda9521ba449e@ct.vtex.com.br')).toEqual({ reason: 'email-masked-unrecoverable' })
  })

  it('keeps a plain address, lower-cased', () => {
    expect(recoverEmail('Compras@Empresa-Exemplo.com.BR')).toEqual({ email: 'compras@empresa-exemplo.com.br' })
  })

  it('says why an address is absent or unusable', () => {
    expect(recoverEmail(null)).toEqual({ reason: 'email-missing' })
    expect(recoverEmail('   ')).toEqual({ reason: 'email-missing' })
    expect(recoverEmail('not-an-email')).toEqual({ reason: 'email-invalid' })
  })
})

describe('normalizePhoneE164', () => {
  it.each([
    ['(21) 98765-4321', 'BRA', '+5521987654321'],
    ['21 98765-4321', 'BRA', '+5521987654321'],
    ['(11) 3333-4444', 'BRA', '+551133334444'],
    ['+55 21 98765-4321', 'BRA', '+5521987654321'],
    ['5521987654321', 'BRA', '+5521987654321'],
    ['0055 21 98765 4321', 'BRA', '+5521987654321'],
    ['021 98765-4321', 'BRA', '+5521987654321'],
    ['(415) 555-2671', 'USA', '+14155552671'],
    ['+5521987654321', undefined, '+5521987654321'],
  ])('%s on a %s order → %s', (raw, country, expected) => {
    expect(normalizePhoneE164(raw, country)).toBe(expected)
  })

  it.each([
    ['12345', 'BRA'],
    ['(21) 98765-4321', undefined],
    ['(21) 98765-4321', 'ZZZ'],
    ['', 'BRA'],
    ['+0123', 'BRA'],
  ])('refuses %s (%s) rather than guess', (raw, country) => {
    expect(normalizePhoneE164(raw, country)).toBeUndefined()
  })
})

describe('documents and names', () => {
  it('keeps CPF and CNPJ digits only', () => {
    expect(normalizeDocumentDigits('529.982.247-25')).toBe('52998224725')
    expect(normalizeDocumentDigits('11.222.333/0001-81')).toBe('11222333000181')
    expect(normalizeDocumentDigits('--')).toBeUndefined()
  })

  it('trims, collapses spaces, lower-cases and composes accents', () => {
    expect(normalizeName("  João   D'Ávila ")).toBe("joão d'ávila")
    expect(normalizeName('Joa\u0303o')).toBe('jo\u00e3o')
    expect(normalizeName('   ')).toBeUndefined()
  })
})

describe('hashes', () => {
  it('are lower-case hex of the exact input', () => {
    expect(sha256Hex('maria.silva@example.com')).toBe(createHash('sha256').update('maria.silva@example.com').digest('hex'))
    expect(sha1Hex('maria.silva@example.com')).toBe(createHash('sha1').update('maria.silva@example.com').digest('hex'))
    expect(sha256Hex('x')).toMatch(/^[a-f0-9]{64}$/)
  })
})

describe('readOrderIdentity', () => {
  it('reads the ads-events customData and prefers the OMS profile id as user id', () => {
    const order = loadOrder('simple')
    expect(readOrderIdentity(order)).toEqual({
      sessionId: '5898b8d1-c250-4bb5-931b-8b9d0ee7b499',
      userId: '5a3692de-358a-4bea-8885-044bce33bb93',
      impactClickId: 'Qn3wT8Xy0xyz123',
      oppref: 'oppref_abc',
      notes: [],
    })
  })

  it('treats values outside the bridge pattern as absent and says which', () => {
    const order = loadOrder('simple')
    order.customData = {
      customApps: [
        { id: 'other-app', fields: { session_id: 'not-ours' } },
        { id: 'ads-events', fields: { session_id: '<script>alert(1)</script>', user_id: 'u-1', oppref: 'x'.repeat(129) } },
      ],
    }
    order.clientProfileData = { ...order.clientProfileData, userProfileId: null }
    const identity = readOrderIdentity(order)
    expect(identity.sessionId).toBeUndefined()
    expect(identity.userId).toBe('u-1')
    expect(identity.oppref).toBeUndefined()
    expect(identity.notes).toEqual(['invalid-identity:session_id', 'invalid-identity:oppref'])
    expect(JSON.stringify(identity)).not.toContain('script')
  })

  it('has no session id for an order placed outside the storefront', () => {
    const identity = readOrderIdentity(loadOrder('no-identity'))
    expect(identity.sessionId).toBeUndefined()
    expect(identity.userId).toBe('1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d')
  })
})
