/**
 * What the admin page uses of react-apollo beyond the storefront's useQuery (react/typings/
 * react-apollo.d.ts): refetch, lazy queries and mutations, as react-apollo 3 has them.
 */
declare module 'react-apollo' {
  import type { DocumentNode } from 'graphql'

  /** An ApolloError: the server's own messages are in graphQLErrors. */
  export interface GraphqlError extends Error {
    graphQLErrors?: Array<{ message: string; extensions?: { code?: string } }>
  }

  export interface QueryResult<T> {
    refetch(variables?: Record<string, unknown>): Promise<T | undefined>
  }

  export function useLazyQuery<T = unknown>(
    query: DocumentNode,
    options?: { fetchPolicy?: 'no-cache' | 'network-only' }
  ): [(options: { variables?: Record<string, unknown> }) => void, { data?: T; loading: boolean; error?: GraphqlError; called: boolean }]

  export function useMutation<T = unknown>(
    mutation: DocumentNode
  ): [(options?: { variables?: Record<string, unknown> }) => Promise<{ data?: T }>, { data?: T; loading: boolean; error?: GraphqlError }]
}
