import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * Sandbox stand-in for react-apollo in the admin page: each query or mutation is POSTed, as the
 * admin's render-runtime does, to `/_v/private/graphql/v1` on the same origin with the admin's
 * cookie; the page server hands it to the real Service, whose @auth checks that cookie. The query
 * text is the .gql file (the sandbox build loads it as text). Errors look like Apollo's: the
 * server's messages in `graphQLErrors`.
 */
type Answer<T> = { data?: T; errors?: Array<{ message: string }> }
export interface GraphqlError extends Error {
  graphQLErrors?: Array<{ message: string }>
}

const ENDPOINT = '/_v/private/graphql/v1'

async function run<T>(query: unknown, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: String(query), variables }),
  })
  const answer = (await response.json().catch(() => ({ errors: [{ message: `HTTP ${response.status}` }] }))) as Answer<T>
  if (answer.errors && answer.errors.length > 0) {
    const error = new Error(`GraphQL error: ${answer.errors.map((entry) => entry.message).join('; ')}`) as GraphqlError
    error.graphQLErrors = answer.errors
    throw error
  }
  if (!response.ok) throw new Error(`Network error: HTTP ${response.status}`)
  return answer.data as T
}

interface State<T> {
  data?: T
  loading: boolean
  error?: GraphqlError
}

export function useQuery<T>(query: unknown, options: { variables?: Record<string, unknown>; skip?: boolean } = {}) {
  const [state, setState] = useState<State<T>>({ loading: !options.skip })
  const key = JSON.stringify(options.variables || {})
  const latest = useRef(0)
  const load = useCallback(
    (variables?: Record<string, unknown>) => {
      const call = ++latest.current
      setState((previous) => ({ data: previous.data, loading: true }))
      return run<T>(query, variables || options.variables).then(
        (data) => {
          if (call === latest.current) setState({ data, loading: false })
          return data
        },
        (error: GraphqlError) => {
          if (call === latest.current) setState({ loading: false, error })
        }
      )
    },
    // key holds the variables
    [query, key]
  )
  useEffect(() => {
    if (!options.skip) load()
    return () => {
      latest.current++
    }
  }, [load, options.skip])
  return { ...state, refetch: load }
}

export function useLazyQuery<T>(query: unknown) {
  const [state, setState] = useState<State<T> & { called: boolean }>({ loading: false, called: false })
  const execute = useCallback(
    ({ variables }: { variables?: Record<string, unknown> }) => {
      setState({ loading: true, called: true })
      run<T>(query, variables).then(
        (data) => setState({ data, loading: false, called: true }),
        (error: GraphqlError) => setState({ loading: false, error, called: true })
      )
    },
    [query]
  )
  return [execute, state] as const
}

export function useMutation<T>(mutation: unknown) {
  const [state, setState] = useState<State<T>>({ loading: false })
  const mutate = useCallback(
    async (options: { variables?: Record<string, unknown> } = {}) => {
      setState({ loading: true })
      try {
        const data = await run<T>(mutation, options.variables)
        setState({ data, loading: false })
        return { data }
      } catch (error) {
        setState({ loading: false, error: error as GraphqlError })
        throw error
      }
    },
    [mutation]
  )
  return [mutate, state] as const
}
