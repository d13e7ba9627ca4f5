import { json, type StandIn } from '../lib/standIn'
import type { SandboxState } from '../state'
import { asOmsAnswers, asPiiAnswer, asPiiMasked } from '../platform/emailMasking'
import { listOrders } from './omsList'

/**
 * VTEX OMS (and the checkout orderForm configuration) as the IO clients reach it: plain http to
 * portal.vtexcommercestable.com.br through the egress proxy, `?an=<account>`, app token in
 * Proxy-Authorization / VtexIdclientAutCookie. Orders come back with the customer's e-mail masked
 * as the store's Conversation Tracker setting says (hard unless the sandbox is told otherwise).
 */
export function omsStandIn(state: SandboxState, account: string): StandIn {
  return {
    name: 'oms',
    hosts: ['portal.vtexcommercestable.com.br', `${account}.vtexcommercestable.com.br`],
    handle({ method, url, headers, body }) {
      // Other APIs share these hosts (License Manager): only OMS (both versions) and checkout paths are this stand-in's.
      if (!/^\/api\/(oms|orders|checkout)\//.test(url.pathname)) return undefined
      if (!headers['proxy-authorization'] && !headers['vtexidclientautcookie']) return json(401, { error: { message: 'missing credentials' } })

      if (url.pathname === '/api/oms/pvt/orders' && method === 'GET') {
        const answer = listOrders(state.orders.values(), url.searchParams)
        return json(answer.status, answer.body)
      }

      const order = /^\/api\/oms\/pvt\/orders\/([^/]+)$/.exec(url.pathname)
      if (order && method === 'GET') {
        const injected = state.takeInjectedFailure('oms')
        if (injected) return json(injected, { error: { code: String(injected), message: `sandbox: injected ${injected}` } })
        const found = state.orders.get(decodeURIComponent(order[1]))
        return found ? json(200, asOmsAnswers(found, state.emailMasking)) : json(404, { error: { code: '404', message: 'Order not found' } })
      }

      // The Orders API's PII version (Data Protection Plus stores): unmasked with `reason`, masked with asterisks without.
      const piiOrder = /^\/api\/orders\/pvt\/document\/([^/]+)$/.exec(url.pathname)
      if (piiOrder && method === 'GET') {
        const found = state.orders.get(decodeURIComponent(piiOrder[1]))
        if (!found) return json(404, { error: { code: '404', message: 'Order not found' } })
        return json(200, url.searchParams.get('reason') ? asPiiAnswer(found) : asPiiMasked(found))
      }

      if (url.pathname === '/api/checkout/pvt/configuration/orderForm') {
        if (method === 'GET') return json(200, state.orderFormConfiguration)
        if (method === 'POST' || method === 'PUT') {
          state.orderFormConfiguration = JSON.parse(body.toString('utf8'))
          return { status: 204 }
        }
      }
      return undefined
    },
    describe: ({ method, url }, reply) => `${method} ${url.pathname} → ${reply.status}`,
  }
}
