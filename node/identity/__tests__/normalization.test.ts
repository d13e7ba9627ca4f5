import { createHash } from 'crypto'
import { recoverEmail } from '../email'
import { normalizePhoneE164 } from '../phone'
import { normalizeDocumentDigits } from '../document'
import { normalizeName } from '../name'
import { sha1Hex, sha256Hex } from '../hash'
import { readOrderIdentity } from '../orderIdentity'
import { normalizeCustomer } from '../customer'
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
    // Trunk 0, then a long-distance carrier code (21), then the area code.
    ['0 21 11 98765-4321', 'BRA', '+5511987654321'],
    ['(415) 555-2671', 'USA', '+14155552671'],
    ['1 (415) 555-2671', 'USA', '+14155552671'],
    ['+1 415 555 2671', 'BRA', '+14155552671'],
    ['+56 9 6123 4567', 'CHL', '+56961234567'],
    ['9 6123 4567', 'CHL', '+56961234567'],
    ['06 6988 1234', 'ITA', '+390669881234'],
    ['06 12 34 56 78', 'FRA', '+33612345678'],
    ['+5521987654321', undefined, '+5521987654321'],
    // A calling code we have no plan for, written with +: taken as written.
    ['+81 3 1234 5678', 'BRA', '+81312345678'],
  ])('%s on a %s order → %s', (raw, country, expected) => {
    expect(normalizePhoneE164(raw, country)).toBe(expected)
  })

  it.each([
    ['12345', 'BRA', 'too short for any plan'],
    ['(21) 98765-4321', undefined, 'national, no country to read it by'],
    ['(21) 98765-4321', 'ZZZ', 'national, unknown country'],
    ['', 'BRA', 'empty'],
    ['+0123', 'BRA', 'no calling code starts with 0'],
    ['(11) 3333-4444 ramal 21', 'BRA', 'an extension: the digits run together would be another number'],
    ['(21) 3333-4444 x12', 'BRA', 'an extension'],
    ['+55 21 98765-4321 #12', 'BRA', 'an extension'],
    ['(21) 3333-4444 / 98765-4321', 'BRA', 'two numbers'],
    ['1 415 555 2671', 'BRA', 'a US number without + on a Brazilian order is not +55'],
    ['912 345 678', 'BRA', 'a Portuguese mobile without + on a Brazilian order'],
    ['+55 21 1234-5678', 'BRA', 'no Brazilian number starts with 1 after the area code'],
    ['+55 21 98765-43210', 'BRA', 'one digit too many'],
    ['0021 1 415 555 2671', 'BRA', 'international prefix with a carrier code: 21 is not a calling code we can vouch for'],
    ['011 15 2345-6789', 'ARG', 'Argentine national mobile format: needs a 9 inserted and the 15 dropped'],
  ])('refuses %s (%s): %s', (raw, country, _why) => {
    expect(normalizePhoneE164(raw, country)).toBeUndefined()
  })

  it('omits the phone of fixture orders it cannot make certain, and says so without the number', () => {
    const grocery = normalizeCustomer(loadOrder('weighed-and-packs'))
    expect(grocery.phone).toBeUndefined()
    expect(grocery.notes).toContain('phone-unparseable')
    const changed = normalizeCustomer(loadOrder('changed-order'))
    expect(changed.phone).toBeUndefined()
    expect(JSON.stringify(changed.notes)).not.toMatch(/415|2671/)
    expect(normalizeCustomer(loadOrder('chile-clp')).phone).toBe('+56961234567')
  })
})

describe('documents and names', () => {
  it('keeps CPF and CNPJ digits only', () => {
    expect(normalizeDocumentDigits('529.982.247-25')).toBe('52998224725')
    expect(normalizeDocumentDigits('11.222.333/0001-81')).toBe('11222333000181')
    expect(normalizeDocumentDigits('--')).toBeUndefined()
  })

  it("trims and collapses spaces, keeping case and accents (VTEX Ads: 'trim, no double spaces')", () => {
    expect(normalizeName("  João   D'Ávila ")).toBe("João D'Ávila")
    expect(normalizeName('JOÃO\t PEDRO')).toBe('JOÃO PEDRO')
    expect(normalizeName('   ')).toBeUndefined()
  })

  it('normalizes the fixture customers the same way', () => {
    expect(normalizeCustomer(loadOrder('weighed-and-packs'))).toMatchObject({ firstName: 'Joana', lastName: 'de Souza Prado' })
    expect(normalizeCustomer(loadOrder('chile-clp'))).toMatchObject({ firstName: 'Catalina Andrea', lastName: 'Rojas Muñoz', email: 'catalina.rojas@example.cl' })
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
      consentRefused: false,
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
    expect(identity.consentRefused).toBe(false)
  })

  const withFields = (fields: Record<string, unknown>) => {
    const order = loadOrder('simple')
    order.customData = { customApps: [{ id: 'ads-events', fields }] }
    return order
  }

  it('reads a refusal and then no id the storefront wrote, only the profile id the order itself names', () => {
    const identity = readOrderIdentity(withFields({ consent: 'denied', session_id: 'written-before-the-refusal', impact_click_id: 'c1', oppref: 'o1' }))
    expect(identity).toEqual({ userId: '5a3692de-358a-4bea-8885-044bce33bb93', consentRefused: true, notes: ['consent-refused'] })
  })

  it('takes no other consent value for a refusal, and says it saw one', () => {
    const identity = readOrderIdentity(withFields({ consent: 'granted', session_id: 's-1' }))
    expect(identity).toMatchObject({ sessionId: 's-1', consentRefused: false, notes: ['invalid-identity:consent'] })
  })
})

describe('Unicode NFC before hashing: composed and decomposed input are the same identifier', () => {
  // "José Ávila", "Müller": é, Á, ü typed as one code point (NFC) or as a letter + combining mark (NFD).
  const composed = { first: 'Jos\u00e9', last: '\u00c1vila M\u00fcller', email: 'jos\u00e9@caf\u00e9.example' }
  const decomposed = { first: 'Jose\u0301', last: 'A\u0301vila Mu\u0308ller', email: 'jose\u0301@cafe\u0301.example' }

  it('the two spellings differ as strings, not once normalized', () => {
    expect(composed.first).not.toBe(decomposed.first)
    expect(normalizeName(decomposed.first)).toBe(normalizeName(composed.first))
    expect(normalizeName(decomposed.last)).toBe('\u00c1vila M\u00fcller')
    expect(recoverEmail(decomposed.email)).toEqual(recoverEmail(composed.email))
    expect(recoverEmail(decomposed.email)).toEqual({ email: 'jos\u00e9@caf\u00e9.example' })
  })

  it('upper-case decomposed input lower-cases to the composed address', () => {
    expect(recoverEmail('JOSE\u0301@CAFE\u0301.EXAMPLE')).toEqual({ email: 'jos\u00e9@caf\u00e9.example' })
  })

  it('every hashed field of a customer is identical whichever way the accents were typed', () => {
    const order = (names: typeof composed) => {
      const base = loadOrder('simple')
      return { ...base, clientProfileData: { ...base.clientProfileData, firstName: names.first, lastName: names.last, email: names.email } }
    }
    const a = normalizeCustomer(order(composed))
    const b = normalizeCustomer(order(decomposed))
    expect(b).toEqual(a)
    for (const field of ['email', 'firstName', 'lastName', 'phone', 'document'] as const) expect(sha256Hex(b[field]!)).toBe(sha256Hex(a[field]!))
    expect(sha1Hex(b.email!)).toBe(sha1Hex(a.email!))
  })

  it('documents and phones are digits either way', () => {
    expect(normalizeDocumentDigits('529.982.247-25'.normalize('NFD'))).toBe('52998224725')
    expect(normalizePhoneE164('(21) 98765-4321'.normalize('NFD'), 'BRA')).toBe('+5521987654321')
  })
})

describe('masked addresses of Data Protection Plus stores', () => {
  it('are never taken for an address: a domain holds no asterisk', () => {
    expect(recoverEmail('j***.d**@e******.c**')).toEqual({ reason: 'email-masked-unrecoverable' })
  })
})
