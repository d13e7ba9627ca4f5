import { UserInputError, type ServiceContext } from '@vtex/api'
import type { Clients } from '../clients'
import { destinations } from '../destinations'
import type { DestinationName } from '../destinations/destination'
import { replayDeliveries } from '../delivery/replay'
import { statusOf } from '../lib/httpStatus'
import { orderStatusDeps } from '../wiring/orderStatusDeps'
import { deliveryIndexOf } from '../ledgerIndex/forContext'
import { readSettings } from '../settings/readSettings'
import { readHealth } from '../admin/health'
import { COVERAGE_DAYS, readIdentityCoverage } from '../admin/coverage'
import { DeliveryQueryError, readDeliveries, type DeliveryFilter } from '../admin/deliveries'
import { PreviewError, previewForAdmin } from '../admin/preview'
import { replayDeadLetters } from '../admin/replayDeadLetters'
import { AdminAccess } from '../admin/adminAccess'
import { readDeliveryTrend } from '../admin/deliveryTrend'
import { readCoverageTrend } from '../admin/coverageTrend'
import { isTrendWindow, isUtcOffset, UTC_OFFSET_MINUTES, type TrendWindow } from '../admin/timeBuckets'

/**
 * The admin page's queries and mutations. Admin only: the schema's @auth (License Manager product
 * 66, read-write-apps-settings) refuses every other caller before any of these runs. Answers carry
 * ids, counts, reasons and hashes: never a secret, never raw personal data.
 *
 * Whose token: what an admin starts that reads or changes the account's data (orders, customer
 * profiles, the checkout configuration) runs on the admin's own token (AdminAccess), so their
 * License Manager role decides. The app's own storage (the ledger in VBase, its index in the app's
 * Master Data v2 entity) stays on the app's token: @auth's resource governs who sees it, and no
 * merchant should have to grant a reader every customer document to see delivery counts.
 */
type Context = ServiceContext<Clients>

const NAMES = destinations.map((destination) => destination.name as string)

function knownDestination(name: string | null | undefined, fallback?: DestinationName): DestinationName {
  if (!name && fallback) return fallback
  if (!name || !NAMES.includes(name)) throw new UserInputError(`Unknown destination: ${name ?? ''}`)
  return name as DestinationName
}

interface TrendArgs {
  destination?: string | null
  window?: string | null
  utcOffsetMinutes?: number | null
}

/** A chart's arguments, checked: the schema's enum already refuses an unknown window. */
function trendArgs(args: TrendArgs, defaultWindow: TrendWindow): { destination: DestinationName; window: TrendWindow; utcOffsetMinutes: number } {
  const window = args.window ?? defaultWindow
  if (!isTrendWindow(window)) throw new UserInputError(`Unknown window: ${window}`)
  const utcOffsetMinutes = args.utcOffsetMinutes ?? 0
  if (!isUtcOffset(utcOffsetMinutes))
    throw new UserInputError(`utcOffsetMinutes is whole minutes from ${UTC_OFFSET_MINUTES.min} to ${UTC_OFFSET_MINUTES.max}`)
  return { destination: knownDestination(args.destination, 'vtexAds'), window, utcOffsetMinutes }
}

const userErrors = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work()
  } catch (error) {
    if (error instanceof DeliveryQueryError) throw new UserInputError(error.message)
    throw error
  }
}

export const adminQueries = {
  adsEventsHealth: async (_: unknown, __: unknown, ctx: Context) => {
    const settings = await readSettings(() => ctx.clients.apps, ctx.vtex)
    const list = destinations.map((destination) => ({ name: destination.name, enabled: destination.enabled(settings) }))
    return readHealth(deliveryIndexOf(ctx), list, Date.now())
  },

  adsEventsIdentityCoverage: (_: unknown, args: { destination?: string | null; days?: number | null }, ctx: Context) => {
    const days = Math.min(Math.max(1, Math.floor(args.days ?? COVERAGE_DAYS.default)), COVERAGE_DAYS.max)
    return readIdentityCoverage(deliveryIndexOf(ctx), knownDestination(args.destination, 'vtexAds'), days, Date.now())
  },

  adsEventsDeliveryTrend: (_: unknown, args: TrendArgs, ctx: Context) => {
    const { destination, window, utcOffsetMinutes } = trendArgs(args, 'LAST_24_HOURS')
    return readDeliveryTrend(deliveryIndexOf(ctx), destination, window, Date.now(), utcOffsetMinutes)
  },

  adsEventsCoverageTrend: (_: unknown, args: TrendArgs, ctx: Context) => {
    const { destination, window, utcOffsetMinutes } = trendArgs(args, 'LAST_7_DAYS')
    return readCoverageTrend(deliveryIndexOf(ctx), destination, window, Date.now(), utcOffsetMinutes)
  },

  adsEventsDeliveries: (_: unknown, args: { filter?: DeliveryFilter | null; page?: number | null; pageSize?: number | null }, ctx: Context) =>
    userErrors(() => readDeliveries(deliveryIndexOf(ctx), args.filter ?? {}, args, NAMES)),

  adsEventsPreview: async (_: unknown, { orderId }: { orderId: string }, ctx: Context) => {
    if (!/^[A-Za-z0-9._:-]{1,64}$/.test(orderId.trim())) throw new UserInputError('An order id has letters, digits, dots, colons and dashes only')
    const admin = new AdminAccess()
    const deps = await orderStatusDeps(ctx, { freshSettings: true, admin })
    return admin.run(async () => {
      try {
        return await previewForAdmin(orderId.trim(), deps, Date.now())
      } catch (error) {
        if (statusOf(error) === 404) throw new UserInputError(`Order ${orderId.trim()} was not found`)
        if (error instanceof PreviewError) throw new UserInputError(error.message)
        throw error
      }
    })
  },
}

export const adminMutations = {
  adsEventsReplayDeadLetters: async (_: unknown, args: { destination: string }, ctx: Context) => {
    const destination = knownDestination(args.destination)
    const admin = new AdminAccess()
    const deps = await orderStatusDeps(ctx, { freshSettings: true, admin })
    return admin.run(() => replayDeadLetters(deliveryIndexOf(ctx), destination, (orderIds) => replayDeliveries(orderIds, destination, deps)))
  },
}
