import type { VtexOrder } from '../typings/order'

/** The app id under which the storefront writes the ids into orderForm customData. */
export const CUSTOM_DATA_APP_ID = 'ads-events'
/**
 * The fields of that app, registered in the checkout orderForm configuration: the ids, and
 * `consent`, which holds `denied` when the shopper refused the store's consent manager (no
 * identifier: a refusal is recorded without saying who refused).
 */
export const CUSTOM_DATA_FIELDS = ['session_id', 'user_id', 'impact_click_id', 'oppref', 'consent'] as const
type CustomDataField = (typeof CUSTOM_DATA_FIELDS)[number]
/** The one value of `consent` the storefront writes (react/identity/identity.ts, bridgePlan): the consent manager's answer. */
export const CONSENT_REFUSED = 'denied'

/** Both sides validate every id the browser wrote: anything else is treated as absent. */
export const IDENTITY_VALUE_PATTERN = /^[A-Za-z0-9._:~-]{1,128}$/

export interface OrderIdentity {
  /** The storefront's visitor id (customData `session_id`): absent for orders placed without our storefront session. */
  sessionId?: string
  /** The VTEX profile id: the OMS order's userProfileId, else what the storefront wrote. */
  userId?: string
  impactClickId?: string
  oppref?: string
  /**
   * The shopper refused consent in the store's consent manager (customData `consent: denied`).
   * Then no id the storefront wrote is read: a refusal wins over ids written before it.
   */
  consentRefused: boolean
  /** Fields present but rejected by the pattern, e.g. `invalid-identity:session_id` (values never kept). */
  notes: string[]
}

const validIdentity = (value: unknown): string | undefined =>
  typeof value === 'string' && IDENTITY_VALUE_PATTERN.test(value) ? value : undefined

export function readOrderIdentity(order: VtexOrder): OrderIdentity {
  const app = order.customData?.customApps?.find((entry) => entry?.id === CUSTOM_DATA_APP_ID)
  const fields = (app?.fields ?? {}) as Partial<Record<CustomDataField, unknown>>
  const notes: string[] = []

  const present = (field: CustomDataField): boolean => fields[field] !== undefined && fields[field] !== null && fields[field] !== ''
  const read = (field: CustomDataField): string | undefined => {
    if (!present(field)) return undefined
    const value = validIdentity(fields[field])
    if (!value) notes.push(`invalid-identity:${field}`)
    return value
  }

  const profileUserId = validIdentity(order.clientProfileData?.userProfileId)
  // Any other value is not a refusal the storefront could have written: recorded, and not taken as one.
  const consentRefused = present('consent') && fields.consent === CONSENT_REFUSED
  if (present('consent') && !consentRefused) notes.push('invalid-identity:consent')
  if (consentRefused) return { userId: profileUserId, consentRefused, notes: ['consent-refused'] }

  const sessionId = read('session_id')
  const customDataUserId = read('user_id')

  return {
    sessionId,
    userId: profileUserId ?? customDataUserId,
    impactClickId: read('impact_click_id'),
    oppref: read('oppref'),
    consentRefused,
    notes,
  }
}
