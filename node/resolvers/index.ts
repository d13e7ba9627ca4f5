import { UserInputError, type ServiceContext } from '@vtex/api'
import type { Clients } from '../clients'
import { destinations } from '../destinations'
import type { DestinationName } from '../destinations/destination'
import type { DeliveryRecord } from '../deliveryStore/ledger'
import { replayDeliveries, replayOrder } from '../delivery/replay'
import { orderStatusDeps } from '../wiring/orderStatusDeps'
import { invalidOrderIds, isOrderId, ORDER_ID_RULE } from '../lib/orderId'
import { readSettings } from '../settings/readSettings'
import { VBaseOrderRecords } from '../deliveryStore/recordStore'
import { deliveryOf } from '../deliveryStore/orderRecord'
import { legacyRecordOf } from '../deliveryStore/migration'
import { legacyLedgerOf } from '../wiring/orderRecords'
import { vbaseStateStore } from '../scheduled/stateStore'
import { toPublicConfig } from '../settings/publicConfig'
import { sponsoredAds } from './sponsoredAds'
import { adsEventsOrderFormApp, adsEventsRegisterOrderFormApp } from '../checkoutRegistration/orderFormConfiguration'
import { adminMutations, adminQueries } from './admin'
import { backfillResolvers } from './backfill'
import { AdminAccess } from '../admin/adminAccess'

type Context = ServiceContext<Clients>

const KNOWN_DESTINATIONS = new Set<string>(destinations.map((destination) => destination.name))
/** One admin call stays well inside the service timeout. */
const MAX_REPLAY = 200

/** Ledger records go to the admin as they are: they hold ids, hashes and reasons, no PII. */
const deliveryStatus = async (orderId: string, ctx: Context): Promise<DeliveryRecord[]> => {
  const stored = await new VBaseOrderRecords(ctx.clients.vbase).get(orderId)
  // An order delivered before one record per order, not migrated yet: its per-destination files.
  const record = stored?.record ?? (await legacyRecordOf(orderId, destinations.map((destination) => destination.name), { legacy: legacyLedgerOf(ctx.clients.vbase), state: vbaseStateStore(ctx.clients.vbase) }))
  return destinations.flatMap((destination) => deliveryOf(record, destination.name) ?? [])
}

export const resolvers = {
  Query: {
    adsEventsPublicConfig: async (_: unknown, __: unknown, ctx: Context) => toPublicConfig(await readSettings(() => ctx.clients.apps, ctx.vtex)),

    // Admin only: the schema's @auth refuses every other caller before this runs.
    adsEventsDeliveryStatus: (_: unknown, { orderId }: { orderId: string }, ctx: Context) => {
      if (!isOrderId(orderId)) throw new UserInputError(`Invalid order id ${invalidOrderIds([orderId]).join('')}: ${ORDER_ID_RULE}`)
      return deliveryStatus(orderId, ctx)
    },

    sponsoredAds,
    adsEventsBackfillJobs: backfillResolvers.adsEventsBackfillJobs,

    // The admin page (admin only, like the two above).
    ...adminQueries,
    adsEventsOrderFormApp,
  },
  /** The destination's error list travels as JSON text: the schema has no JSON scalar. */
  DeliveryRecord: {
    errorsJson: (record: DeliveryRecord) => (record.errors && record.errors.length > 0 ? JSON.stringify(record.errors, null, 2) : null),
  },
  Mutation: {
    adsEventsRegisterOrderFormApp,
    adsEventsBackfill: backfillResolvers.adsEventsBackfill,
    ...adminMutations,
    adsEventsReplay: async (_: unknown, { orderIds, destination }: { orderIds: string[]; destination?: string }, ctx: Context) => {
      if (destination && !KNOWN_DESTINATIONS.has(destination)) throw new UserInputError(`Unknown destination: ${destination}`)
      if (orderIds.length === 0 || orderIds.length > MAX_REPLAY) throw new UserInputError(`Replay 1 to ${MAX_REPLAY} orders at a time`)
      const invalid = invalidOrderIds(orderIds)
      if (invalid.length > 0) throw new UserInputError(`Invalid order id ${invalid.join(', ')}: ${ORDER_ID_RULE}`)
      // The admin's own token reads the orders (AdminAccess): a role without OMS "View order" is told so, nothing changes.
      const admin = new AdminAccess()
      const deps = await orderStatusDeps(ctx, { freshSettings: true, admin })
      await admin.run(async () => {
        if (destination) await replayDeliveries(orderIds, destination as DestinationName, deps)
        else for (const orderId of orderIds) await replayOrder(orderId, deps)
      })
      return (await Promise.all(orderIds.map((orderId) => deliveryStatus(orderId, ctx)))).flat()
    },
  },
}
