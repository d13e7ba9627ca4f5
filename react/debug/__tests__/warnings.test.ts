import { pageWarnings, PageFacts } from '../warnings'

const urls = (ad: string) => ({
  impression_url: `https://events.test/v1/beacon/impression/${ad}`,
  view_url: `https://events.test/v1/beacon/view/${ad}`,
  click_url: `https://events.test/v1/beacon/click/${ad}`,
})

/** A page that does everything right: two ads with their URLs, a block that keeps its space, the publisher set, consent not required. */
const clean = (): PageFacts => ({
  ads: [
    { adId: 'a1', context: 'top', urls: urls('a1') },
    { adId: 'a2', context: 'top', urls: urls('a2') },
  ],
  blocks: [{ block: 'sponsoredShelf', reservedPx: 262, heightPx: 262, grewPx: 0 }],
  config: { hasPublisher: true, requireConsent: false },
  consent: undefined,
  identityDecided: true,
})

describe('pageWarnings', () => {
  it('finds nothing on a page that does everything right', () => {
    expect(pageWarnings(clean())).toEqual([])
  })

  it('an ad whose URLs two trackers hold: once, with both contexts', () => {
    const page = clean()
    page.ads.push({ adId: 'a1', context: 'theme', urls: urls('a1') })
    expect(pageWarnings(page)).toEqual([{ kind: 'tracked-twice', subject: 'a1', detail: 'top, theme' }])
  })

  it('a tracker without URLs, or with one that is no http(s) URL, names what is missing', () => {
    const page = clean()
    page.ads.push({ adId: 'ad-tracker #3', context: '', urls: {} })
    page.ads.push({ adId: 'a4', context: 'top', urls: { ...urls('a4'), click_url: 'javascript:alert(1)' } })
    expect(pageWarnings(page)).toEqual([
      { kind: 'no-urls', subject: 'ad-tracker #3', detail: 'impression_url, view_url, click_url' },
      { kind: 'no-urls', subject: 'a4', detail: 'click_url' },
    ])
  })

  it('a block that reserves nothing, or less than its ads took', () => {
    const page = clean()
    page.blocks = [
      { block: 'sponsoredShelf', reservedPx: 0, heightPx: 238, grewPx: 0 },
      { block: 'sponsoredBrand', reservedPx: 100, heightPx: 300, grewPx: 102 },
      { block: 'sponsoredBanner', reservedPx: 250, heightPx: 250, grewPx: 0 },
    ]
    expect(pageWarnings(page)).toEqual([
      { kind: 'no-reserved-height', subject: 'sponsoredShelf', detail: '0 px → 238 px' },
      { kind: 'no-reserved-height', subject: 'sponsoredBrand', detail: '100 px → 300 px' },
    ])
  })

  it('the publisher ID missing, once the public config says so (not before it is read)', () => {
    const page = clean()
    page.config = { hasPublisher: false, requireConsent: false }
    expect(pageWarnings(page)).toEqual([{ kind: 'no-publisher', subject: 'hasPublisher: false' }])
    page.config = undefined
    expect(pageWarnings(page)).toEqual([])
  })

  it('consent required and no consent manager answer once the identity stopped waiting for one; not before, not with an answer', () => {
    const page = clean()
    page.config = { hasPublisher: true, requireConsent: true }
    page.identityDecided = false
    expect(pageWarnings(page)).toEqual([])
    page.identityDecided = true
    expect(pageWarnings(page)).toEqual([{ kind: 'consent-silent', subject: 'requireConsent' }])
    for (const consent of ['granted', 'denied'] as const) expect(pageWarnings({ ...page, consent })).toEqual([])
  })
})
