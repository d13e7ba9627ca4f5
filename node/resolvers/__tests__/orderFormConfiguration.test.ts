import { adsEventsRegisterOrderFormApp, ADS_EVENTS_APP, registerOrderFormApp, withAdsEventsApp } from '../orderFormConfiguration'
import type { OrderFormConfiguration } from '../../clients/checkoutConfiguration'

const base = (): OrderFormConfiguration => ({
  paymentConfiguration: { requiresAuthenticationForPreAuthorizedPaymentOption: false },
  minimumQuantityAccumulatedForItems: 1,
  decimalDigitsPrecision: 2,
  apps: [
    { id: 'profile', fields: ['age', 'gender'], major: 1 },
    { id: 'uploadfiles', fields: ['data'], major: 1 },
  ],
  recaptchaValidation: 'vtexcriteria',
})

describe('withAdsEventsApp', () => {
  it('adds our app after the others and keeps every other app and property', () => {
    const config = base()
    const next = withAdsEventsApp(config)
    expect(next).toEqual({ ...base(), apps: [...base().apps!, ADS_EVENTS_APP] })
    expect(config).toEqual(base())
  })

  it('returns the same object when already registered (idempotent)', () => {
    const once = withAdsEventsApp(base())
    expect(withAdsEventsApp(once)).toBe(once)
  })

  it('handles a configuration without apps (null or missing)', () => {
    expect(withAdsEventsApp({ apps: null }).apps).toEqual([ADS_EVENTS_APP])
    expect(withAdsEventsApp({}).apps).toEqual([ADS_EVENTS_APP])
  })

  it('completes an entry missing fields in place, keeping fields someone else added to it', () => {
    const config = { apps: [{ id: 'a', fields: ['x'] }, { id: 'ads-events', fields: ['session_id', 'campaign'], major: 1 }, { id: 'b', fields: ['y'] }] }
    expect(withAdsEventsApp(config).apps).toEqual([
      { id: 'a', fields: ['x'] },
      { ...ADS_EVENTS_APP, fields: [...ADS_EVENTS_APP.fields, 'campaign'] },
      { id: 'b', fields: ['y'] },
    ])
  })

  it('collapses duplicate entries into exactly one', () => {
    const config = { apps: [{ id: 'ads-events', fields: ['session_id'], major: 1 }, { id: 'p', fields: [] }, { id: 'ads-events', fields: ['user_id'], major: 1 }] }
    const apps = withAdsEventsApp(config).apps!
    expect(apps.filter((app) => app.id === 'ads-events')).toEqual([ADS_EVENTS_APP])
    expect(apps.map((app) => app.id)).toEqual(['ads-events', 'p'])
  })

  it('fixes a wrong major', () => {
    expect(withAdsEventsApp({ apps: [{ ...ADS_EVENTS_APP, major: 2 }] }).apps).toEqual([ADS_EVENTS_APP])
  })
})

describe('registerOrderFormApp', () => {
  const fakeCheckout = (stored: OrderFormConfiguration) => {
    const writes: OrderFormConfiguration[] = []
    const clients = {
      checkoutConfiguration: {
        getOrderFormConfiguration: async () => JSON.parse(JSON.stringify(stored)) as OrderFormConfiguration,
        setOrderFormConfiguration: async (configuration: OrderFormConfiguration) => {
          writes.push(configuration)
          stored = configuration
        },
      },
    }
    return { clients, writes }
  }

  it('writes the whole configuration once, then never again', async () => {
    const { clients, writes } = fakeCheckout(base())
    await expect(registerOrderFormApp(clients)).resolves.toEqual({ changed: true })
    await expect(registerOrderFormApp(clients)).resolves.toEqual({ changed: false })
    await expect(registerOrderFormApp(clients)).resolves.toEqual({ changed: false })
    expect(writes).toHaveLength(1)
    expect(writes[0]).toEqual({ ...base(), apps: [...base().apps!, ADS_EVENTS_APP] })
  })

  it('propagates a failed read without writing', async () => {
    const set = jest.fn()
    const clients = { checkoutConfiguration: { getOrderFormConfiguration: async () => Promise.reject(new Error('403')), setOrderFormConfiguration: set } }
    await expect(registerOrderFormApp(clients)).rejects.toThrow('403')
    expect(set).not.toHaveBeenCalled()
  })
})

describe('adsEventsRegisterOrderFormApp (admin mutation)', () => {
  const clients = () => ({
    checkoutConfiguration: { getOrderFormConfiguration: jest.fn(async () => ({})), setOrderFormConfiguration: jest.fn(async () => undefined) },
  })

  // Who may call it is the schema's @auth, proven over HTTP through @vtex/api in sandbox/__tests__/graphqlAuth.test.ts.
  it('registers with the app token and says whether it wrote', async () => {
    const c = clients()
    await expect(adsEventsRegisterOrderFormApp(null, {}, { clients: c })).resolves.toBe(true)
    expect(c.checkoutConfiguration.setOrderFormConfiguration).toHaveBeenCalledWith({ apps: [ADS_EVENTS_APP] })
  })
})
