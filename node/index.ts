import { method, Service, type ParamsContext, type RecorderState } from '@vtex/api'
import { installRuntimeSteps } from './runtime'
import type { Clients } from './clients'
import { clientsConfig } from './clients/options'
import { orderStatusUpdated } from './events/orderStatusUpdated'
import { appSetup } from './events/appSetup'
import { resolvers } from './resolvers'
import { scheduledRun } from './routes/scheduledRun'

// Before the Service builds its handlers: a broadcast it cannot parse is recorded, not answered
// 500; a multipart GraphQL request never reaches a vulnerable parser (node/runtime/).
installRuntimeSteps()

export default new Service<Clients, RecorderState, ParamsContext>({
  clients: clientsConfig,
  events: { orderStatusUpdated, appSetup },
  routes: { scheduledRun: method({ POST: scheduledRun }) },
  graphql: { resolvers },
})
