import type { NameFiles } from '../deliveryStore/nameFiles'
import { sleep } from '../lib/sleep'
import { isOrderId, ORDER_ID_RULE } from '../lib/orderId'
import { CLAIM_SEPARATOR as SEPARATOR, CLAIM_WAITS_MS, claimFileName, leaseOf, rankOf, type ClaimOptions } from './claims'

/** What the claim reads of the order's record (deliveryStore's store): the claims it names as over. */
export interface ClaimedRecordReader<Stored extends { record: { releasedClaims?: string[] } }> {
  get(orderId: string): Promise<Stored | undefined>
}

/**
 * The claim on one order, sharing a listing with the order's record so that the election and the
 * "is there a record?" question cost one write and one list.
 *
 * The record is the file `<orderId>` and each claimer writes its own empty file
 * `<orderId>~<leaseUntil>~<ticket>~<unique>` in the same bucket (ORDER_RECORDS_BUCKET), then
 * lists the prefix `<orderId>`: the listing shows the other claimers and whether the record exists.
 * - Safety (as in delivery/claims.ts): a claimer wins only when its listing, made after its own
 *   write, shows no other live claim. VBase documents no create-only write (If-Match needs an
 *   existing file's ETag), which is why the first send of an order is elected this way.
 * - Release without a delete: the winner's last step is the record write, which names its claim
 *   in `releasedClaims`; a later claimer that finds that file inside its lease reads the record
 *   (it needs it anyway, with its ETag) and sees the claim is over. Files past their lease are
 *   removed by the next claimer of the same order.
 * - Progress: when live claimers meet, the lowest ticket looks again a moment later; the others
 *   step back (the caller queues a retry).
 */
export interface OrderClaim {
  orderId: string
  /** This claim's file name: recorded in `releasedClaims` by the holder's last write. */
  name: string
  leaseUntil: number
  /** For paths that write nothing at the end (nothing to do): removes the file. */
  release(): Promise<void>
}

/** `stored`: the record (as read, with its ETag) when the listing showed one; null when there is none. */
export type OrderClaimResult<Stored> =
  | { won: true; claim: OrderClaim; stored: Stored | null }
  /** The caller may find `stored` final and stop without queueing anything. */
  | { won: false; heldUntil: number; stored: Stored | null }

/** The same election as every claim (coordination/claims.ts): lease, ticket, waits. */
export type OrderClaimOptions = ClaimOptions

/**
 * What the holder's record write names as over: its own claim, and those named before that are
 * still inside their lease (past it, nobody needs telling).
 */
export const releasing =
  (claim: OrderClaim | undefined, nowMs: number) =>
  (previous: string[] | undefined): string[] => [
    ...(previous ?? []).filter((name) => leaseOf(name) > nowMs),
    ...(claim ? [claim.name] : []),
  ]

export async function claimOrder<Stored extends { record: { releasedClaims?: string[] } }>(
  files: NameFiles,
  records: ClaimedRecordReader<Stored>,
  orderId: string,
  options: OrderClaimOptions
): Promise<OrderClaimResult<Stored>> {
  if (!isOrderId(orderId)) throw new RangeError(`invalid order id (${ORDER_ID_RULE}): ${JSON.stringify(String(orderId).slice(0, 80))}`)
  const now = options.now ?? Date.now
  const waits = options.waitsMs ?? CLAIM_WAITS_MS
  const leaseUntil = now() + options.leaseMs
  const name = claimFileName(orderId, leaseUntil, options.random ?? Math.random)
  await files.put(name)
  let stored: Stored | null = null
  for (let look = 0; ; look++) {
    const listing = await files.list(orderId)
    // The record, read once it shows up (and again on a later look: another holder may have written it).
    if (listing.includes(orderId)) stored = (await records.get(orderId)) ?? null
    const released = new Set(stored?.record.releasedClaims ?? [])
    const others = listing.filter((other) => other.startsWith(`${orderId}${SEPARATOR}`) && other !== name && !released.has(other))
    const expired = others.filter((other) => !(leaseOf(other) > now()))
    const live = others.filter((other) => leaseOf(other) > now())
    await Promise.all(expired.map((other) => files.remove(other).catch(() => undefined)))
    if (live.length === 0)
      return { won: true, claim: { orderId, name, leaseUntil, release: () => files.remove(name).catch(() => undefined) }, stored }
    const lowest = live.every((other) => rankOf(name) < rankOf(other))
    if (!lowest || look >= waits.length) {
      await files.remove(name).catch(() => undefined)
      return { won: false, heldUntil: Math.max(...live.map(leaseOf)), stored }
    }
    await (options.sleep ?? sleep)(waits[look])
  }
}
