import { sleep } from '../sleep'

it('sleep resolves after the time given, not before', async () => {
  jest.useFakeTimers()
  try {
    let done = false
    const waiting = sleep(100).then(() => (done = true))
    await jest.advanceTimersByTimeAsync(99)
    expect(done).toBe(false)
    await jest.advanceTimersByTimeAsync(1)
    await waiting
    expect(done).toBe(true)
  } finally {
    jest.useRealTimers()
  }
})
