import type { VBase } from '@vtex/api'
import { STATE_BUCKET } from '../deliveryStore/buckets'
import { vbaseNameFiles } from '../deliveryStore/nameFiles'

/**
 * The scheduled run's own JSON state (reconciliation watermark, backfill jobs) in VBase. Only the
 * run writes an existing file, and only one run holds its claim at a time, so plain writes suffice.
 */
export interface StateStore {
  get<T>(path: string): Promise<T | undefined>
  put(path: string, value: unknown): Promise<void>
  list(prefix: string): Promise<string[]>
}

export const vbaseStateStore = (vbase: VBase): StateStore => ({
  async get<T>(path: string) {
    return (await vbase.getJSON<T | null>(STATE_BUCKET, path, true)) ?? undefined
  },
  async put(path, value) {
    await vbase.saveJSON(STATE_BUCKET, path, value)
  },
  list: (prefix) => vbaseNameFiles(vbase, STATE_BUCKET).list(prefix),
})

/** For tests: the same contract in memory. */
export class MemoryStateStore implements StateStore {
  readonly files = new Map<string, string>()
  async get<T>(path: string) {
    const text = this.files.get(path)
    return text === undefined ? undefined : (JSON.parse(text) as T)
  }
  async put(path: string, value: unknown) {
    this.files.set(path, JSON.stringify(value))
  }
  async list(prefix: string) {
    return [...this.files.keys()].filter((path) => path.startsWith(prefix))
  }
}
