import type { VtexOrder } from '../typings/order'
import { recoverEmail } from './email'
import { IDENTITY_VALUE_PATTERN } from './orderIdentity'

/**
 * OMS masks the customer's e-mail (Conversation Tracker) and "Stores are configured as hard by
 * default" (VTEX Help Center): an opaque `<hex>@ct.vtex.com.br` alias that nothing can reverse.
 * VTEX points to Master Data for the real address: the customer's `CL` document, whose `userId`
 * is the order's `clientProfileData.userProfileId`. Pure: which profile to look up, and the order
 * with the address put back, in memory only (never logged, never stored).
 */

/** The profile to read, when the order's e-mail is an unrecoverable alias and the order names a valid profile id. */
export function profileToLookUp(order: VtexOrder): string | undefined {
  const recovered = recoverEmail(order.clientProfileData?.email)
  if (!('reason' in recovered) || recovered.reason !== 'email-masked-unrecoverable') return undefined
  const userProfileId = order.clientProfileData?.userProfileId
  return typeof userProfileId === 'string' && IDENTITY_VALUE_PATTERN.test(userProfileId) ? userProfileId : undefined
}

/** The same order with the customer's real address in place of the alias. */
export const withProfileEmail = (order: VtexOrder, email: string): VtexOrder => ({
  ...order,
  clientProfileData: { ...order.clientProfileData, email },
})

/** Notes (reasons only, never the address) that say what the resolution did. */
export const EMAIL_RESOLVED_NOTE = 'email-resolved: from the customer profile (Master Data CL)'
export const emailUnresolvedNote = (why: string) => `email-unresolved: ${why}`
