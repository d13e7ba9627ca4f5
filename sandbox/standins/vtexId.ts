import { json, type StandIn } from '../lib/standIn'
import type { SandboxState } from '../state'

/**
 * What the @auth directive of @vtex/api calls (runtime graphql schemaDirectives/Auth.js):
 * - VTEX ID `GET http://vtexid.vtex.com.br/api/vtexid/pub/authenticated/user?authToken=<token>`
 *   (app token in Proxy-Authorization): the token's user and account, or `null` for a token VTEX ID
 *   does not know (a forged or expired cookie);
 * - License Manager `GET http://{account}.vtexcommercestable.com.br/api/license-manager/pvt/accounts/
 *   {account}/products/{productCode}/logins/{user}/resources/{resourceCode}/granted` (app token in
 *   Authorization): true or false.
 */
const GRANTED = /^\/api\/license-manager\/pvt\/accounts\/([^/]+)\/products\/([^/]+)\/logins\/([^/]+)\/resources\/([^/]+)\/granted$/

export const grantKey = (user: string, productCode: string, resourceCode: string) => `${user}|${productCode}|${resourceCode}`

export function vtexIdStandIn(state: SandboxState): StandIn {
  return {
    name: 'vtexid',
    hosts: ['vtexid.vtex.com.br'],
    handle({ method, url, headers }) {
      if (method !== 'GET' || url.pathname !== '/api/vtexid/pub/authenticated/user') return undefined
      // The runtime asks with the app's own token; an admin's or a shopper's is not a credential for this.
      if (headers['proxy-authorization'] !== state.appToken) return json(401, { error: 'missing app credentials' })
      const user = state.vtexIdTokens.get(url.searchParams.get('authToken') ?? '')
      return json(200, user ? { user: user.user, account: user.account, userId: user.user, authStatus: 'Success' } : null)
    },
    describe: (_request, reply) => `authenticated user → ${reply.status} ${reply.body ? (reply.body as { user: string }).user : 'unknown token'}`,
  }
}

export function licenseManagerStandIn(state: SandboxState, account: string): StandIn {
  return {
    name: 'license-manager',
    hosts: [`${account}.vtexcommercestable.com.br`],
    handle({ method, url, headers }) {
      const granted = GRANTED.exec(url.pathname)
      if (!granted || method !== 'GET') return undefined
      if (headers['authorization'] !== state.appToken) return json(401, { error: 'missing credentials' })
      const [, accountName, productCode, user, resourceCode] = granted.map(decodeURIComponent)
      return json(200, accountName === account && state.grants.has(grantKey(user, productCode, resourceCode)))
    },
    describe: ({ url }, reply) => `resource granted? ${decodeURIComponent(url.pathname.split('/logins/')[1] ?? '')} → ${JSON.stringify(reply.body)}`,
  }
}
