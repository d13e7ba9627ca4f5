import type { VBase } from '@vtex/api'

/**
 * A bucket of empty files whose names carry the data (claims, the retry queue): listing a prefix
 * is enough to read them, so nothing needs a read per file. Each writer only ever writes names of
 * its own, so no write can clobber another's.
 */
export interface NameFiles {
  put(path: string): Promise<void>
  /** Every name starting with `prefix` ('' lists the bucket). */
  list(prefix: string): Promise<string[]>
  remove(path: string): Promise<void>
}

/** VBase lists at most this many names per call; the rest come page by page (`next`). */
const LIST_PAGE = 1_000

export const vbaseNameFiles = (vbase: VBase, bucket: string): NameFiles => ({
  async put(path) {
    await vbase.saveJSON(bucket, path, {})
  },
  async list(prefix) {
    const names: string[] = []
    let next: string | undefined
    do {
      const page = await vbase.listFiles(bucket, { prefix, limit: LIST_PAGE, ...(next ? { next } : {}) })
      names.push(...page.data.map((file) => file.path))
      next = page.next || undefined
    } while (next)
    return names
  },
  async remove(path) {
    await vbase.deleteFile(bucket, path)
  },
})

/** For tests: the same contract in memory (a linearizable store). */
export class MemoryNameFiles implements NameFiles {
  readonly paths = new Set<string>()
  async put(path: string) {
    this.paths.add(path)
  }
  async list(prefix: string) {
    return [...this.paths].filter((path) => path.startsWith(prefix))
  }
  async remove(path: string) {
    this.paths.delete(path)
  }
}
