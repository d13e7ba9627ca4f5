import { AuthenticationError, type InstanceOptions, type IOContext } from '@vtex/api'

/** What IOClients.getOrSet builds: a client class taking the request's context and its options. */
export type ClientClass<T> = new (context: IOContext, options?: InstanceOptions) => T

/** The admin's own VTEX ID token: @vtex/api reads it from the request's VtexIdclientAutCookie cookie. */
export function adminTokenOf(context: IOContext): string {
  if (!context.adminUserAuthToken)
    // Never fall back to the app's token: that would run an admin's action with the app's policies.
    throw new AuthenticationError("This admin action runs on your own VTEX user: sign in to the VTEX Admin (the VtexIdclientAutCookie cookie) and try again.")
  return context.adminUserAuthToken
}

/**
 * The same client, its calls made on the admin's token instead of the app's: VTEX's App Store
 * engineering guidelines ask user-initiated actions to use `ctx.vtex.adminUserAuthToken`, so the
 * admin's License Manager role, not the app's policies, decides what the action may read or change.
 * The token goes in VtexIdclientAutCookie, as VTEX's "App authentication using auth tokens" and
 * vtex/io-clients (`authMethod: 'ADMIN_TOKEN'`) send it; Proxy-Authorization keeps the app's token
 * (ExternalClient), which the egress proxy checks against the manifest's outbound-access.
 * The wrapped client must let `options.headers` override its own VtexIdclientAutCookie.
 */
export function onAdminToken<T>(Client: ClientClass<T>): ClientClass<T> {
  const Base = Client as unknown as ClientClass<object>
  return class extends Base {
    constructor(context: IOContext, options?: InstanceOptions) {
      super(context, { ...options, headers: { ...options?.headers, VtexIdclientAutCookie: adminTokenOf(context) } })
    }
  } as unknown as ClientClass<T>
}
