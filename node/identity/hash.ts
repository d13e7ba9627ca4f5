import { createHash } from 'crypto'

/** SHA-256 hex: what VTEX Ads and OpenAI expect for hashed identifiers. */
export const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex')

/** SHA-1 hex: what impact.com expects for CustomerEmail. */
export const sha1Hex = (value: string): string => createHash('sha1').update(value, 'utf8').digest('hex')
