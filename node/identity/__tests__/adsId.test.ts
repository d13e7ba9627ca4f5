import { ADS_ID_PATTERN, toAdsId } from '../adsId'

describe('toAdsId: the one id format sent to VTEX Ads', () => {
  it('keeps the 32 hex digits of a UUID, so one visitor or profile is always one id', () => {
    expect(toAdsId('6f92d1e9-00b6-4f8b-9645-faeab321e1cc')).toBe('6f92d1e900b64f8b9645faeab321e1cc')
    expect(toAdsId('6f92d1e900b64f8b9645faeab321e1cc')).toBe('6f92d1e900b64f8b9645faeab321e1cc')
  })

  it('satisfies the Ads API OpenAPI rule for Get ads ("only alphanumeric characters")', () => {
    for (const raw of ['5660c55f-714d-4b14-88a7-b03e9bfbdd2y', 'a.b:c~d-e_f', 'ABC123'])
      expect(toAdsId(raw)).toMatch(ADS_ID_PATTERN)
  })

  it('treats what has nothing alphanumeric, or is not a string, as absent', () => {
    expect(toAdsId('---')).toBeUndefined()
    expect(toAdsId('')).toBeUndefined()
    expect(toAdsId(null)).toBeUndefined()
    expect(toAdsId(undefined)).toBeUndefined()
    expect(toAdsId('x'.repeat(129))).toBeUndefined()
  })
})
