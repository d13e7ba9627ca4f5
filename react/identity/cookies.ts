/**
 * First-party cookie access over a `document`-like object, so the logic stays pure and
 * testable in jsdom. Never called at import time (SSR-safe).
 */
export interface CookieJar {
  cookie: string
}

export interface CookieOptions {
  days: number
  /** Registrable domain (e.g. `store.com`) so www.store.com and checkout hosts share it. */
  domain?: string
  secure: boolean
}

export const readCookie = (jar: CookieJar, name: string): string | undefined => {
  for (const pair of jar.cookie.split(';')) {
    const at = pair.indexOf('=')
    if (at > 0 && pair.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(pair.slice(at + 1).trim())
      } catch {
        return undefined
      }
    }
  }
  return undefined
}

/** Values are validated ids (no `;`, `,` or spaces), so no encoding is needed. */
export const writeCookie = (jar: CookieJar, name: string, value: string, options: CookieOptions) => {
  jar.cookie =
    `${name}=${value}; Max-Age=${Math.round(options.days * 86400)}; Path=/; SameSite=Lax` +
    (options.domain ? `; Domain=${options.domain}` : '') +
    (options.secure ? '; Secure' : '')
}

/**
 * The store's registrable domain, so the cookie is readable on `www.` and on the checkout
 * host. Without a public-suffix list we only decide the common cases and otherwise return
 * undefined (a host-only cookie is still correct, just narrower):
 * - IP addresses and single-label hosts (localhost): host-only;
 * - VTEX hosts (`*.myvtex.com`, `*.vtexcommercestable.com.br`...): host-only, a cookie on a
 *   shared platform domain would leak across stores (and browsers refuse it anyway);
 * - `a.b.com` → `b.com`; `www.store.com.br` → `store.com.br` (two-letter country code with a
 *   short second level such as com/net/org/gov/edu/co).
 */
export const registrableDomain = (hostname: string): string | undefined => {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  if (!host.includes('.') || /^[\d.]+$/.test(host) || host.includes(':')) return undefined
  if (/(^|\.)(myvtex\.com|vtexcommercestable\.com\.br|vtexcommerce\.com\.br|vtexlocal\.com\.br|vtex\.app)$/.test(host)) {
    return undefined
  }
  const labels = host.split('.')
  const tld = labels[labels.length - 1]
  const second = labels[labels.length - 2]
  const keep = tld.length === 2 && /^(com|net|org|gov|edu|co|ac|or|ne|go)$/.test(second) ? 3 : 2
  if (labels.length < keep) return undefined
  return labels.slice(-keep).join('.')
}
