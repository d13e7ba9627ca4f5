import type { VtexOrder } from '../typings/order'
import type { Deadline } from '../coordination/deadline'
import { isTransientStatus, statusOf } from '../lib/httpStatus'
import { checkOmsOrder } from './omsOrder'

/** Fetches the raw OMS answer for an order (the IO client), with a per-call timeout. */
export type FetchOrder = (orderId: string, timeoutMs: number) => Promise<unknown>

export type OrderRead =
  | { kind: 'order'; order: VtexOrder }
  /** May pass: OMS not readable yet (404 for a fresh order), 5xx, 429, no answer, an answer that is not an order. */
  | { kind: 'transient'; reason: string }
  /** Will not pass by retrying: a refusal (401/403: a policy or credential problem) or an order no mapping can use. */
  | { kind: 'final'; reason: string }

export interface ReadOrderOptions {
  deadline: Deadline
  sleep: (ms: number) => Promise<void>
  /** Waits between attempts; one more attempt than waits. */
  waitsMs?: number[]
  /** Per-attempt timeout, cut to what the deadline leaves. */
  attemptTimeoutMs?: number
}

const describeFailure = (error: unknown): string => {
  const status = statusOf(error)
  if (status === 404) return 'order-unreadable: http-404 (not readable yet)'
  if (status !== undefined) return `order-unreadable: http-${status}`
  const { code } = (error ?? {}) as { code?: string }
  return `order-unreadable: no answer (${code === 'ECONNABORTED' ? 'timeout' : (code ?? 'connection error')})`
}

/**
 * Reads an order, retrying what may pass within a few seconds and within the deadline. An order is
 * readable in OMS a moment after its first broadcast, so a 404 is retried like a 5xx; what is still
 * failing after that is for the retry queue.
 */
export async function readOrder(orderId: string, fetchOrder: FetchOrder, options: ReadOrderOptions): Promise<OrderRead> {
  const waits = options.waitsMs ?? [500, 1_500]
  const attemptTimeout = options.attemptTimeoutMs ?? 3_000
  let last: OrderRead = { kind: 'transient', reason: 'order-unreadable: not attempted (no time left)' }
  for (let attempt = 0; attempt <= waits.length; attempt++) {
    const timeout = Math.min(attemptTimeout, options.deadline.remainingMs())
    if (timeout < 200) return last
    try {
      const checked = checkOmsOrder(await fetchOrder(orderId, timeout), orderId)
      if (checked.kind === 'order') return checked
      if (checked.kind === 'malformed') return { kind: 'final', reason: `unmappable-order: ${checked.reason}` }
      last = { kind: 'transient', reason: `order-unreadable: ${checked.reason}` }
    } catch (error) {
      const status = statusOf(error)
      if (status !== 404 && !isTransientStatus(status)) return { kind: 'final', reason: describeFailure(error) }
      last = { kind: 'transient', reason: describeFailure(error) }
    }
    if (attempt < waits.length) {
      if (options.deadline.remainingMs() < waits[attempt] + 200) return last
      await options.sleep(waits[attempt])
    }
  }
  return last
}
