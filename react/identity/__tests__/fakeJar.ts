import { CookieJar } from '../cookies'

/**
 * A document.cookie stand-in that keeps the attributes of every write (jsdom hides them),
 * removes a cookie written with Max-Age=0 and can refuse a Domain, as a browser does for a domain
 * the page is not under.
 */
export const fakeJar = (initial: Record<string, string> = {}, refuse: boolean | ((line: string) => boolean) = false) => {
  const values = new Map(Object.entries(initial))
  const writes: string[] = []
  const jar: CookieJar = {
    get cookie() {
      return Array.from(values, ([k, v]) => `${k}=${v}`).join('; ')
    },
    set cookie(line: string) {
      writes.push(line)
      if (/; Domain=/.test(line) && (refuse === true || (typeof refuse === 'function' && refuse(line)))) return
      const [pair] = line.split(';')
      const at = pair.indexOf('=')
      // Max-Age=0 removes the cookie, as a browser does.
      if (/; Max-Age=0(;|$)/.test(line)) values.delete(pair.slice(0, at))
      else values.set(pair.slice(0, at), pair.slice(at + 1))
    },
  }
  return { jar, writes, values }
}
