import { randomBytes } from 'crypto'
import type { NameFiles } from '../deliveryStore/nameFiles'
import { sleep } from '../lib/sleep'

/**
 * A claim on an order that only one writer can win, across replicas, with a lease so a crashed
 * claimer's work is taken over.
 *
 * VBase offers conditional writes (If-Match with the ETag of the current file) but no documented
 * create-only write, and the first send of an order is a creation. So a claim is an election among
 * files nobody else writes: each claimer writes its own file `<key>~<leaseUntil>~<ticket>~<unique>`
 * (`unique`: this process's random id and a counter, so no two claimers ever share a name) and
 * lists `<key>~`.
 * - Safety: a claimer wins only when its listing shows no other live claim. Two cannot both win:
 *   the one that listed first saw no other file, so the other wrote after that listing and its
 *   own listing (later still) shows the first one's file, which stays until it is released.
 * - Progress: when claimers meet, the one with the lowest ticket keeps its file and looks again a
 *   moment later; every other one takes its file back and gives up ('in-flight': the retry queue
 *   brings the order back). So the lowest is soon alone and wins.
 * A file past its lease belongs to a claimer that crashed or overran, and is removed by the next
 * claimer; a claimer never works past its own lease (the handler's deadline is shorter than the
 * lease). Claims live in a bucket of their own.
 */
export type ClaimFiles = NameFiles

export interface Claim {
  key: string
  leaseUntil: number
  release(): Promise<void>
}

export type ClaimResult = { won: true; claim: Claim } | { won: false; heldUntil: number }

export interface ClaimOptions {
  leaseMs: number
  now?: () => number
  random?: () => number
  sleep?: (ms: number) => Promise<void>
  /** How long the lowest ticket waits, look after look, for the others to step back. */
  waitsMs?: number[]
}

export const CLAIM_SEPARATOR = '~'
const SEPARATOR = CLAIM_SEPARATOR
const KEY = /^[A-Za-z0-9._-]{1,128}$/
const TICKET_DIGITS = 12
/** How long the lowest ticket waits, look after look, unless told otherwise. */
export const CLAIM_WAITS_MS = [25, 50, 100, 200, 400]

const prefixOf = (key: string) => `${key}${SEPARATOR}`
/** The lease a claim file's name carries (`<key>~<leaseUntil>~<ticket>~<unique>`). */
export const leaseOf = (path: string): number => Number(path.split(SEPARATOR)[1])
/** Ticket then unique part: a total order, ties impossible. */
export const rankOf = (path: string): string => path.split(SEPARATOR).slice(2).join(SEPARATOR)

const PROCESS_ID = randomBytes(6).toString('hex')
let claimsMade = 0

/** A claim file's name nobody else can write: `<key>~<leaseUntil>~<ticket>~<this process, a counter>`. */
export function claimFileName(key: string, leaseUntil: number, random: () => number): string {
  const ticket = String(Math.floor(random() * 10 ** TICKET_DIGITS)).padStart(TICKET_DIGITS, '0')
  return [key, leaseUntil, ticket, `${PROCESS_ID}${(claimsMade++).toString(36)}`].join(SEPARATOR)
}

export async function claim(files: ClaimFiles, key: string, options: ClaimOptions): Promise<ClaimResult> {
  if (!KEY.test(key)) throw new RangeError(`claim key must match ${KEY}: ${key}`)
  const now = options.now ?? Date.now
  const waits = options.waitsMs ?? CLAIM_WAITS_MS
  const leaseUntil = now() + options.leaseMs
  const path = claimFileName(key, leaseUntil, options.random ?? Math.random)
  const rank = rankOf(path)
  await files.put(path)
  for (let look = 0; ; look++) {
    const others = (await files.list(prefixOf(key))).filter((other) => other !== path)
    const expired = others.filter((other) => !(leaseOf(other) > now()))
    const live = others.filter((other) => leaseOf(other) > now())
    await Promise.all(expired.map((other) => files.remove(other).catch(() => undefined)))
    if (live.length === 0) return { won: true, claim: { key, leaseUntil, release: () => files.remove(path).catch(() => undefined) } }
    const lowest = live.every((other) => rank < rankOf(other))
    if (!lowest || look >= waits.length) {
      await files.remove(path)
      return { won: false, heldUntil: Math.max(...live.map(leaseOf)) }
    }
    await (options.sleep ?? sleep)(waits[look])
  }
}
