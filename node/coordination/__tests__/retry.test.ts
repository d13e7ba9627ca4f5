import { backoffDelayMs, nextRetryDelayMs, type RetryPolicy } from '../retry'
import { retryAfterMs } from '../../destinations/destination'
import { KeyedMutex } from '../keyedMutex'

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, budgetMs: 2_000 }

describe('backoff', () => {
  it('doubles per attempt, capped, with half of it jittered', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, policy, () => 1))).toEqual([100, 200, 400, 800, 1000])
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, policy, () => 0))).toEqual([50, 100, 200, 400, 500])
  })

  it('stops at the attempt bound and at the time budget', () => {
    expect(nextRetryDelayMs(3, 0, policy, undefined, () => 1)).toBe(400)
    expect(nextRetryDelayMs(4, 0, policy, undefined, () => 1)).toBeUndefined()
    expect(nextRetryDelayMs(1, 1_950, policy, undefined, () => 1)).toBeUndefined()
  })

  it('honours a longer Retry-After, unless it exceeds the budget', () => {
    expect(nextRetryDelayMs(1, 0, policy, 1_500, () => 1)).toBe(1_500)
    expect(nextRetryDelayMs(1, 0, policy, 5_000, () => 1)).toBeUndefined()
  })

  it('reads Retry-After in seconds or as an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2_000)
    expect(retryAfterMs('Fri, 20 Nov 2026 15:00:10 GMT', Date.parse('2026-11-20T15:00:00Z'))).toBe(10_000)
    expect(retryAfterMs('soon')).toBeUndefined()
    expect(retryAfterMs(undefined)).toBeUndefined()
  })
})

describe('KeyedMutex', () => {
  it('runs work for one key one at a time, other keys in parallel, and survives failures', async () => {
    const mutex = new KeyedMutex()
    const events: string[] = []
    const step = (name: string, ms: number, fail = false) => async () => {
      events.push(`start ${name}`)
      await new Promise((resolve) => setTimeout(resolve, ms))
      events.push(`end ${name}`)
      if (fail) throw new Error(name)
      return name
    }
    const results = await Promise.allSettled([mutex.run('a', step('a1', 20, true)), mutex.run('a', step('a2', 1)), mutex.run('b', step('b1', 5))])
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'fulfilled'])
    expect(events.indexOf('start a2')).toBeGreaterThan(events.indexOf('end a1'))
    expect(events.indexOf('start b1')).toBeLessThan(events.indexOf('end a1'))
  })
})
