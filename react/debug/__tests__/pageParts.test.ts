import en from '../../../messages/en.json'
import es from '../../../messages/es.json'
import pt from '../../../messages/pt.json'
import { withoutDebugParam } from '../debugSession'
import { DEBUG_MESSAGES } from '../messages'
import { reservedHeight } from '../reservedSpace'
import { adIdFromUrl } from '../trackedAds'

it('every text of the overlay is in every locale', () => {
  for (const messages of [en, pt, es] as Array<Record<string, string>>) expect(DEBUG_MESSAGES.filter((key) => !messages[`store/ads-events.debug.${key}`])).toEqual([])
})

it("turning debug mode off drops only the parameter from the page's URL", () => {
  expect(withoutDebugParam('https://store.test/shoes?ads_events_debug=1&q=trail#top')).toBe('https://store.test/shoes?q=trail#top')
  expect(withoutDebugParam('https://store.test/?ads_events_debug=1')).toBe('https://store.test/')
})

it("a box reserves its min-height, or its width by its aspect ratio, whichever is more", () => {
  expect(reservedHeight({ minHeight: '262px', aspectRatio: 'auto' }, 900)).toBe(262)
  expect(reservedHeight({ minHeight: '0px', aspectRatio: '970 / 250' }, 970)).toBe(250)
  expect(reservedHeight({ minHeight: '0px', aspectRatio: 'auto' }, 970)).toBe(0)
  expect(reservedHeight({ minHeight: 'auto', aspectRatio: '' }, 970)).toBe(0)
})

it("an ad's id is the last path segment of its event URL", () => {
  expect(adIdFromUrl('https://events.newtail-media.newtail.com.br/v1/beacon/impression/ad-123?sig=x')).toBe('ad-123')
  expect(adIdFromUrl('/v1/beacon/view/ad-9')).toBe('ad-9')
  expect(adIdFromUrl(undefined)).toBeUndefined()
})
