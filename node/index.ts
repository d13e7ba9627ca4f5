import { method, Service, type ClientsConfig, type ParamsContext, type RecorderState } from '@vtex/api'
import { installRuntimeSteps } from './runtime'
import { Clients } from './clients'
import { orderStatusUpdated } from './events/orderStatusUpdated'
import { appSetup } from './events/appSetup'
import { resolvers } from './resolvers'
import { scheduledRun } from './routes/scheduledRun'

/** Timeouts per client: the handler's retry budget lives in delivery/retry.ts, not here. */
const clients: ClientsConfig<Clients> = {
  implementation: Clients,
  options: {
    default: { retries: 2, timeout: 5_000 },
    // OMS: the pipeline retries itself within the handler's deadline (delivery/readOrder.ts).
    oms: { retries: 0, timeout: 3_000 },
    // The customer's CL profile, read only for hard-masked e-mails.
    masterdata: { retries: 1, timeout: 3_000 },
    vtexAdsEvents: { retries: 0, timeout: 5_000 },
    impact: { retries: 0, timeout: 5_000 },
    openaiAds: { retries: 0, timeout: 5_000 },
    // Get ads: the resolver passes its remaining 600 ms budget per call; never retried.
    vtexAdsQuery: { retries: 0, timeout: 600 },
  },
}

// Before the Service builds its handlers: a broadcast it cannot parse is recorded, not answered
// 500; a multipart GraphQL request never reaches a vulnerable parser (node/runtime/).
installRuntimeSteps()

export default new Service<Clients, RecorderState, ParamsContext>({
  clients,
  events: { orderStatusUpdated, appSetup },
  routes: { scheduledRun: method({ POST: scheduledRun }) },
  graphql: { resolvers },
})
