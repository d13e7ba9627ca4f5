import { claim } from '../claims'
import { MemoryNameFiles, type NameFiles } from '../../deliveryStore/nameFiles'

/** The store with random delays on every call, so concurrent claimers interleave in every order. */
const jittery = (files: NameFiles, random: () => number): NameFiles => {
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, Math.floor(random() * 4)))
  return {
    put: async (path) => (await pause(), files.put(path)),
    list: async (prefix) => (await pause(), files.list(prefix)),
    remove: async (path) => (await pause(), files.remove(path)),
  }
}

/** A seeded generator: the interleavings are random but the test is repeatable. */
const seeded = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)

describe('claim: one winner across replicas', () => {
  it('never gives the same order to two live claimers, however their calls interleave', async () => {
    for (let round = 0; round < 40; round++) {
      const random = seeded(round + 1)
      const files = jittery(new MemoryNameFiles(), random)
      const holders: number[] = []
      let live = 0
      let maxLive = 0
      await Promise.all(
        Array.from({ length: 6 }, async (_, claimer) => {
          const result = await claim(files, '1390620512853-01', { leaseMs: 60_000, random, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms / 20)) })
          if (!result.won) return
          holders.push(claimer)
          maxLive = Math.max(maxLive, ++live)
          await new Promise((resolve) => setTimeout(resolve, 2))
          live--
          await result.claim.release()
        })
      )
      expect([round, maxLive]).toEqual([round, 1])
      expect(holders.length).toBeGreaterThanOrEqual(1)
    }
  })

  it('claimers drawing the same ticket at the same instant still get distinct files: at most one wins', async () => {
    const files = new MemoryNameFiles()
    const same = { leaseMs: 60_000, now: () => 1_000, random: () => 0.5, sleep: async () => undefined }
    const results = await Promise.all([claim(files, 'order-9', same), claim(files, 'order-9', same), claim(files, 'order-9', same)])
    expect(results.filter((result) => result.won).length).toBeLessThanOrEqual(1)
  })

  it('a released claim can be taken again; a live one cannot', async () => {
    const files = new MemoryNameFiles()
    const first = await claim(files, 'order-1', { leaseMs: 60_000, sleep: async () => undefined })
    expect(first.won).toBe(true)
    const second = await claim(files, 'order-1', { leaseMs: 60_000, sleep: async () => undefined })
    expect(second).toEqual({ won: false, heldUntil: first.won ? first.claim.leaseUntil : 0 })
    expect(await files.list('order-1~')).toHaveLength(1) // the loser took its file back
    if (first.won) await first.claim.release()
    expect((await claim(files, 'order-1', { leaseMs: 60_000 })).won).toBe(true)
  })

  it("takes over a crashed claimer's order once its lease is over, and removes the stale file", async () => {
    const files = new MemoryNameFiles()
    let clock = 1_000_000
    const crashed = await claim(files, 'order-2', { leaseMs: 45_000, now: () => clock })
    expect(crashed.won).toBe(true)
    clock += 45_001
    const next = await claim(files, 'order-2', { leaseMs: 45_000, now: () => clock })
    expect(next.won).toBe(true)
    expect(await files.list('order-2~')).toHaveLength(1)
  })

  it('claims of other orders do not interfere, even when one id prefixes another', async () => {
    const files = new MemoryNameFiles()
    expect((await claim(files, 'order-3', { leaseMs: 60_000 })).won).toBe(true)
    expect((await claim(files, 'order-3-01', { leaseMs: 60_000 })).won).toBe(true)
  })

  it('refuses a key that could escape its prefix', async () => {
    await expect(claim(new MemoryNameFiles(), 'a~b', { leaseMs: 1 })).rejects.toThrow(RangeError)
  })
})
