import type { Outcome } from '../../destinations/destination'
import { deliverInBatches } from '../batchSplit'

const sent: Outcome = { kind: 'sent' }
const dead: Outcome = { kind: 'dead', reason: 'http-400: bad event' }

/** A destination that fails any batch containing a bad item, as OpenAI does; records every call. */
function fakeDestination(bad: Set<number>) {
  const calls: number[][] = []
  const sendBatch = async (batch: number[]): Promise<Outcome> => {
    calls.push(batch)
    return batch.some((item) => bad.has(item)) ? dead : sent
  }
  return { calls, sendBatch }
}

const range = (n: number) => Array.from({ length: n }, (_, index) => index)
const kinds = (results: Array<{ item: number; outcome: Outcome }>) => results.map(({ item, outcome }) => `${item}:${outcome.kind}`)

describe('deliverInBatches', () => {
  it('7 events, one bad: 6 delivered, 1 dead, in at most 1 + 2·⌈log2 7⌉ calls', async () => {
    const { calls, sendBatch } = fakeDestination(new Set([5]))
    const results = await deliverInBatches(range(7), 50, sendBatch)
    expect(kinds(results)).toEqual(['0:sent', '1:sent', '2:sent', '3:sent', '4:sent', '5:dead', '6:sent'])
    expect(results[5].outcome).toEqual(dead)
    expect(calls.length).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(7)))
    // Every good item was delivered exactly once.
    expect(calls.filter((batch) => !batch.includes(5)).flat().sort()).toEqual([0, 1, 2, 3, 4, 6])
  })

  it('isolates several bad items in one batch', async () => {
    const { sendBatch } = fakeDestination(new Set([0, 9]))
    const results = await deliverInBatches(range(10), 50, sendBatch)
    expect(results.filter(({ outcome }) => outcome.kind === 'dead').map(({ item }) => item)).toEqual([0, 9])
    expect(results.filter(({ outcome }) => outcome.kind === 'sent')).toHaveLength(8)
  })

  it('sends at most maxBatch per call, one call per batch when all are good', async () => {
    const { calls, sendBatch } = fakeDestination(new Set())
    const results = await deliverInBatches(range(120), 50, sendBatch)
    expect(calls.map((batch) => batch.length)).toEqual([50, 50, 20])
    expect(results.every(({ outcome }) => outcome.kind === 'sent')).toBe(true)
  })

  it('a bad item costs only its own batch: the other batches are sent once', async () => {
    const { calls, sendBatch } = fakeDestination(new Set([60]))
    await deliverInBatches(range(100), 50, sendBatch)
    expect(calls.filter((batch) => batch.includes(0))).toHaveLength(1)
  })

  it('never splits a retry: the whole batch waits for the next attempt', async () => {
    const retry: Outcome = { kind: 'retry', reason: 'http-503' }
    const sendBatch = jest.fn(async () => retry)
    const results = await deliverInBatches(range(7), 50, sendBatch)
    expect(sendBatch).toHaveBeenCalledTimes(1)
    expect(results.every(({ outcome }) => outcome === retry)).toBe(true)
  })

  it('does not split when splitOn says the failure is batch-wide (a refused key)', async () => {
    const unauthorized: Outcome = { kind: 'dead', reason: 'http-401: Missing scopes' }
    const sendBatch = jest.fn(async () => unauthorized)
    const results = await deliverInBatches(range(7), 50, sendBatch, {
      splitOn: (outcome) => outcome.kind === 'dead' && !outcome.reason.startsWith('http-401'),
    })
    expect(sendBatch).toHaveBeenCalledTimes(1)
    expect(results.map(({ outcome }) => outcome.kind)).toEqual(Array(7).fill('dead'))
  })

  it('does nothing for no items and refuses a meaningless batch size', async () => {
    const sendBatch = jest.fn(async () => sent)
    expect(await deliverInBatches([], 50, sendBatch)).toEqual([])
    expect(sendBatch).not.toHaveBeenCalled()
    await expect(deliverInBatches([1], 0, sendBatch)).rejects.toThrow(RangeError)
  })
})
