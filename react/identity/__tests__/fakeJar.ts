import { CookieJar } from '../cookies'

/**
 * A document.cookie stand-in that keeps the attributes of every write (jsdom hides them) and
 * can refuse a Domain, as a browser does for a domain the page is not under.
 */
export const fakeJar = (initial: Record<string, string> = {}, refuseDomain = false) => {
  const values = new Map(Object.entries(initial))
  const writes: string[] = []
  const jar: CookieJar = {
    get cookie() {
      return Array.from(values, ([k, v]) => `${k}=${v}`).join('; ')
    },
    set cookie(line: string) {
      writes.push(line)
      if (refuseDomain && /; Domain=/.test(line)) return
      const [pair] = line.split(';')
      const at = pair.indexOf('=')
      values.set(pair.slice(0, at), pair.slice(at + 1))
    },
  }
  return { jar, writes, values }
}
