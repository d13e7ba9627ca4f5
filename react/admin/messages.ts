import { useIntl } from 'react-intl'

/**
 * The admin's texts (messages/*.json, keys `admin/ads-events.*`). Values are formatted by the
 * caller (numbers, dates) and passed as text.
 */
export type Translate = (key: string, values?: Record<string, string | number>) => string

export function useMessages(): Translate {
  const intl = useIntl()
  return (key, values) => intl.formatMessage({ id: `admin/ads-events.${key}` }, values && asText(values))
}

function asText(values: Record<string, string | number>): Record<string, string> {
  const text: Record<string, string> = {}
  for (const name of Object.keys(values)) text[name] = String(values[name])
  return text
}
