import type { Apps } from '@vtex/api'
import { normalizeSettings, type AppSettings } from './appSettings'

/**
 * Settings change rarely and every broadcast needs them: a short in-memory cache spares an
 * Apps call per event. One service instance may serve several accounts and workspaces, so the
 * cache is keyed by both. An admin action (replay) reads them fresh, right after a fix.
 */
const CACHE_TTL_MS = 15_000
const cache = new Map<string, { at: number; settings: Promise<AppSettings> }>()

export interface SettingsScope {
  account: string
  workspace: string
}

/**
 * The app's own settings (scoped to its major), normalized with defaults at the boundary.
 * `apps` is a thunk: building an IO client costs more than a cache hit, so it is built on a miss only.
 */
export function readSettings(
  apps: () => Apps,
  scope: SettingsScope,
  options: { freshSettings?: boolean; nowMs?: number } = {}
): Promise<AppSettings> {
  const appId = process.env.VTEX_APP_ID
  if (!appId) return Promise.reject(new Error('VTEX_APP_ID is not set: cannot read the app settings'))
  const key = `${scope.account}/${scope.workspace}/${appId}`
  const now = options.nowMs ?? Date.now()
  const hit = cache.get(key)
  if (!options.freshSettings && hit && now - hit.at < CACHE_TTL_MS) return hit.settings

  const settings = apps().getAppSettings(appId).then(normalizeSettings)
  cache.set(key, { at: now, settings })
  // A failed read must not be served from the cache.
  settings.catch(() => {
    if (cache.get(key)?.settings === settings) cache.delete(key)
  })
  return settings
}
