import en from '../../../messages/en.json'
import es from '../../../messages/es.json'
import pt from '../../../messages/pt.json'

/**
 * Sandbox stand-in for react-intl in the admin page: the app's messages in the page's language
 * (`<html lang>`), `{name}` placeholders filled as ICU simple arguments are. An id missing from a
 * locale falls back to English, as the messages builder does.
 */
const MESSAGES: Record<string, Record<string, string>> = { en, es, pt }

export const useIntl = () => {
  const lang = (typeof document === 'undefined' ? 'en' : document.documentElement.lang || 'en').slice(0, 2)
  const messages = MESSAGES[lang] || en
  return {
    locale: lang,
    formatMessage: ({ id }: { id: string }, values: Record<string, string> = {}) =>
      (messages[id] || (en as Record<string, string>)[id] || id).replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? values[name] : placeholder)),
  }
}
