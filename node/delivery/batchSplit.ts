import type { Outcome } from '../destinations/destination'

export interface BatchSplitOptions {
  /**
   * Whether a failed batch may be blamed on some of its items. Default: every 'dead' outcome.
   * Pass a narrower rule when an answer condemns the request as a whole (a wrong API key fails
   * every half too, so bisecting would only multiply the calls).
   */
  splitOn?: (outcome: Outcome) => boolean
}

export interface ItemOutcome<T> {
  item: T
  outcome: Outcome
}

const splitOnDead = (outcome: Outcome): boolean => outcome.kind === 'dead'

/**
 * Sends items in batches of at most `maxBatch`. APIs such as OpenAI's fail a whole batch for one
 * bad event, so a batch that comes back dead is bisected until the bad items stand alone and
 * every good one is delivered: k bad items among n cost at most about 2·k·log2(n) extra calls.
 * 'retry' outcomes are never split: the failure is transient, the whole batch is retried later.
 * Batches are sent one after the other (bounded load on the destination); results keep the
 * input order, one per item.
 */
export async function deliverInBatches<T>(
  items: T[],
  maxBatch: number,
  sendBatch: (batch: T[]) => Promise<Outcome>,
  options: BatchSplitOptions = {}
): Promise<Array<ItemOutcome<T>>> {
  if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new RangeError(`maxBatch must be a positive integer, got ${maxBatch}`)
  const splitOn = options.splitOn ?? splitOnDead
  const outcomes: Outcome[] = new Array(items.length)

  const settle = async (start: number, end: number): Promise<void> => {
    const outcome = await sendBatch(items.slice(start, end))
    if (end - start > 1 && outcome.kind === 'dead' && splitOn(outcome)) {
      const middle = start + Math.ceil((end - start) / 2)
      await settle(start, middle)
      await settle(middle, end)
      return
    }
    outcomes.fill(outcome, start, end)
  }

  for (let start = 0; start < items.length; start += maxBatch) await settle(start, Math.min(start + maxBatch, items.length))
  return items.map((item, index) => ({ item, outcome: outcomes[index] }))
}
