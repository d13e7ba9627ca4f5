import type { NameFiles } from '../../deliveryStore/nameFiles'
import { MemoryOrderRecords } from '../../deliveryStore/recordStore'
import { recordTransition } from '../../deliveryStore/recordTransition'
import { delivered } from '../../deliveryStore/transitions'
import { claimOrder, releasing } from '../orderClaim'

const ORDER = '1390620512853-01'
const seeded = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
const jittery = (files: NameFiles, random: () => number): NameFiles => {
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, Math.floor(random() * 4)))
  return {
    put: async (path) => (await pause(), files.put(path)),
    list: async (prefix) => (await pause(), files.list(prefix)),
    remove: async (path) => (await pause(), files.remove(path)),
  }
}
const counting = (files: NameFiles) => {
  const calls: string[] = []
  return {
    calls,
    files: { put: async (p: string) => (calls.push('put'), files.put(p)), list: async (p: string) => (calls.push('list'), files.list(p)), remove: async (p: string) => (calls.push('remove'), files.remove(p)) } as NameFiles,
  }
}
const sentRecord = (at: string) => delivered([{ destination: 'vtexAds', orderId: ORDER, status: 'sent', attempts: 1, createdAt: at, updatedAt: at }])
const fastSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms / 20))

describe('claimOrder: the election shares a listing with the order record', () => {
  it('costs one write and one list on a first broadcast, and says there is no record', async () => {
    const records = new MemoryOrderRecords()
    const { files, calls } = counting(records.claimFiles)
    const result = await claimOrder(files, records, ORDER, { leaseMs: 45_000 })
    expect(result).toMatchObject({ won: true, stored: null })
    expect(calls).toEqual(['put', 'list'])
  })

  it('never gives the order to two live claimers, however the calls interleave, with holders releasing by their record write', async () => {
    for (let round = 0; round < 30; round++) {
      const random = seeded(round + 7)
      const records = new MemoryOrderRecords()
      const files = jittery(records.claimFiles, random)
      let live = 0
      let maxLive = 0
      let winners = 0
      await Promise.all(
        Array.from({ length: 6 }, async (_, claimer) => {
          await new Promise((resolve) => setTimeout(resolve, claimer % 3))
          const result = await claimOrder(files, records, ORDER, { leaseMs: 60_000, random, sleep: fastSleep })
          if (!result.won) return
          winners++
          maxLive = Math.max(maxLive, ++live)
          await new Promise((resolve) => setTimeout(resolve, 2))
          live--
          // The holder's last step: the record write, naming its claim as over (no delete).
          await recordTransition(records, ORDER, sentRecord(new Date(1_000 + claimer).toISOString()), { known: result.stored, releasedClaims: releasing(result.claim, Date.now()) })
        })
      )
      expect([round, maxLive]).toEqual([round, 1])
      expect(winners).toBeGreaterThanOrEqual(1)
    }
  })

  it('a claim named as released by the record does not block the next claimer, which gets the record with its ETag', async () => {
    const records = new MemoryOrderRecords()
    const first = await claimOrder(records.claimFiles, records, ORDER, { leaseMs: 45_000 })
    if (!first.won) throw new Error('first claimer must win')
    await recordTransition(records, ORDER, sentRecord('2026-01-01T00:00:00.000Z'), { known: first.stored, releasedClaims: releasing(first.claim, Date.now()) })
    const second = await claimOrder(records.claimFiles, records, ORDER, { leaseMs: 45_000 })
    expect(second).toMatchObject({ won: true, stored: { record: { deliveries: { vtexAds: { status: 'sent' } } }, etag: expect.any(String) } })
  })

  it('a live claim not yet released makes the next claimer step back, with the record it saw', async () => {
    const records = new MemoryOrderRecords()
    records.seed({ destination: 'vtexAds', orderId: ORDER, status: 'failed', attempts: 1, createdAt: 'a', updatedAt: 'a' })
    const first = await claimOrder(records.claimFiles, records, ORDER, { leaseMs: 45_000, random: () => 0 })
    expect(first.won).toBe(true)
    const second = await claimOrder(records.claimFiles, records, ORDER, { leaseMs: 45_000, random: () => 0.9, sleep: fastSleep })
    expect(second).toMatchObject({ won: false, stored: { record: { deliveries: { vtexAds: { status: 'failed' } } } } })
  })

  it('removes a claim past its lease and wins', async () => {
    const records = new MemoryOrderRecords()
    let clock = 1_000_000
    const crashed = await claimOrder(records.claimFiles, records, ORDER, { leaseMs: 45_000, now: () => clock })
    expect(crashed.won).toBe(true)
    clock += 46_000
    expect(await claimOrder(records.claimFiles, records, ORDER, { leaseMs: 45_000, now: () => clock })).toMatchObject({ won: true })
    expect((await records.claimFiles.list(`${ORDER}~`)).length).toBe(1)
  })
})
