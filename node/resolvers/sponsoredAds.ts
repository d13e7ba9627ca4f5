import type { ServiceContext } from '@vtex/api'
import type { Clients } from '../clients'
import { querySponsoredAds } from '../ads/querySponsoredAds'
import type { SponsoredAdsResult } from '../ads/adAnswer'
import { readSettings } from '../settings/readSettings'

/**
 * GraphQL `sponsoredAds(input)`: per-session ads for the storefront blocks (cache scope PRIVATE in
 * the schema: never shared between shoppers). The publisher id and base URL are read here, on the
 * server; the browser sends only its page context and ids.
 */
export const sponsoredAds = (_: unknown, { input }: { input: unknown }, ctx: ServiceContext<Clients>): Promise<SponsoredAdsResult> =>
  querySponsoredAds(input, {
    settings: () => readSettings(() => ctx.clients.apps, ctx.vtex),
    getAds: (url, body, timeoutMs) => ctx.clients.vtexAdsQuery.getAds(url, body, timeoutMs),
    log: (entry) => ctx.vtex.logger.warn(entry),
  })
