import en from '../../../messages/en.json'
import es from '../../../messages/es.json'
import pt from '../../../messages/pt.json'

/**
 * Sandbox stand-in for `react-intl`: the app's own messages, in the page's language (`<html lang>`).
 * Store Framework gives blocks react-intl ^3.9.1 (vtex-apps/render-runtime@8.136.2 (fef89cd):
 * react/package.json); not a vtex.* module, so realShapes.ts does not record it.
 */
const MESSAGES: Record<string, Record<string, string>> = { en, es, pt }

export const useIntl = () => {
  const lang = (typeof document === 'undefined' ? 'en' : document.documentElement.lang || 'en').slice(0, 2)
  const messages = MESSAGES[lang] || en
  return { formatMessage: ({ id }: { id: string }) => messages[id] || (en as Record<string, string>)[id] || id }
}
