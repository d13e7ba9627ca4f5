import { SECRET_SETTING_KEYS } from '../../node/settings/appSettings'

/**
 * The sandbox's stand-in for Apps > App Settings: a person changes the settings the Service reads
 * (the Apps stand-in answers with them), e.g. to fix the brand mapping behind a dead letter.
 * Secrets are neither shown nor editable here.
 */
export const EDITABLE_SETTINGS = ['publisherId', 'brand', 'channel', 'conversionStatus', 'vtexAdsEnabled', 'impactEnabled', 'openaiEnabled', 'brandMappings'] as const
type Editable = (typeof EDITABLE_SETTINGS)[number]

export const editableView = (settings: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(EDITABLE_SETTINGS.map((key) => [key, settings[key] ?? null]))

/** The settings after a change, or why the change is refused (types as the settingsSchema has them). */
export function applyChange(settings: Record<string, unknown>, change: unknown): { ok: true; settings: Record<string, unknown> } | { ok: false; message: string } {
  if (typeof change !== 'object' || change === null || Array.isArray(change)) return { ok: false, message: 'send a JSON object' }
  const next = { ...settings }
  for (const [key, value] of Object.entries(change as Record<string, unknown>)) {
    if ((SECRET_SETTING_KEYS as readonly string[]).includes(key)) return { ok: false, message: `${key} is a secret: not editable here` }
    if (!(EDITABLE_SETTINGS as readonly string[]).includes(key)) return { ok: false, message: `${key} is not editable here` }
    const problem = typeProblem(key as Editable, value)
    if (problem) return { ok: false, message: problem }
    if (value === null || value === '') delete next[key]
    else next[key] = value
  }
  return { ok: true, settings: next }
}

function typeProblem(key: Editable, value: unknown): string | undefined {
  if (value === null) return undefined
  if (key.endsWith('Enabled')) return typeof value === 'boolean' ? undefined : `${key} is true or false`
  if (key === 'brandMappings') {
    const rows = Array.isArray(value) && value.every((row) => typeof row === 'object' && row !== null && typeof (row as { brand?: unknown }).brand === 'string')
    return rows ? undefined : 'brandMappings is a list of {salesChannel?, hostname?, brand}'
  }
  return typeof value === 'string' ? undefined : `${key} is text`
}
