import { useEffect, useState } from 'react'

/**
 * Sandbox stand-in for `react-apollo`'s useQuery: POSTs the query text (the build loads .gql files
 * as text) to the page server's /_sandbox/graphql, which runs `sponsoredAds` on the real Service
 * and answers `productsByIdentifier` from the demo catalog. Identical queries in flight are
 * shared, as Apollo's query deduplication does. `window.__SANDBOX_GRAPHQL__` replaces the
 * transport (jsdom tests). Store Framework gives blocks react-apollo ^3.1.2 (vtex-apps/render-runtime@8.136.2
 * (fef89cd): react/package.json); not a vtex.* module, so realShapes.ts does not record it.
 */
type Transport = (query: string, variables: Record<string, unknown>) => Promise<{ data?: unknown; errors?: unknown }>

declare global {
  interface Window {
    __SANDBOX_GRAPHQL__?: Transport
  }
}

const inFlight = new Map<string, Promise<{ data?: unknown; errors?: unknown }>>()

const viaPageServer: Transport = (query, variables) =>
  fetch('/_sandbox/graphql', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query, variables }) }).then((answer) => answer.json())

/** react-apollo's client, as far as blocks use it: `query` through the same transport, never cached. */
const client = {
  query: <T,>({ query, variables }: { query: unknown; variables?: Record<string, unknown> }): Promise<{ data?: T }> =>
    (window.__SANDBOX_GRAPHQL__ || viaPageServer)(String(query), variables || {}).then((answer) => {
      if (answer.errors) throw new Error('graphql errors')
      return { data: answer.data as T }
    }),
}

export const useApolloClient = () => client

export const useQuery = <T,>(query: unknown, options: { variables?: Record<string, unknown>; skip?: boolean } = {}) => {
  const [state, setState] = useState<{ data?: T; loading: boolean; error?: Error }>({ loading: !options.skip })
  const key = options.skip ? '' : String(query) + JSON.stringify(options.variables || {})
  useEffect(() => {
    if (!key) return undefined
    let live = true
    const transport = window.__SANDBOX_GRAPHQL__ || viaPageServer
    const request = inFlight.get(key) || transport(String(query), options.variables || {})
    inFlight.set(key, request)
    request
      .then((answer) => live && setState({ data: answer.data as T, loading: false, error: answer.errors ? new Error('graphql errors') : undefined }))
      .catch((error: Error) => live && setState({ loading: false, error }))
      .finally(() => inFlight.delete(key))
    return () => {
      live = false
    }
    // key holds query and variables
  }, [key])
  return state
}
