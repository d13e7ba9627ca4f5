/**
 * A random id for a new visitor: RFC 4122 v4 from the browser's CSPRNG (`crypto.randomUUID`, in
 * every browser since 2022, on https pages and localhost: every VTEX store; not in the react
 * builder's TypeScript 3.9 DOM types). Elsewhere (an old browser, a plain-http preview) a random id
 * of the same alphabet: it only has to be unique, not secret.
 */
export const uuidV4 = (): string => {
  const webCrypto = typeof crypto === 'undefined' ? undefined : (crypto as { randomUUID?: () => string })
  return webCrypto && webCrypto.randomUUID ? webCrypto.randomUUID() : Date.now().toString(36) + Math.random().toString(36).slice(1)
}
