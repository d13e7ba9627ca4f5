import type { ServiceContext } from '@vtex/api'
import type { Clients } from '../clients'
import { destinations } from '../destinations'
import type { DestinationName } from '../destinations/destination'
import type { DeliveryRecord } from '../delivery/ledger'
import { replayOrder } from '../delivery/replay'
import { orderStatusDeps } from '../events/orderStatusUpdated'
import { readSettings } from '../settings/readSettings'
import { VBaseLedger } from '../delivery/vbaseLedger'
import { toPublicConfig } from './publicConfig'
import { requireAdmin } from './requireAdmin'

type Context = ServiceContext<Clients>

const KNOWN_DESTINATIONS = new Set<string>(['vtexAds', 'impact', 'openai'])

/** Ledger records go to the admin as they are: they hold ids, hashes and reasons, no PII. */
const deliveryStatus = async (orderId: string, ctx: Context): Promise<DeliveryRecord[]> => {
  const ledger = new VBaseLedger(ctx.clients.vbase)
  const records = await Promise.all(destinations.map((destination) => ledger.get(destination.name, orderId)))
  return records.filter((record): record is DeliveryRecord => record !== undefined)
}

export const resolvers = {
  Query: {
    adsEventsPublicConfig: async (_: unknown, __: unknown, ctx: Context) => toPublicConfig(await readSettings(ctx.clients.apps, ctx.vtex)),

    adsEventsDeliveryStatus: async (_: unknown, { orderId }: { orderId: string }, ctx: Context) => {
      requireAdmin(ctx)
      return deliveryStatus(orderId, ctx)
    },
  },
  Mutation: {
    adsEventsReplay: async (_: unknown, { orderId, destination }: { orderId: string; destination?: string }, ctx: Context) => {
      requireAdmin(ctx)
      if (destination && !KNOWN_DESTINATIONS.has(destination)) throw new Error(`Unknown destination: ${destination}`)
      const deps = await orderStatusDeps(ctx, { freshSettings: true })
      await replayOrder(orderId, deps, destination as DestinationName | undefined)
      return deliveryStatus(orderId, ctx)
    },
  },
}
