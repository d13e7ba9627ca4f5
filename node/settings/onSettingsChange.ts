import { createHash } from 'crypto'
import type { AppSettings } from './appSettings'
import type { SettingsScope } from './readSettings'

/**
 * Work to run once whenever the merchant's settings change: at the first event after the app is
 * installed, linked or updated, and after each save (seen within the settings cache's 15 s).
 * VTEX IO has no documented "settings saved" hook for node services, so the service notices the
 * change itself. At most one run at a time per scope; a failed run is retried at the next event.
 */
const seen = new Map<string, string>()
/** The cached settings object is shared by every event while it lives: same object, nothing to hash. */
const lastObject = new Map<string, AppSettings>()
const running = new Map<string, Promise<void>>()

const fingerprint = (settings: AppSettings) => createHash('sha256').update(JSON.stringify(settings)).digest('hex')

export function runOnSettingsChange(scope: SettingsScope, settings: AppSettings, work: () => Promise<void>): Promise<void> | undefined {
  const key = `${scope.account}/${scope.workspace}`
  if (lastObject.get(key) === settings && seen.has(key)) return undefined
  const current = fingerprint(settings)
  if (seen.get(key) === current || running.has(key)) {
    if (seen.get(key) === current) lastObject.set(key, settings)
    return undefined
  }
  const run = work()
    .then(() => {
      seen.set(key, current)
      lastObject.set(key, settings)
    })
    .finally(() => running.delete(key))
  running.set(key, run)
  return run
}

/** For tests: forget every scope. */
export const resetSettingsChangeMemory = () => {
  seen.clear()
  lastObject.clear()
  running.clear()
}
