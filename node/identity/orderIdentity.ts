import type { VtexOrder } from '../typings/order'

/** The app id under which the storefront writes the ids into orderForm customData. */
export const CUSTOM_DATA_APP_ID = 'ads-events'
export const CUSTOM_DATA_FIELDS = ['session_id', 'user_id', 'impact_click_id', 'oppref'] as const
type CustomDataField = (typeof CUSTOM_DATA_FIELDS)[number]

/** Both sides validate every id the browser wrote: anything else is treated as absent. */
export const IDENTITY_VALUE_PATTERN = /^[A-Za-z0-9._:~-]{1,128}$/

export interface OrderIdentity {
  sessionId?: string
  /** The VTEX profile id: the OMS order's userProfileId, else what the storefront wrote. */
  userId?: string
  impactClickId?: string
  oppref?: string
  /** Fields present but rejected by the pattern, e.g. `invalid-identity:session_id` (values never kept). */
  notes: string[]
}

const validIdentity = (value: unknown): string | undefined =>
  typeof value === 'string' && IDENTITY_VALUE_PATTERN.test(value) ? value : undefined

export function readOrderIdentity(order: VtexOrder): OrderIdentity {
  const app = order.customData?.customApps?.find((entry) => entry?.id === CUSTOM_DATA_APP_ID)
  const fields = (app?.fields ?? {}) as Partial<Record<CustomDataField, unknown>>
  const notes: string[] = []

  const read = (field: CustomDataField): string | undefined => {
    const raw = fields[field]
    if (raw === undefined || raw === null || raw === '') return undefined
    const value = validIdentity(raw)
    if (!value) notes.push(`invalid-identity:${field}`)
    return value
  }

  const sessionId = read('session_id')
  const customDataUserId = read('user_id')
  const profileUserId = validIdentity(order.clientProfileData?.userProfileId)

  return {
    sessionId,
    userId: profileUserId ?? customDataUserId,
    impactClickId: read('impact_click_id'),
    oppref: read('oppref'),
    notes,
  }
}
