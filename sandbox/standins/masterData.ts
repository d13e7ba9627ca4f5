import { json, type StandIn } from '../lib/standIn'
import type { SandboxState } from '../state'

/**
 * Master Data v1 as the @vtex/api MasterData client reaches it: `http://api.vtex.com/api/
 * dataentities/{entity}/search?an={account}&_fields=…&_where=…` with `VtexIdclientAutCookie` and a
 * `REST-Range` header. Serves the `CL` (customer) entity only: `_where=userId=<id>` (quoted or not),
 * the fields asked for, `REST-Content-Range` like the API. `_fields` is required, as the client
 * always sends it.
 */
const SEARCH = /^\/api\/dataentities\/([A-Za-z0-9_]+)\/search$/
const WHERE_USER_ID = /^userId=(?:"([^"]+)"|'([^']+)'|([^\s"']+))$/

export function masterDataStandIn(state: SandboxState, account: string): StandIn {
  return {
    name: 'masterdata',
    hosts: ['api.vtex.com'],
    handle({ method, url, headers }) {
      const search = SEARCH.exec(url.pathname)
      if (!search || method !== 'GET') return undefined
      if (!headers['vtexidclientautcookie']) return json(401, { Message: 'Unauthorized' })
      if (url.searchParams.get('an') !== account) return json(404, { Message: `account ${url.searchParams.get('an')} not found` })
      if (search[1] !== 'CL') return json(404, { Message: `data entity ${search[1]} not found` })
      const fields = (url.searchParams.get('_fields') ?? '').split(',').filter(Boolean)
      if (fields.length === 0) return json(400, { Message: '_fields is required' })
      const where = WHERE_USER_ID.exec(url.searchParams.get('_where') ?? '')
      if (!where) return json(400, { Message: 'this stand-in searches CL by userId only' })
      const profile = state.profiles.get(where[1] ?? where[2] ?? where[3])
      const documents = profile ? [Object.fromEntries(fields.map((field) => [field, profile[field as keyof typeof profile] ?? null]))] : []
      const total = documents.length
      return json(200, documents, { 'rest-content-range': `resources ${total === 0 ? '0-0' : `0-${total}`}/${total}` })
    },
    describe: ({ url }, reply) => `CL search ${url.searchParams.get('_where') ?? ''} → ${reply.status} (${Array.isArray(reply.body) ? reply.body.length : 0} document(s))`,
  }
}
