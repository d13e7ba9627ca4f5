/**
 * What VTEX's router does in front of an app's public routes: it matches the path to a route of
 * service.json, enforces the route's resource-based policies (`access: "authorized"`: only the
 * principals its `policies` allow, for the actions they allow; vtex/skills vtex-io-rbac,
 * vtex-apps/b2b-quotes-graphql's scheduler route), and hands the request to the app with the
 * route id (x-colossus-route-id, which @vtex/api's public router dispatches on).
 */
export interface RoutePolicy {
  effect: 'allow' | 'deny'
  actions: string[]
  principals: string[]
}

export interface ServiceRoute {
  path: string
  public?: boolean
  access?: 'authorized' | string
  policies?: RoutePolicy[]
}

export type Routing = { routeId: string } | { status: 403 | 404; message: string }

const globMatches = (pattern: string, value: string) =>
  new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(value)

export function routeRequest(routes: Record<string, ServiceRoute>, method: string, path: string, principal: string | undefined): Routing {
  const pathname = path.split('?')[0]
  const found = Object.entries(routes).find(([, route]) => route.public && route.path === pathname)
  if (!found) return { status: 404, message: `no public route for ${pathname}` }
  const [routeId, route] = found
  if (route.access === 'authorized') {
    const action = method.toLowerCase()
    const applies = (policy: RoutePolicy) => policy.actions.includes(action) && principal !== undefined && policy.principals.some((pattern) => globMatches(pattern, principal))
    const policies = route.policies ?? []
    if (policies.some((policy) => policy.effect === 'deny' && applies(policy)) || !policies.some((policy) => policy.effect === 'allow' && applies(policy)))
      return { status: 403, message: `route ${routeId}: ${principal ?? 'an anonymous caller'} may not ${action} it` }
  }
  return { routeId }
}
