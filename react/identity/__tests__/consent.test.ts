import { Consent, readConsent, watchConsent } from '../consent'

type W = Window & Record<string, unknown>
const w = window as unknown as W
const reset = () => {
  for (const key of ['adsEventsConsent', 'Cookiebot', 'CookieScript', '__tcfapi']) delete w[key]
}

describe('readConsent: the consent managers VTEX stores use', () => {
  beforeEach(reset)

  it('is undecided with no consent manager and no signal', () => {
    expect(readConsent(w)).toBeUndefined()
  })

  it("the store's own window.adsEventsConsent", () => {
    w.adsEventsConsent = true
    expect(readConsent(w)).toBe('granted')
    w.adsEventsConsent = false
    expect(readConsent(w)).toBe('denied')
  })

  it.each([
    [{ hasResponse: false, consent: { marketing: false } }, undefined],
    [{ hasResponse: true, consent: { marketing: true } }, 'granted'],
    [{ hasResponse: true, consent: { marketing: false, statistics: true } }, 'denied'],
  ])('Cookiebot %j → %s', (cookiebot, expected) => {
    w.Cookiebot = cookiebot
    expect(readConsent(w)).toBe(expected)
  })

  it.each([
    [{}, undefined],
    [{ action: 'accept', categories: ['strict', 'targeting'] }, 'granted'],
    [{ action: 'accept', categories: ['strict', 'performance'] }, 'denied'],
    [{ action: 'reject', categories: ['strict'] }, 'denied'],
  ])('Cookie Script currentState() %j → %s', (state, expected) => {
    w.CookieScript = { instance: { currentState: () => state } }
    expect(readConsent(w)).toBe(expected)
  })
})

describe('watchConsent', () => {
  beforeEach(reset)
  const watch = () => {
    const seen: Consent[] = []
    watchConsent((consent) => seen.push(consent))
    return seen
  }

  it('re-reads on the CMP events and on ads-events:consent', () => {
    const seen = watch()
    w.Cookiebot = { hasResponse: true, consent: { marketing: true } }
    window.dispatchEvent(new Event('CookiebotOnAccept'))
    delete w.Cookiebot
    w.adsEventsConsent = false
    window.dispatchEvent(new Event('ads-events:consent'))
    expect(seen).toEqual([undefined, 'granted', 'denied'])
  })

  it('hears Cookie Script events dispatched on document too', () => {
    const seen = watch()
    w.CookieScript = { instance: { currentState: () => ({ action: 'accept', categories: ['targeting'] }) } }
    document.dispatchEvent(new Event('CookieScriptAcceptAll'))
    expect(seen[seen.length - 1]).toBe('granted')
  })

  it.each([
    [{ gdprApplies: false, eventStatus: 'cmpuishown' }, 'granted'],
    [{ gdprApplies: true, eventStatus: 'cmpuishown', purpose: { consents: {} } }, undefined],
    [{ gdprApplies: true, eventStatus: 'useractioncomplete', purpose: { consents: { 1: true, 7: true } } }, 'granted'],
    [{ gdprApplies: true, eventStatus: 'tcloaded', purpose: { consents: { 1: true } } }, 'denied'],
  ])('IAB TCF v2 (iubenda) %j → %s', (tcData, expected) => {
    let listener: (data: unknown, success: boolean) => void = () => undefined
    w.__tcfapi = (command: string, version: number, callback: typeof listener) => {
      expect([command, version]).toEqual(['addEventListener', 2])
      listener = callback
    }
    const seen = watch()
    listener(tcData, true)
    expect(seen[seen.length - 1]).toBe(expected)
  })
})
