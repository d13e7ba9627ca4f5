/**
 * The merchant's settings (manifest.json settingsSchema), normalized at the boundary:
 * every consumer gets defaults applied and types checked, never the raw object.
 */
export const ORDER_FLOW_TRIGGERS = ['order-created', 'payment-approved', 'ready-for-handling', 'invoiced'] as const
export type ConversionTrigger = (typeof ORDER_FLOW_TRIGGERS)[number]

export interface BrandMapping {
  salesChannel?: string
  hostname?: string
  brand: string
}

/** Maps the order's customer class to a CustomerStatus configured on the impact event type. */
export interface ImpactCustomerStatusMapping {
  customerClass: string
  status: string
}

export interface AppSettings {
  publisherId?: string
  conversionStatus: ConversionTrigger
  channel: string
  brand?: string
  brandMappings: BrandMapping[]
  /** Also convert a seller's fulfillment orders of marketplace sales (origin Fulfillment); off: the marketplace reports them. */
  convertFulfillmentOrders: boolean
  vtexAdsEnabled: boolean
  /** Storefront: no identifier cookie before the shopper's consent (LGPD/GDPR stores). */
  requireConsent: boolean
  /**
   * The store runs VTEX's Data Protection Plus (PII data architecture): orders are read from the
   * Orders API's PII version with `reason` (e-mail unmasked), and no Master Data CL exists there.
   * Nothing VTEX documents on a classic order tells such a store apart, so the merchant says so.
   */
  dataProtectionPlus: boolean
  eventsBaseUrl: string
  adsBaseUrl: string
  impactEnabled: boolean
  impactAccountSid?: string
  impactAuthToken?: string
  impactCampaignId?: string
  impactEventTypeId?: string
  impactCustomerStatusMappings: ImpactCustomerStatusMapping[]
  impactBaseUrl: string
  openaiEnabled: boolean
  openaiPixelId?: string
  openaiApiKey?: string
  openaiValidateOnly: boolean
  openaiBaseUrl: string
}

/** Keys whose values are secrets: redacted in previews, never logged, never sent to the browser. */
export const SECRET_SETTING_KEYS = ['impactAuthToken', 'openaiApiKey'] as const

export const DEFAULT_EVENTS_BASE_URL = 'https://events.newtail-media.newtail.com.br'
export const DEFAULT_ADS_BASE_URL = 'https://newtail-media.newtail.com.br'
export const DEFAULT_IMPACT_BASE_URL = 'https://api.impact.com'
export const DEFAULT_OPENAI_BASE_URL = 'https://bzr.openai.com'

const text = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

const flag = (value: unknown, fallback: boolean): boolean => (typeof value === 'boolean' ? value : fallback)

/** Base URLs are settings so tests and the sandbox can point them at stand-ins; only http(s), no trailing slash. */
const baseUrl = (value: unknown, fallback: string): string => {
  const candidate = text(value)
  if (!candidate) return fallback
  try {
    const url = new URL(candidate)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return fallback
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
  } catch {
    return fallback
  }
}

const brandMappings = (value: unknown): BrandMapping[] => {
  if (!Array.isArray(value)) return []
  return value.flatMap((row): BrandMapping[] => {
    if (typeof row !== 'object' || row === null) return []
    const { salesChannel, hostname, brand } = row as Record<string, unknown>
    const mapped = { salesChannel: text(salesChannel), hostname: text(hostname)?.toLowerCase(), brand: text(brand) }
    if (!mapped.brand || (!mapped.salesChannel && !mapped.hostname)) return []
    return [mapped as BrandMapping]
  })
}

const impactCustomerStatusMappings = (value: unknown): ImpactCustomerStatusMapping[] => {
  if (!Array.isArray(value)) return []
  return value.flatMap((row): ImpactCustomerStatusMapping[] => {
    if (typeof row !== 'object' || row === null) return []
    const customerClass = text((row as Record<string, unknown>).customerClass)
    const status = text((row as Record<string, unknown>).status)
    return customerClass && status ? [{ customerClass, status }] : []
  })
}

export function normalizeSettings(raw: unknown): AppSettings {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  const trigger = ORDER_FLOW_TRIGGERS.find((status) => status === input.conversionStatus) ?? 'order-created'
  return {
    publisherId: text(input.publisherId),
    conversionStatus: trigger,
    channel: text(input.channel) ?? 'ecommerce',
    brand: text(input.brand),
    brandMappings: brandMappings(input.brandMappings),
    convertFulfillmentOrders: flag(input.convertFulfillmentOrders, false),
    vtexAdsEnabled: flag(input.vtexAdsEnabled, true),
    requireConsent: flag(input.requireConsent, false),
    dataProtectionPlus: flag(input.dataProtectionPlus, false),
    eventsBaseUrl: baseUrl(input.eventsBaseUrl, DEFAULT_EVENTS_BASE_URL),
    adsBaseUrl: baseUrl(input.adsBaseUrl, DEFAULT_ADS_BASE_URL),
    impactEnabled: flag(input.impactEnabled, false),
    impactAccountSid: text(input.impactAccountSid),
    impactAuthToken: text(input.impactAuthToken),
    impactCampaignId: text(input.impactCampaignId),
    impactEventTypeId: text(input.impactEventTypeId),
    impactCustomerStatusMappings: impactCustomerStatusMappings(input.impactCustomerStatusMappings),
    impactBaseUrl: baseUrl(input.impactBaseUrl, DEFAULT_IMPACT_BASE_URL),
    openaiEnabled: flag(input.openaiEnabled, false),
    openaiPixelId: text(input.openaiPixelId),
    openaiApiKey: text(input.openaiApiKey),
    openaiValidateOnly: flag(input.openaiValidateOnly, false),
    openaiBaseUrl: baseUrl(input.openaiBaseUrl, DEFAULT_OPENAI_BASE_URL),
  }
}
