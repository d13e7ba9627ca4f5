import type { ClientsConfig } from '@vtex/api'
import { Clients } from '.'

/**
 * Timeouts and retries per client. The handler's own retry budget lives in delivery/, not here.
 *
 * VBase and OMS are not memoized: @vtex/api memoizes every GET of a client for the whole request
 * (HttpClient memoization middleware, on by default), so a ledger record read again after a
 * claim, a claim listing after a write, or an order read again after a 404 would return the first
 * answer, and a scheduled run that handles many orders in one request would act on stale records.
 */
export const clientsConfig: ClientsConfig<Clients> = {
  implementation: Clients,
  options: {
    default: { retries: 2, timeout: 5_000 },
    vbase: { memoizable: false },
    // OMS: the pipeline retries itself within the handler's deadline (order/readOrder.ts).
    oms: { retries: 0, timeout: 3_000, memoizable: false },
    // The customer's CL profile, read only for hard-masked e-mails.
    masterdata: { retries: 1, timeout: 3_000 },
    // The same APIs on the admin's token (admin page actions): the same limits.
    adminOms: { retries: 0, timeout: 3_000, memoizable: false },
    adminMasterdata: { retries: 1, timeout: 3_000 },
    vtexAdsEvents: { retries: 0, timeout: 5_000 },
    impact: { retries: 0, timeout: 5_000 },
    openaiAds: { retries: 0, timeout: 5_000 },
    // Get ads: the resolver passes its remaining 600 ms budget per call; never retried.
    vtexAdsQuery: { retries: 0, timeout: 600 },
  },
}
