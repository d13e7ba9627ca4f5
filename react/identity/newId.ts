/**
 * A new visitor's id: 32 hex digits (128 bits) from the browser's CSPRNG, already in the ads format
 * (letters and digits, validId.ts). `crypto.getRandomValues` is in every browser, on http pages too
 * (`randomUUID` is not), and the identity never runs on the server.
 */
export const newId = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => (byte | 256).toString(16).slice(1)).join('')
