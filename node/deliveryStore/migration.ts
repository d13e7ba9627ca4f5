import type { DestinationName } from '../destinations/destination'
import type { DeliveryRecord } from './ledger'
import { deliveryOf, foldDeliveries, type OrderRecord } from './orderRecord'
import type { OrderRecordStore } from './recordStore'
import { recordTransition } from './recordTransition'
import type { Transition } from './transitions'

/**
 * Orders delivered before one record per order have one VBase file per destination
 * (`ads-events-deliveries/<destination>:<orderId>`). They are folded into the order's record by a
 * one-time walk of that bucket (the scheduled run's upkeep, a page per step, resumable), and until
 * the walk is done an order without a record is looked up in the old files too, so nothing is sent
 * twice. Once done (a mark in the scheduled run's state, or an empty old bucket) that look-up costs
 * nothing more: each process remembers it.
 */
export const MIGRATION_STATE = 'order-record-migration.json'

/** Where the migration keeps its mark (the scheduled run's state store). */
export interface StateStore {
  get<T>(path: string): Promise<T | undefined>
  put(path: string, value: unknown): Promise<void>
}

export interface MigrationState {
  done: boolean
  /** Where the walk resumes (VBase listing cursor). */
  next?: string
  /** Record writes made by the walk. */
  migrated: number
  updatedAt: string
}

/** The old per-destination files, as far as the migration reads them. */
export interface LegacyLedger {
  get(destination: DestinationName, orderId: string): Promise<DeliveryRecord | undefined>
  /** One page of old file names (`destination:orderId`, decoded), from `next`. */
  page(next: string | undefined, limit: number): Promise<{ names: string[]; next?: string }>
}

/** Folds old per-destination records in: a destination the record already has keeps its own (newer) state. */
export const migrated =
  (deliveries: DeliveryRecord[]): Transition =>
  (current) => {
    const missing = deliveries.filter((delivery) => !deliveryOf(current, delivery.destination))
    return missing.length === 0 ? undefined : foldDeliveries(missing[0].orderId, missing, current)
  }

const keyOf = (name: string): { destination: DestinationName; orderId: string } | undefined => {
  const at = name.indexOf(':')
  return at > 0 ? { destination: name.slice(0, at) as DestinationName, orderId: name.slice(at + 1) } : undefined
}

let migrationDone = false

/** For tests: forget what this process learned. */
export const forgetMigrationDone = () => {
  migrationDone = false
}

/**
 * The order's old per-destination records, folded, while the migration is not done; undefined once
 * it is (or when there are none). Until the mark is seen (or the old bucket found empty) it costs
 * a state read and a one-name listing; after, nothing.
 */
export async function legacyRecordOf(
  orderId: string,
  names: DestinationName[],
  deps: { legacy: LegacyLedger; state: StateStore }
): Promise<OrderRecord | undefined> {
  if (migrationDone) return undefined
  const state = await deps.state.get<MigrationState>(MIGRATION_STATE)
  // Done, or nothing to migrate (a store that installed this version first): never asked again here.
  if (state?.done || (await deps.legacy.page(undefined, 1)).names.length === 0) {
    migrationDone = true
    return undefined
  }
  const old = await Promise.all(names.map((name) => deps.legacy.get(name, orderId)))
  return foldDeliveries(
    orderId,
    old.filter((delivery): delivery is DeliveryRecord => delivery !== undefined)
  )
}

export interface MigrationDeps {
  legacy: LegacyLedger
  records: OrderRecordStore
  state: StateStore
  remainingMs(): number
  now?: () => number
  pageSize?: number
}

/** Walks the old bucket a page at a time while there is time; returns the state saved and how many orders this run folded in. */
export async function migrateLegacyRecords(deps: MigrationDeps): Promise<MigrationState & { migratedThisRun: number }> {
  const now = deps.now ?? Date.now
  let state: MigrationState = (await deps.state.get<MigrationState>(MIGRATION_STATE)) ?? {
    done: false,
    migrated: 0,
    updatedAt: new Date(now()).toISOString(),
  }
  const migratedBefore = state.migrated
  while (!state.done && deps.remainingMs() > 0) {
    const page = await deps.legacy.page(state.next, deps.pageSize ?? 100)
    const byOrder = new Map<string, DestinationName[]>()
    for (const key of page.names.map(keyOf)) if (key) byOrder.set(key.orderId, [...(byOrder.get(key.orderId) ?? []), key.destination])
    for (const [orderId, destinations] of byOrder) {
      const old = (await Promise.all(destinations.map((name) => deps.legacy.get(name, orderId)))).filter(
        (delivery): delivery is DeliveryRecord => delivery !== undefined
      )
      const result = await recordTransition(deps.records, orderId, migrated(old))
      if (result.written) state.migrated++
    }
    state = { ...state, next: page.next, done: !page.next, updatedAt: new Date(now()).toISOString() }
    await deps.state.put(MIGRATION_STATE, state)
  }
  if (state.done) migrationDone = true
  return { ...state, migratedThisRun: state.migrated - migratedBefore }
}
