import type { AppSettings } from '../settings/appSettings'

/**
 * The brand (site) a sale belongs to: the first mapping row whose sales channel or hostname
 * matches the order, else the store-wide brand. VTEX Ads needs it when one publisher has many sites.
 */
export function resolveBrand(
  order: { salesChannel?: string; hostname?: string },
  settings: Pick<AppSettings, 'brand' | 'brandMappings'>
): string | undefined {
  const hostname = order.hostname?.toLowerCase()
  const mapped = settings.brandMappings.find(
    (row) =>
      (row.salesChannel !== undefined && row.salesChannel === order.salesChannel) ||
      (row.hostname !== undefined && row.hostname === hostname)
  )
  return mapped?.brand ?? settings.brand
}
