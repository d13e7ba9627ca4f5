/**
 * First-party cookie access over a `document`-like object, so the logic stays pure and
 * testable in jsdom. Never called at import time (SSR-safe).
 */
export interface CookieJar {
  cookie: string
}

export interface CookieOptions {
  /** Lifetime; absent = a session cookie (gone when the browser closes). */
  days?: number
  /** Registrable domain (e.g. `store.com`) so www.store.com and checkout hosts share it. */
  domain?: string
  secure: boolean
}

/**
 * `name` is one of our constant cookie names (no regular-expression characters). Values are read
 * as stored: every reader validates them as ids, so an encoded value simply does not pass.
 */
export const readCookie = (jar: CookieJar, name: string): string | undefined => {
  const match = new RegExp(`(?:^|;) *${name}=([^;]*)`).exec(jar.cookie)
  return match ? match[1] : undefined
}

/**
 * Values are validated ids (no `;`, `,` or spaces), so no encoding is needed. Lifetimes are whole
 * days (395, 30, 0 to delete), so Max-Age is whole seconds as RFC 6265 wants without rounding.
 */
export const writeCookie = (jar: CookieJar, name: string, value: string, options: CookieOptions) => {
  jar.cookie =
    `${name}=${value}${options.days === undefined ? '' : `; Max-Age=${options.days * 86400}`}; Path=/; SameSite=Lax` +
    (options.domain ? `; Domain=${options.domain}` : '') +
    (options.secure ? '; Secure' : '')
}
