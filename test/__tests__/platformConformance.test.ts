/**
 * What `vtex link` checks before it builds anything: builder versions VTEX still accepts for a new
 * app, and (graphql builder 2.x) an @auth directive on every query and mutation, which @vtex/api's
 * runtime must accept and enforce.
 */
import { readFileSync } from 'fs'
import { join } from 'path'
import { graphql, parse, type DirectiveNode, type ObjectTypeDefinitionNode } from 'graphql'
import { schemaForLocalRuntime } from '../../sandbox/service'

const ROOT = join(__dirname, '..', '..')
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { builders: Record<string, string> }

/**
 * VTEX docs, "Builder version statuses" (developers.vtex.com, vtex-io-documentation-builder-version-statuses):
 * "Deprecated: … new apps or major versions can't be linked or published." Builders the table does
 * not list: the version their own VTEX builder page documents.
 */
const BUILDER_STATUSES: Record<string, { stable: string[]; deprecated?: string[]; decommissioned?: string[] }> = {
  graphql: { stable: ['2.x'], deprecated: ['1.x'] },
  node: { stable: ['7.x'], deprecated: ['6.x'], decommissioned: ['3.x', '4.x'] },
  dotnet: { stable: ['2.x'], decommissioned: ['0.x', '1.x'] },
}
const DOCUMENTED_VERSIONS: Record<string, string[]> = {
  react: ['3.x'],
  store: ['0.x'],
  messages: ['1.x'],
  docs: ['0.x'],
  admin: ['0.x'],
  masterdata: ['1.x', '2.x'],
}

describe('manifest builders', () => {
  it.each(Object.entries(manifest.builders))('%s %s is one VTEX still links for a new app', (builder, version) => {
    const status = BUILDER_STATUSES[builder]
    if (status) expect([builder, version, status.stable.includes(version)]).toEqual([builder, version, true])
    else expect([builder, DOCUMENTED_VERSIONS[builder]?.includes(version)]).toEqual([builder, true])
  })
})

describe('graphql/schema.graphql under the graphql builder 2.x', () => {
  const document = parse(readFileSync(join(ROOT, 'graphql', 'schema.graphql'), 'utf8'))
  const rootFields = document.definitions
    .filter(
      (definition): definition is ObjectTypeDefinitionNode =>
        definition.kind === 'ObjectTypeDefinition' && ['Query', 'Mutation'].includes(definition.name.value)
    )
    .flatMap((type) =>
      (type.fields ?? []).map((field) => ({
        type: type.name.value,
        name: field.name.value,
        auth: (field.directives ?? []).filter((d) => d.name.value === 'auth'),
      }))
    )
  const args = (directive: DirectiveNode) =>
    Object.fromEntries(
      (directive.arguments ?? []).map((arg) => [arg.name.value, 'value' in arg.value ? String(arg.value.value) : undefined])
    )

  it('every query and mutation declares exactly one @auth with a scope (VTEX docs, "GraphQL authorization in IO apps")', () => {
    expect(rootFields.length).toBeGreaterThan(3)
    for (const field of rootFields) {
      expect([field.name, field.auth.length]).toEqual([field.name, 1])
      const { scope, productCode, resourceCode } = args(field.auth[0])
      if (scope === 'PUBLIC') continue
      expect([field.name, scope, Boolean(productCode), Boolean(resourceCode)]).toEqual([field.name, 'PRIVATE', true, true])
    }
  })

  describe("through @vtex/api's own GraphQL runtime", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { makeSchema } = require('@vtex/api/lib/service/worker/runtime/graphql/schema')
    const calls: string[] = []
    const resolvers = Object.fromEntries(
      ['Query', 'Mutation'].map((type) => [
        type,
        Object.fromEntries(
          rootFields.filter((field) => field.type === type).map((field) => [field.name, () => (calls.push(field.name), null)])
        ),
      ])
    )
    const { schema } = makeSchema({ schema: schemaForLocalRuntime(), resolvers })
    /** What the runtime directives read: the admin cookie (none here), the app context, the cache hints. */
    const context = () => ({
      cookies: { get: () => undefined },
      get: () => undefined,
      vtex: { account: 'mystore', authToken: 'app-token' },
      graphql: { cacheControl: { maxAge: 600, scope: 'public' } },
    })
    /** One operation per root field; a new field needs its line here. */
    const OPERATIONS: Record<string, string> = {
      adsEventsPublicConfig: 'query { adsEventsPublicConfig { hasPublisher } }',
      adsEventsDeliveryStatus: 'query { adsEventsDeliveryStatus(orderId: "1") { status } }',
      sponsoredAds:
        'query { sponsoredAds(input: { sessionId: "s", channel: "site", context: "home", placements: [] }) { placements { name } } }',
      adsEventsRegisterOrderFormApp: 'mutation { adsEventsRegisterOrderFormApp }',
      adsEventsReplay: 'mutation { adsEventsReplay(orderIds: ["1"]) { status } }',
      adsEventsHealth: 'query { adsEventsHealth { generatedAt } }',
      adsEventsIdentityCoverage: 'query { adsEventsIdentityCoverage(destination: "vtexAds", days: 7) { converted } }',
      adsEventsDeliveries: 'query { adsEventsDeliveries(filter: { status: "dead" }, page: 1, pageSize: 20) { total } }',
      adsEventsPreview: 'query { adsEventsPreview(orderId: "1") { orderId } }',
      adsEventsOrderFormApp: 'query { adsEventsOrderFormApp { registered } }',
      adsEventsReplayDeadLetters: 'mutation { adsEventsReplayDeadLetters(destination: "vtexAds") { replayed } }',
      adsEventsBackfillJobs: 'query { adsEventsBackfillJobs { id } }',
      adsEventsBackfill: 'mutation { adsEventsBackfill(from: "2026-11-01", to: "2026-11-02") { id } }',
      adsEventsDeliveryTrend: 'query { adsEventsDeliveryTrend(destination: "impact", window: LAST_7_DAYS, utcOffsetMinutes: -180) { buckets { sent } } }',
      adsEventsCoverageTrend: 'query { adsEventsCoverageTrend(window: LAST_30_DAYS) { buckets { converted } } }',
    }

    it.each(rootFields.map((field) => [field.name, field] as const))(
      '%s: accepted, and enforced before its resolver',
      async (name, field) => {
        calls.length = 0
        const answer = await graphql(schema, OPERATIONS[name], null, context())
        if (args(field.auth[0]).scope === 'PUBLIC')
          expect(calls).toEqual([name]) // no auth in the way (the stub's null answer aside)
        else {
          expect(answer.errors?.map((error) => error.message)).toEqual(['VtexIdclientAutCookie not found.'])
          expect(calls).toEqual([])
        }
      }
    )
  })
})
