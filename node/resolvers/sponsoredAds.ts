import type { ServiceContext } from '@vtex/api'
import type { Clients } from '../clients'
import { querySponsoredAds } from '../ads/querySponsoredAds'
import type { SponsoredAdsResult } from '../ads/adAnswer'
import { storefrontSite } from '../ads/storefrontSite'
import { readSettings } from '../settings/readSettings'
import { logger } from '../lib/logger'

/**
 * GraphQL `sponsoredAds(input)`: per-session ads for the storefront blocks (cache scope PRIVATE in
 * the schema: never shared between shoppers). The publisher id, base URL and site brand are read
 * here, on the server (the brand from the request's host and segment, as the platform forwards
 * them); the browser sends only its page context and ids.
 */
export const sponsoredAds = (_: unknown, { input }: { input: unknown }, ctx: ServiceContext<Clients>): Promise<SponsoredAdsResult> =>
  querySponsoredAds(input, {
    settings: () => readSettings(() => ctx.clients.apps, ctx.vtex),
    getAds: (url, body, timeoutMs) => ctx.clients.vtexAdsQuery.getAds(url, body, timeoutMs),
    log: (entry) => logger(ctx.vtex.logger).warn({ ...entry }),
  }, storefrontSite(ctx.vtex))
