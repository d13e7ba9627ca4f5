import { routeToProvider } from '../graphqlGateway'
import { applyChange, editableView } from '../settingsEditor'
import { publisherRefusal } from '../../standins/vtexAdsEvents'
import { SandboxState } from '../../state'

describe('the GraphQL gateway', () => {
  it('takes the provider directive off a query of this app', () => {
    expect(routeToProvider('query { adsEventsHealth @context(provider: "adsevents.ads-events") { generatedAt } }', 'adsevents.ads-events')).toEqual({
      ok: true,
      query: 'query { adsEventsHealth { generatedAt } }',
    })
  })

  it('refuses a query for another app', () => {
    expect(routeToProvider('query { orders @context(provider: "vtex.orders-graphql") { id } }', 'adsevents.ads-events')).toEqual({
      ok: false,
      message: 'the sandbox serves adsevents.ads-events only, not vtex.orders-graphql',
    })
  })
})

describe('the sandbox settings editor', () => {
  const settings = { publisherId: 'p', brand: 'My Store', impactAuthToken: 'secret', openaiApiKey: 'sk-1' }

  it('never shows a secret', () => {
    expect(JSON.stringify(editableView(settings))).not.toMatch(/secret|sk-1/)
  })

  it('changes what it may, clears with empty text, keeps the secrets', () => {
    const changed = applyChange(settings, { brand: '', brandMappings: [{ salesChannel: '3', brand: 'Outlet' }], vtexAdsEnabled: false })
    expect(changed).toEqual({ ok: true, settings: { publisherId: 'p', impactAuthToken: 'secret', openaiApiKey: 'sk-1', brandMappings: [{ salesChannel: '3', brand: 'Outlet' }], vtexAdsEnabled: false } })
  })

  it('refuses secrets, unknown keys and wrong types', () => {
    expect(applyChange(settings, { openaiApiKey: 'x' })).toEqual({ ok: false, message: 'openaiApiKey is a secret: not editable here' })
    expect(applyChange(settings, { eventsBaseUrl: 'http://evil' })).toEqual({ ok: false, message: 'eventsBaseUrl is not editable here' })
    expect(applyChange(settings, { brandMappings: [{ salesChannel: '3' }] })).toMatchObject({ ok: false })
    expect(applyChange(settings, { vtexAdsEnabled: 'yes' })).toMatchObject({ ok: false })
  })
})

describe('the fake VTEX Ads knows its publishers', () => {
  const state = new SandboxState({})
  state.vtexAdsPublishers.set('multi', { sites: ['My Store', 'My Store Outlet'] })
  state.vtexAdsPublishers.set('single', { sites: [] })

  it('refuses an unknown publisher and, for a multi-site one, a missing or unknown brand', () => {
    expect(publisherRefusal(state, { publisher_id: 'typo' })).toEqual([expect.objectContaining({ instancePath: '/publisher_id', message: "unknown publisher_id 'typo'" })])
    expect(publisherRefusal(state, { publisher_id: 'multi' })).toEqual([expect.objectContaining({ keyword: 'required', params: { missingProperty: 'brand' } })])
    expect(publisherRefusal(state, { publisher_id: 'multi', brand: 'My Store Outlt' })).toEqual([
      expect.objectContaining({ instancePath: '/brand', params: { allowedValues: ['My Store', 'My Store Outlet'] } }),
    ])
  })

  it('accepts a site of the publisher, any brand of a single-site one, anything when it knows no publisher', () => {
    expect(publisherRefusal(state, { publisher_id: 'multi', brand: 'My Store Outlet' })).toBeUndefined()
    expect(publisherRefusal(state, { publisher_id: 'single' })).toBeUndefined()
    expect(publisherRefusal(new SandboxState({}), { publisher_id: 'anyone' })).toBeUndefined()
  })
})
