import { validateAdQuery } from '../../../node/ads/adQuery'
import { toGetAdsBody } from '../../../node/ads/getAdsBody'
import { toSponsoredAds } from '../../../node/ads/adAnswer'
import type { StandInRequest } from '../../lib/standIn'
import { SandboxState } from '../../state'
import { getAdsStandIn } from '../getAds'

const EVENTS = 'http://localhost:9999'
const state = new SandboxState({ publisherId: 'pub-1' })
const standIn = getAdsStandIn(state, () => EVENTS)

const post = (body: unknown, publisher = 'pub-1', raw?: string): Promise<{ status: number; body?: unknown } | undefined> =>
  Promise.resolve(
    standIn.handle({
      method: 'POST',
      url: new URL(`https://newtail-media.newtail.com.br/v1/rma/${publisher}`),
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(raw ?? JSON.stringify(body)),
    } satisfies StandInRequest)
  )

const appBody = (input: Record<string, unknown>) => {
  const validation = validateAdQuery({ sessionId: 's-1', channel: 'site', ...input })
  if (!validation.ok) throw new Error(validation.errors.join('; '))
  return toGetAdsBody(validation.query, { brand: 'My Store' })
}

it('answers 422 with the Ajv list for each missing required field', async () => {
  const reply = await post({ placements: {} })
  expect(reply?.status).toBe(422)
  expect((reply?.body as Array<{ params: { missingProperty?: string } }>).map((error) => error.params.missingProperty).sort()).toEqual(['channel', 'context', 'session_id'])
  expect((reply?.body as Array<Record<string, unknown>>)[0]).toMatchObject({ instancePath: '', keyword: 'required', schemaPath: '#/required', message: expect.stringMatching(/^must have required property '/) })
})

it('answers 422 for a search without its term, an unknown context and a placement without types', async () => {
  const noTerm = await post({ session_id: 's', channel: 'site', context: 'search', placements: { p: { quantity: 1, types: ['product'] } } })
  expect(JSON.stringify(noTerm?.body)).toContain("must have required property 'term'")
  const badContext = await post({ session_id: 's', channel: 'site', context: 'checkout', placements: { p: { quantity: 1 } } })
  expect(badContext?.status).toBe(422)
  expect((badContext?.body as Array<{ instancePath: string; keyword: string }>).map((error) => `${error.instancePath} ${error.keyword}`)).toEqual(expect.arrayContaining(['/context enum', '/placements/p required']))
})

it('answers 422 for a session_id or user_id that is not only letters and digits (the OpenAPI descriptions)', async () => {
  const body = (ids: Record<string, string>) => ({ ...ids, channel: 'site', context: 'home', placements: { p: { quantity: 1, types: ['product'] } } })
  const hyphenated = await post(body({ session_id: 'f361661f-5986-4779-9009-a34562f18347' }))
  expect(hyphenated?.status).toBe(422)
  expect((hyphenated?.body as Array<{ instancePath: string; keyword: string }>).map((error) => `${error.instancePath} ${error.keyword}`)).toEqual(['/session_id pattern'])
  expect((await post(body({ session_id: 'f361661f598647799009a34562f18347', user_id: '6a746448-cf59' })))?.status).toBe(422)
  expect((await post(body({ session_id: 'f361661f598647799009a34562f18347', user_id: '6a746448cf59' })))?.status).toBe(200)
})

it('answers 400 for a body that is not JSON and 404 for another publisher', async () => {
  expect((await post(undefined, 'pub-1', '{oops'))?.status).toBe(400)
  expect((await post(appBody({ context: 'home', placements: [{ name: 'p', quantity: 1, types: ['product'] }] }), 'someone-else'))?.status).toBe(404)
})

it("accepts what the app builds for every context, and its answer maps to ads with event URLs on the events origin", async () => {
  const inputs = [
    { context: 'home' },
    { context: 'search', term: 'outdoor' },
    { context: 'category', categoryName: 'Outdoor > Clothing' },
    { context: 'product_page', productSku: '2001' },
    { context: 'brand_page', brandName: 'TrailCo' },
  ]
  for (const input of inputs) {
    const placements = [
      { name: 'shelf', quantity: 2, types: ['product'] },
      { name: 'banner', quantity: 1, types: ['banner'] },
      { name: 'brand', quantity: 1, types: ['sponsored_brand'] },
    ]
    const reply = await post(appBody({ ...input, placements }))
    expect(reply?.status).toBe(200)
    const ads = toSponsoredAds(reply?.body, ['shelf', 'banner', 'brand']).placements
    expect(ads[0].ads.length).toBeGreaterThan(0)
    // The demo's banner campaign runs everywhere but on product pages (there the demo shows its house banner).
    expect([input.context, ads[1].ads.map((ad) => ad.adId)]).toEqual([input.context, input.context === 'product_page' ? [] : ['banner-summer']])
    expect(ads[2].ads[0].products.map((product) => product.productSku)).toEqual(['2001', '2003'])
    expect(ads.flatMap((placement) => placement.ads).every((ad) => ad.impressionUrl.startsWith(`${EVENTS}/v1/beacon/impression/`))).toBe(true)
  }
})

it('search ads follow the term: only the SKUs whose campaign bids on it', async () => {
  const reply = await post(appBody({ context: 'search', term: 'outdoor', placements: [{ name: 'p', quantity: 10, types: ['product'] }] }))
  expect((reply?.body as { p: Array<{ product_sku: string }> }).p.map((ad) => ad.product_sku)).toEqual(['2001', '2003'])
})
