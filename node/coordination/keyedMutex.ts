/**
 * Serializes work per key inside one process: duplicate broadcasts of the same order arriving
 * together run one after the other, so the second sees the first's order record instead of racing
 * it. Across replicas the order claim (orderClaim.ts) does the same job.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>()

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve()
    const current = previous.then(work, work)
    const tail = current.catch(() => undefined)
    this.tails.set(key, tail)
    try {
      return await current
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key)
    }
  }
}
