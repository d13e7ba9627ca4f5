import { AuthenticationError, ForbiddenError } from '@vtex/api'

/**
 * Admin-only fields: the schema's @auth makes the GraphQL gateway demand a valid VTEX ID token;
 * here we also demand that it is an admin's token (the Admin sends VtexIdclientAutCookie as
 * adminUserAuthToken; a storefront shopper never has one).
 */
export function requireAdmin(ctx: { vtex: { adminUserAuthToken?: string } }): void {
  if (!ctx.vtex.adminUserAuthToken) throw new AuthenticationError('An admin session is required')
  if (ctx.vtex.adminUserAuthToken.length < 16) throw new ForbiddenError('Invalid admin session')
}
