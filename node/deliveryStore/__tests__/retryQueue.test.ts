import { MemoryNameFiles } from '../nameFiles'
import { entryOf, GIVE_UP_AFTER_MS, nextRetryAt, RetryQueue } from '../retryQueue'

describe('retry queue', () => {
  it('keeps one entry per order, moves it on reschedule, lists what is due earliest first', async () => {
    const files = new MemoryNameFiles()
    const queue = new RetryQueue(files)
    await queue.schedule({ orderId: 'b-01', dueAt: 300, attempts: 0, firstFailedAt: 100 })
    await queue.schedule({ orderId: 'a-01', dueAt: 200, attempts: 0, firstFailedAt: 100 })
    await queue.schedule({ orderId: 'c-01', dueAt: 900, attempts: 0, firstFailedAt: 100 })
    await queue.schedule({ orderId: 'b-01', dueAt: 250, attempts: 1, firstFailedAt: 100 })
    expect(files.paths.size).toBe(3)
    expect(await queue.due(500, 10)).toEqual([
      { orderId: 'a-01', dueAt: 200, attempts: 0, firstFailedAt: 100 },
      { orderId: 'b-01', dueAt: 250, attempts: 1, firstFailedAt: 100 },
    ])
    expect(await queue.due(500, 1)).toHaveLength(1)
    await queue.remove('a-01')
    expect(await queue.get('a-01')).toBeUndefined()
    expect(await queue.get('c-01')).toMatchObject({ dueAt: 900 })
  })

  it('ignores names that are not entries', () => {
    expect(entryOf('garbage')).toBeUndefined()
    expect(entryOf('x-01~abc~0~1')).toBeUndefined()
  })

  it('backs off 2, 4, 8… minutes, at most 6 hours, and gives up after 72 hours', () => {
    expect([0, 1, 2, 10].map((attempts) => nextRetryAt(attempts, 0) / 60_000)).toEqual([2, 4, 8, 360])
    expect(GIVE_UP_AFTER_MS).toBe(72 * 3_600_000)
  })
})
