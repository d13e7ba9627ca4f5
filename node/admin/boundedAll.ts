/**
 * Promise.all with at most `limit` tasks in flight, results in task order. After a failure no new
 * task starts and the first error rejects. The admin's charts send up to a few hundred index
 * searches per answer; Master Data publishes no rate limit, so they never all go at once.
 */
export async function allBounded<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length)
  let next = 0
  let failed = false
  const worker = async () => {
    while (!failed && next < tasks.length) {
      const i = next++
      try {
        results[i] = await tasks[i]()
      } catch (error) {
        failed = true
        throw error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker))
  return results
}
