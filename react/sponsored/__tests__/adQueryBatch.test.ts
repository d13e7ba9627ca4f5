import type { AdQueryInput, PageAds, RunAdQuery } from '../adQueryBatch'
import type { PlacementRequest, SponsoredAd } from '../types'

const ad = (adId: string) => ({ adId, type: 'product', productSku: adId, assets: [], products: [], impressionUrl: `https://e/i/${adId}`, viewUrl: `https://e/v/${adId}`, clickUrl: `https://e/c/${adId}` }) as SponsoredAd
const HOME: PageAds = { channel: 'site', context: 'home' }
const shelf: PlacementRequest = { position: 'top-shelf', quantity: 4, types: ['product'] }
const banner: PlacementRequest = { position: 'middle', quantity: 1, types: ['banner'], size: 'desktop' }
const badges: PlacementRequest = { position: 'search-results', quantity: 10, types: ['product'] }

/** A fresh page load (module state) with the identity decided: no consent needed, the session answered. */
const loadPage = async () => {
  global.fetch = jest.fn().mockResolvedValue({ ok: true, json: async () => ({ namespaces: { profile: { isAuthenticated: { value: 'false' } } } }) })
  let batch: typeof import('../adQueryBatch') | undefined
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports -- a fresh module per test = a fresh page load */
    batch = require('../adQueryBatch')
    require('../../identity/identity').configureIdentity({ requireConsent: false })
    /* eslint-enable @typescript-eslint/no-require-imports */
  })
  await new Promise((resolve) => setTimeout(resolve, 0))
  return batch!
}
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms))

describe('one ad query per page', () => {
  let inputs: AdQueryInput[]
  let answers: Array<(placements: Array<{ name: string; ads: SponsoredAd[] }> | undefined) => void>
  const run: RunAdQuery = (input) => {
    inputs.push(input)
    return new Promise((resolve) => answers.push(resolve))
  }
  beforeEach(() => {
    inputs = []
    answers = []
  })

  it('asks once for every block rendered together, each placement once, with dedupAds, and hands each block its own ads', async () => {
    const { requestAds } = await loadPage()
    const got: Record<string, Array<SponsoredAd[] | null>> = { shelf: [], banner: [], badge1: [], badge2: [] }
    requestAds(HOME, shelf, (ads) => got.shelf.push(ads), run)
    requestAds(HOME, banner, (ads) => got.banner.push(ads), run)
    requestAds(HOME, badges, (ads) => got.badge1.push(ads), run)
    requestAds(HOME, badges, (ads) => got.badge2.push(ads), run)
    await tick()
    expect(inputs).toHaveLength(1)
    expect(inputs[0]).toMatchObject({ channel: 'site', context: 'home', sessionId: expect.any(String), dedupAds: true, placements: [shelf, banner, badges] })
    answers[0]([{ name: 'site_home_top-shelf_product', ads: [ad('p1'), ad('p2')] }, { name: 'site_home_middle_banner', ads: [] }, { name: 'site_home_search-results_product', ads: [ad('p3')] }])
    await tick()
    expect(got).toEqual({ shelf: [[ad('p1'), ad('p2')]], banner: [null], badge1: [[ad('p3')]], badge2: [[ad('p3')]] })
  })

  it('a block mounted after the query left starts the next one', async () => {
    const { requestAds } = await loadPage()
    requestAds(HOME, shelf, () => undefined, run)
    await tick()
    requestAds(HOME, banner, () => undefined, run)
    await tick()
    expect(inputs.map((input) => input.placements)).toEqual([[shelf], [banner]])
    expect(inputs[1].dedupAds).toBe(false)
  })

  it('an answer later than the deadline counts as no ads, and the late answer changes nothing', async () => {
    const { requestAds, CLIENT_DEADLINE_MS } = await loadPage()
    const got: Array<SponsoredAd[] | null> = []
    requestAds(HOME, shelf, (ads) => got.push(ads), run)
    await tick()
    await tick(CLIENT_DEADLINE_MS + 20)
    answers[0]([{ name: 'x', ads: [ad('late')] }])
    await tick()
    expect(got).toEqual([null])
  })

  it('a failed query is no ads; an unmounted block gets nothing', async () => {
    const { requestAds } = await loadPage()
    const got: Array<SponsoredAd[] | null> = []
    const cancel = requestAds(HOME, banner, (ads) => got.push(ads), () => Promise.reject(new Error('503')))
    requestAds(HOME, shelf, (ads) => got.push(ads), () => Promise.reject(new Error('503')))
    cancel()
    await tick()
    await tick()
    expect(got).toEqual([null])
  })
})
