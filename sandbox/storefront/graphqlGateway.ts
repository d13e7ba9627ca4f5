import { parse, print, visit, type DocumentNode, type FieldNode, type OperationDefinitionNode } from 'graphql'

import manifest from '../../manifest.json'

/**
 * The store's GraphQL gateway, reduced to what decides where a storefront query goes: the
 * `@context(provider: "<vendor>.<app>")` directive on its top-level fields (render-runtime sends
 * each query to the app it names). A query with no provider, an unknown one, or fields naming
 * different providers is refused, as the gateway cannot route it. The directive is the gateway's:
 * the provider's own schema does not declare it, so it is removed before the query goes on.
 */
export const APP_PROVIDER = `${manifest.vendor}.${manifest.name}`

export interface GraphqlAnswer {
  status: number
  body: unknown
}
/**
 * What the gateway forwards of the shopper's request, as VTEX's router does for an app's storefront
 * GraphQL: the store host as `x-forwarded-host` (@vtex/api's `ctx.vtex.host`) and the segment
 * cookie as `x-vtex-segment` (`ctx.vtex.segmentToken`). Same shape as RunningService.graphql's caller.
 */
export interface GraphqlForwarded {
  headers?: Record<string, string>
}
export type GraphqlProvider = (query: string, variables: Record<string, unknown>, forwarded?: GraphqlForwarded) => Promise<GraphqlAnswer>

const refuse = (message: string): GraphqlAnswer => ({ status: 400, body: { errors: [{ message }] } })

/** The provider named by a field's @context (without a version suffix such as `@0.x`), if any. */
const providerOf = (field: FieldNode): string | undefined => {
  const context = field.directives?.find((directive) => directive.name.value === 'context')
  const argument = context?.arguments?.find((arg) => arg.name.value === 'provider')
  return argument?.value.kind === 'StringValue' ? argument.value.value.split('@')[0] : undefined
}

/** The providers the operation's top-level fields name (one entry per field; undefined = none). */
export const providersOf = (document: DocumentNode): Array<string | undefined> =>
  document.definitions
    .filter((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition')
    .flatMap((operation) => operation.selectionSet.selections.map((selection) => (selection.kind === 'Field' ? providerOf(selection) : undefined)))

const withoutContextDirectives = (document: DocumentNode): string =>
  print(visit(document, { Directive: (node) => (node.name.value === 'context' ? null : undefined) }))

export const routeGraphql = async (body: unknown, providers: Record<string, GraphqlProvider>, forwarded: GraphqlForwarded = {}): Promise<GraphqlAnswer> => {
  const request = (body ?? {}) as { query?: unknown; variables?: unknown }
  if (typeof request.query !== 'string') return refuse('query must be a string')
  const variables = request.variables && typeof request.variables === 'object' ? (request.variables as Record<string, unknown>) : {}
  let document: DocumentNode
  try {
    document = parse(request.query)
  } catch (error) {
    return refuse(`syntax error: ${(error as Error).message}`)
  }
  const named = providersOf(document)
  if (named.length === 0 || named.some((provider) => provider === undefined)) return refuse('every field needs @context(provider: "<vendor>.<app>")')
  const [provider] = named as string[]
  if (named.some((other) => other !== provider)) return refuse(`one provider per query; got ${[...new Set(named)].join(', ')}`)
  const target = providers[provider as string]
  if (!target) return refuse(`unknown provider ${provider}`)
  return target(withoutContextDirectives(document), variables, forwarded)
}
