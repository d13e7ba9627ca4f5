import { AuthenticationError } from '@vtex/api'

/**
 * Admin-only fields: the schema's @auth makes the GraphQL gateway demand a valid VTEX ID token;
 * here we also demand that it came from the Admin (which sends VtexIdclientAutCookie as
 * adminUserAuthToken; a storefront shopper never has one).
 */
export function requireAdmin(ctx: { vtex: { adminUserAuthToken?: string } }): void {
  if (!ctx.vtex.adminUserAuthToken) throw new AuthenticationError('An admin session is required')
}
