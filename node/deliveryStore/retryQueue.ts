import type { NameFiles } from './nameFiles'
import { scaled } from '../lib/timeScale'

/**
 * Orders whose delivery failed for a reason that may pass (5xx, 429, no answer, OMS not readable
 * yet, another replica holding the order): retried later by the scheduled run, with backoff, until
 * delivered or given up. No broadcast may ever come again for them (it was the order's last), so
 * this queue, not the broadcaster, is what guarantees the retry.
 *
 * Stored as one empty file per order whose name holds everything the scheduled run needs
 * (`<orderId>~<dueAtMs>~<attempts>~<firstFailedAtMs>`): listing the bucket is enough to find what is
 * due, no read per entry. Rescheduling replaces the order's file.
 */
export interface RetryEntry {
  orderId: string
  dueAt: number
  /** Later retries made so far (0 when first queued). */
  attempts: number
  firstFailedAt: number
}

const SEPARATOR = '~'
const pathOf = (entry: RetryEntry) => [entry.orderId, entry.dueAt, entry.attempts, entry.firstFailedAt].join(SEPARATOR)

export function entryOf(path: string): RetryEntry | undefined {
  const [orderId, dueAt, attempts, firstFailedAt] = path.split(SEPARATOR)
  const numbers = [dueAt, attempts, firstFailedAt].map(Number)
  if (!orderId || numbers.some((n) => !Number.isFinite(n))) return undefined
  return { orderId, dueAt: numbers[0], attempts: numbers[1], firstFailedAt: numbers[2] }
}

export class RetryQueue {
  constructor(private readonly files: NameFiles) {}

  async get(orderId: string): Promise<RetryEntry | undefined> {
    return (await this.files.list(`${orderId}${SEPARATOR}`)).map(entryOf).find(Boolean)
  }

  /** Queues the order (or moves its entry to a new due time). */
  async schedule(entry: RetryEntry): Promise<void> {
    const previous = await this.files.list(`${entry.orderId}${SEPARATOR}`)
    await this.files.put(pathOf(entry))
    await Promise.all(previous.filter((path) => path !== pathOf(entry)).map((path) => this.files.remove(path).catch(() => undefined)))
  }

  async remove(orderId: string): Promise<void> {
    const paths = await this.files.list(`${orderId}${SEPARATOR}`)
    await Promise.all(paths.map((path) => this.files.remove(path).catch(() => undefined)))
  }

  /** Entries due at `nowMs`, earliest first, at most `limit`. */
  async due(nowMs: number, limit: number): Promise<RetryEntry[]> {
    return (await this.files.list(''))
      .map(entryOf)
      .filter((entry): entry is RetryEntry => entry !== undefined && entry.dueAt <= nowMs)
      .sort((a, b) => a.dueAt - b.dueAt)
      .slice(0, limit)
  }
}

/**
 * When the next later retry is due: 2, 4, 8… minutes after the last one, at most 6 hours apart
 * (the scheduled run comes every 5 minutes, so finer steps would not be kept anyway). Scaled with
 * the scheduled run's clock (lib/timeScale.ts: 1 on VTEX).
 */
export const LATER_RETRY_BASE_MS = scaled(2 * 60_000)
export const LATER_RETRY_MAX_MS = scaled(6 * 60 * 60_000)
/** After this long failing, a delivery is given up: dead with reason `gave-up`, replayable from the admin. */
export const GIVE_UP_AFTER_MS = scaled(72 * 60 * 60_000)

export const nextRetryAt = (attempts: number, nowMs: number): number => nowMs + Math.min(LATER_RETRY_MAX_MS, LATER_RETRY_BASE_MS * 2 ** attempts)
