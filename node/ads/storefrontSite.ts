/**
 * Which of the store's sites a storefront request comes from, as conversion/brand.ts matches a sale:
 * its sales channel and its hostname. Both come from the request as VTEX's router forwards it, not
 * from the GraphQL input: the host the shopper is on (`x-forwarded-host`, @vtex/api's `ctx.vtex.host`)
 * and the shopper's segment (`x-vtex-segment`, `ctx.vtex.segmentToken`: base64 of a JSON object whose
 * `channel` is the sales channel id, as vtex-apps/adserver-resolver decodes it in its storefront
 * resolver, `node/utils/region.ts`). Anything odd is left out: the brand then falls back to the
 * other key, or to the store-wide brand. Pure: no I/O.
 */
export interface StorefrontSite {
  salesChannel?: string
  hostname?: string
}

const SALES_CHANNEL = /^\d{1,10}$/
/** A DNS name (labels of letters, digits and hyphens), at most 253 characters. */
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/
/** A segment token is a few hundred bytes; more is not one. */
const MAX_SEGMENT_TOKEN = 8192

const salesChannelOf = (segmentToken: string | undefined): string | undefined => {
  if (!segmentToken || segmentToken.length > MAX_SEGMENT_TOKEN) return undefined
  try {
    const segment = JSON.parse(Buffer.from(segmentToken, 'base64').toString('utf8')) as { channel?: unknown }
    const channel = typeof segment?.channel === 'number' ? String(segment.channel) : segment?.channel
    return typeof channel === 'string' && SALES_CHANNEL.test(channel) ? channel : undefined
  } catch {
    return undefined
  }
}

/** The host without its port, lower-cased (brandMappings' hostnames are stored lower-cased). */
const hostnameOf = (host: string | undefined): string | undefined => {
  const hostname = host?.split(',')[0].trim().replace(/:\d+$/, '').toLowerCase()
  return hostname && HOSTNAME.test(hostname) ? hostname : undefined
}

export function storefrontSite(vtex: { host?: string; segmentToken?: string }): StorefrontSite {
  const salesChannel = salesChannelOf(vtex.segmentToken)
  const hostname = hostnameOf(vtex.host)
  return { ...(salesChannel ? { salesChannel } : {}), ...(hostname ? { hostname } : {}) }
}
