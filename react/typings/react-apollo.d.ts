/**
 * react-apollo 3.x as Store Framework provides it to blocks. An npm library, not a vtex.* module, so
 * sandbox/storefront/shims/realShapes.ts does not record it. Follows:
 * - vtex-apps/render-runtime@8.136.2 (fef89cd): react/package.json ("react-apollo": "^3.1.2", "react-intl": "^3.9.1")
 */
declare module 'react-apollo' {
  import type { DocumentNode } from 'graphql'
  export interface QueryResult<T> {
    data?: T
    loading: boolean
    error?: Error
  }
  export function useQuery<T = unknown>(
    query: DocumentNode,
    options?: { variables?: Record<string, unknown>; skip?: boolean; ssr?: boolean; fetchPolicy?: 'no-cache' | 'cache-first' | 'network-only' }
  ): QueryResult<T>
  export interface ApolloClientLike {
    query<T = unknown>(options: { query: DocumentNode; variables?: Record<string, unknown>; fetchPolicy?: 'no-cache' | 'network-only' }): Promise<{ data?: T }>
  }
  export function useApolloClient(): ApolloClientLike
}

/** react-intl 3.x as Store Framework provides it (messages/ of the app); same source as above. */
declare module 'react-intl' {
  export function useIntl(): { formatMessage(descriptor: { id: string }, values?: Record<string, string>): string }
}

/** GraphQL documents: the VTEX react builder turns .gql imports into DocumentNodes. */
declare module '*.gql' {
  const document: import('graphql').DocumentNode
  export default document
}
