import { Service, type ClientsConfig, type ParamsContext, type RecorderState } from '@vtex/api'
import { Clients } from './clients'
import { orderStatusUpdated } from './events/orderStatusUpdated'
import { appSetup } from './events/appSetup'
import { resolvers } from './resolvers'

/** Timeouts per client: the handler's retry budget lives in delivery/retry.ts, not here. */
const clients: ClientsConfig<Clients> = {
  implementation: Clients,
  options: {
    default: { retries: 2, timeout: 5_000 },
    // The ledger is read again after it is written within one request (a replay answers with the
    // records it just wrote): @vtex/api memoizes GETs per request unless told not to.
    vbase: { memoizable: false },
    oms: { retries: 2, timeout: 5_000 },
    // The customer's CL profile, read only for hard-masked e-mails.
    masterdata: { retries: 1, timeout: 3_000 },
    vtexAdsEvents: { retries: 0, timeout: 5_000 },
    impact: { retries: 0, timeout: 5_000 },
    openaiAds: { retries: 0, timeout: 5_000 },
    // Get ads: the resolver passes its remaining 600 ms budget per call; never retried.
    vtexAdsQuery: { retries: 0, timeout: 600 },
  },
}

export default new Service<Clients, RecorderState, ParamsContext>({
  clients,
  events: { orderStatusUpdated, appSetup },
  graphql: { resolvers },
})
