import { APP_PROVIDER, routeGraphql, type GraphqlProvider } from '../graphqlGateway'
import { catalogGraphql } from '../catalogGraphql'

/** The sandbox routes storefront GraphQL by provider, as the store's gateway does, and refuses what it could not route. */
describe('sandbox GraphQL gateway', () => {
  let forwarded: Array<{ query: string; variables: Record<string, unknown> }>
  const app: GraphqlProvider = async (query, variables) => {
    forwarded.push({ query, variables })
    return { status: 200, body: { data: { ok: true } } }
  }
  const providers = { [APP_PROVIDER]: app, 'vtex.search-graphql': catalogGraphql }
  beforeEach(() => (forwarded = []))

  it("the app's provider is the manifest's vendor.name", () => {
    expect(APP_PROVIDER).toBe('adsevents.ads-events')
  })

  it("sends the app's queries to the app, without the gateway's @context directive", async () => {
    const answer = await routeGraphql({ query: `query q($x: Int) { sponsoredAds(input: $x) @context(provider: "${APP_PROVIDER}") { placements { name } } }`, variables: { x: 1 } }, providers)
    expect(answer.status).toBe(200)
    expect(forwarded).toHaveLength(1)
    expect(forwarded[0].query).not.toContain('@context')
    expect(forwarded[0].query).toContain('sponsoredAds(input: $x)')
    expect(forwarded[0].variables).toEqual({ x: 1 })
  })

  it('ignores a version suffix in the provider, as in "vtex.search-graphql@0.x"', async () => {
    const answer = await routeGraphql({ query: 'query { productsByIdentifier(field: sku, values: ["2001"]) @context(provider: "vtex.search-graphql@0.62.0") { productName } }' }, providers)
    expect(answer).toEqual({ status: 200, body: { data: { productsByIdentifier: [{ productName: 'Trail running shoes' }] } } })
  })

  it.each([
    ['no provider', 'query { sponsoredAds(input: 1) { placements { name } } }', /@context/],
    ['an unknown provider', 'query { sponsoredAds(input: 1) @context(provider: "othervendor.ads-events") { placements { name } } }', /unknown provider othervendor\.ads-events/],
    ['fields of two providers', `query { a: sponsoredAds(input: 1) @context(provider: "${APP_PROVIDER}") { placements { name } } b: productsByIdentifier(field: sku) @context(provider: "vtex.search-graphql") { productId } }`, /one provider per query/],
    ['a syntax error', 'query {', /syntax error/],
  ])('refuses a query with %s', async (_, query, message) => {
    const answer = await routeGraphql({ query }, providers)
    expect(answer.status).toBe(400)
    expect(JSON.stringify(answer.body)).toMatch(message)
    expect(forwarded).toEqual([])
  })

  it('the catalog stand-in validates against its schema: an unknown field is refused', async () => {
    const answer = await routeGraphql({ query: 'query { productsByIdentifier(field: sku, values: ["2001"]) @context(provider: "vtex.search-graphql") { price } }' }, providers)
    expect(answer.status).toBe(400)
    expect(JSON.stringify(answer.body)).toMatch(/Cannot query field \\"price\\"/)
  })
})
