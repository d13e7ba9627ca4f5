import { adsEventsOrderFormApp, adsEventsRegisterOrderFormApp, ADS_EVENTS_APP, registerOrderFormApp, withAdsEventsApp } from '../orderFormConfiguration'
import { AdminAccessDenied } from '../../admin/adminAccess'
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
  const client = (read: () => Promise<OrderFormConfiguration> = async () => ({})) => ({ getOrderFormConfiguration: jest.fn(read), setOrderFormConfiguration: jest.fn(async () => undefined) })
  const refused = () => Object.assign(new Error('Request failed with status code 403'), { response: { status: 403 } })

  // Who may call it is the schema's @auth, proven over HTTP through @vtex/api in sandbox/__tests__/graphqlAuth.integration.test.ts.
  it("registers with the admin's client and says whether it wrote", async () => {
    const admin = client()
    await expect(adsEventsRegisterOrderFormApp(null, {}, { clients: { adminCheckoutConfiguration: admin } })).resolves.toBe(true)
    expect(admin.setOrderFormConfiguration).toHaveBeenCalledWith({ apps: [ADS_EVENTS_APP] })
  })

  it('names the License Manager resource when the admin\'s role is refused, and writes nothing', async () => {
    const admin = client(() => Promise.reject(refused()))
    const answer = adsEventsRegisterOrderFormApp(null, {}, { clients: { adminCheckoutConfiguration: admin } })
    await expect(answer).rejects.toBeInstanceOf(AdminAccessDenied)
    await expect(answer).rejects.toThrow(/"Save OrderForm Configuration" \(Checkout\).*Nothing was changed/)
    expect(admin.setOrderFormConfiguration).not.toHaveBeenCalled()
  })

  it('the status query reads on the admin\'s client too', async () => {
    const admin = client(async () => ({ apps: [ADS_EVENTS_APP] }))
    await expect(adsEventsOrderFormApp(null, {}, { clients: { adminCheckoutConfiguration: admin } })).resolves.toMatchObject({ registered: true })
    await expect(adsEventsOrderFormApp(null, {}, { clients: { adminCheckoutConfiguration: client(() => Promise.reject(refused())) } })).rejects.toThrow(
      /Save OrderForm Configuration/
    )
  })
})
