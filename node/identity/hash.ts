import { createHash } from 'crypto'

/**
 * SHA-256 hex: what VTEX Ads and OpenAI expect for hashed identifiers. createHash, not the
 * one-shot crypto.hash: that one is missing from the node builder 7.x toolchain (@types/node
 * 20.0.0) and from Node before 20.12.
 */
export const sha256Hex = (value: string): string => createHash('sha256').update(value).digest('hex')

/** SHA-1 hex: what impact.com expects for CustomerEmail. */
export const sha1Hex = (value: string): string => createHash('sha1').update(value).digest('hex')
