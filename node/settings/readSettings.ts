import type { Apps } from '@vtex/api'
import { normalizeSettings, type AppSettings } from './appSettings'

/** The app's own settings (scoped to its major), normalized with defaults at the boundary. */
export async function readSettings(apps: Apps): Promise<AppSettings> {
  const appId = process.env.VTEX_APP_ID
  if (!appId) throw new Error('VTEX_APP_ID is not set: cannot read the app settings')
  return normalizeSettings(await apps.getAppSettings(appId))
}
