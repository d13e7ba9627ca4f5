import type { AppSettings } from './appSettings'

/**
 * The only projection of the settings the storefront ever sees: flags, no ids or secrets
 * (a test asserts it cannot carry a secret).
 */
export interface PublicConfig {
  hasPublisher: boolean
  vtexAdsEnabled: boolean
  /** The storefront writes no identifier cookie before consent (the store's setting). */
  requireConsent: boolean
}

export const toPublicConfig = (settings: AppSettings): PublicConfig => ({
  hasPublisher: settings.publisherId !== undefined,
  vtexAdsEnabled: settings.vtexAdsEnabled,
  requireConsent: settings.requireConsent,
})
