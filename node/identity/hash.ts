import { hash } from 'crypto'

/** SHA-256 hex: what VTEX Ads and OpenAI expect for hashed identifiers. (One-shot crypto.hash: ~2x createHash.) */
export const sha256Hex = (value: string): string => hash('sha256', value, 'hex')

/** SHA-1 hex: what impact.com expects for CustomerEmail. */
export const sha1Hex = (value: string): string => hash('sha1', value, 'hex')
