import { toConversion, type Conversion } from '../conversion/conversion'
import { recoverEmail } from '../identity/email'
import { EMAIL_RESOLVED_NOTE, emailUnresolvedNote, profileToLookUp, withProfileEmail } from '../identity/profileEmail'
import type { VtexOrder } from '../typings/order'
import { isTransientStatus, statusOf } from '../lib/httpStatus'

/** Reads the e-mail of the customer profile `userId` (Master Data CL); undefined when there is no such profile. */
export type ProfileEmailLookup = (userId: string) => Promise<string | undefined>
/** A store where no profile can be read for the e-mail: the note recorded instead. */
export interface NoProfileLookup {
  unavailable: string
}
export type EmailLookup = ProfileEmailLookup | NoProfileLookup

/**
 * Data Protection Plus: the order was read from the Orders API's PII version with `reason`, so its
 * e-mail is the real one. When it is still masked there is nowhere else to look: such stores have
 * no Master Data CL (VTEX: "In the PII data architecture, Master Data does not have CL, AD, BK
 * entities"), and their Profile System's unmask endpoint is granted to users and API keys
 * (License Manager "Profile System / Documents / Get Item"), through no policy VTEX documents for
 * IO apps.
 */
export const DPP_NO_PROFILE_LOOKUP: NoProfileLookup = {
  unavailable:
    'email-dpp-unresolved: the Orders API (PII version) answered no readable e-mail, and a Data Protection Plus store has no Master Data CL; VTEX documents no app policy for its Profile System',
}

/** Master Data has no CL entity in a Data Protection Plus store: a 404 there points at the setting. */
const DPP_HINT = '; a store on Data Protection Plus has no Master Data CL: turn on "My store uses Data Protection Plus" in the app settings'

/** Thrown when the profile could not be read for a reason that may pass (5xx, 429, no answer): retry later. */
export class ProfileUnreadableError extends Error {
  constructor(readonly reason: string) {
    super(reason)
    this.name = 'ProfileUnreadableError'
  }
}

export interface ResolvedOrder {
  order: VtexOrder
  /** What the resolution did or why it could not (no PII). */
  note?: string
}

/**
 * A hard-masked order gets its customer's real e-mail from the profile, so VTEX Ads receives
 * `email_hashed` of the real address. Refusals (4xx, e.g. a missing policy) and a missing or
 * unusable profile leave the order as it is with a note saying why; transient failures throw.
 */
export async function resolveMaskedEmail(order: VtexOrder, lookup: EmailLookup | undefined): Promise<ResolvedOrder> {
  const userId = profileToLookUp(order)
  if (!userId) return { order }
  if (!lookup) return { order, note: emailUnresolvedNote('the customer profile was not looked up') }
  if (typeof lookup !== 'function') return { order, note: lookup.unavailable }
  let email: string | undefined
  try {
    email = await lookup(userId)
  } catch (error) {
    const status = statusOf(error)
    if (isTransientStatus(status)) throw new ProfileUnreadableError(`profile-unreadable: ${status ? `http-${status}` : 'no answer'}`)
    return { order, note: emailUnresolvedNote(`profile lookup refused (http-${status})${status === 404 ? DPP_HINT : ''}`) }
  }
  if (email === undefined) return { order, note: emailUnresolvedNote('no Master Data CL document for the order\'s userProfileId') }
  if ('reason' in recoverEmail(email)) return { order, note: emailUnresolvedNote('the CL document holds no usable e-mail') }
  return { order: withProfileEmail(order, email), note: EMAIL_RESOLVED_NOTE }
}

/**
 * OMS order → Conversion, as every path (broadcast, replay) does it: the masked e-mail resolved
 * first, then the pure mapping; the resolution's note joins the conversion's notes.
 * Throws UnmappableOrderError (dead letter) or ProfileUnreadableError (retry later).
 */
export async function convertOrder(order: VtexOrder, lookup: EmailLookup | undefined): Promise<Conversion> {
  const resolved = await resolveMaskedEmail(order, lookup)
  const conversion = toConversion(resolved.order)
  if (resolved.note) conversion.notes.push(resolved.note)
  return conversion
}
