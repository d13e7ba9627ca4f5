import { destinations, enabledDestinations } from '..'
import { normalizeSettings, type AppSettings } from '../../settings/appSettings'

describe('enabledDestinations', () => {
  it('keeps those the settings switch on, in delivery order', () => {
    const named = (name: string, on: (settings: AppSettings) => boolean) => ({ name, enabled: on })
    const list = [named('first', () => true), named('off', () => false), named('last', (settings) => settings.conversionStatus === 'invoiced')]
    const settings = normalizeSettings({ conversionStatus: 'invoiced' })
    expect(enabledDestinations(list, settings).map((destination) => destination.name)).toEqual(['first', 'last'])
    expect(enabledDestinations(list, normalizeSettings({ conversionStatus: 'order-created' })).map((destination) => destination.name)).toEqual(['first'])
  })

  it('agrees with each real destination’s own switch', () => {
    const settings = normalizeSettings({})
    expect(enabledDestinations(destinations, settings)).toEqual(destinations.filter((destination) => destination.enabled(settings)))
  })
})
