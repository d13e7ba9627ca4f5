import { createHash } from 'crypto'
import type { VtexOrder } from '../../node/typings/order'

/**
 * OMS's Conversation Tracker masks the customer's e-mail in every order it returns (VTEX Help
 * Center, "Understanding the Conversation Tracker"):
 * - hard, "Stores are configured as hard by default": an unreadable alias, `<32 hex>@ct.vtex.com.br`;
 * - soft: the address with a suffix, `john@example.com-207700027841b.ct.vtex.com.br`.
 * Fixture orders keep the address in either shape; the stand-in serves the store's mode.
 */
const SOFT_SUFFIX = /-\d+b\.ct\.vtex\.com\.br$/i
const HARD_ALIAS = /^[0-9a-f]{32}@ct\.vtex\.com\.br$/i

/** The real address behind a stored e-mail, when it can be read (plain or soft-masked). */
export function realAddressOf(stored: string | null | undefined): string | undefined {
  if (!stored || HARD_ALIAS.test(stored.trim())) return undefined
  return stored.trim().replace(SOFT_SUFFIX, '')
}

export function maskEmail(stored: string, orderId: string, mode: 'hard' | 'soft'): string {
  const real = realAddressOf(stored)
  if (!real) return stored
  if (mode === 'soft') return `${real}-${BigInt(`0x${createHash('sha256').update(orderId).digest('hex').slice(0, 10)}`).toString().slice(0, 12)}b.ct.vtex.com.br`
  return `${createHash('sha256').update(`${orderId}:${real}`).digest('hex').slice(0, 32)}@ct.vtex.com.br`
}

/** The order as OMS answers it: the same order, its customer's e-mail masked. */
export function asOmsAnswers(order: VtexOrder, mode: 'hard' | 'soft'): VtexOrder {
  const email = order.clientProfileData?.email
  if (!email) return order
  return { ...order, clientProfileData: { ...order.clientProfileData, email: maskEmail(email, order.orderId, mode) } }
}

/**
 * Data Protection Plus (the Orders API's PII version): with `reason` the order is answered unmasked
 * (the real address, whatever the Conversation Tracker would do), and says `piiHidden: true`
 * ("Defines if the VTEX account uses PII data architecture"). Without `reason`, personal data is
 * masked with asterisks, as the Profile System shows it (`j***.d**@e******.c**`).
 */
export function asPiiAnswer(order: VtexOrder): VtexOrder {
  const email = realAddressOf(order.clientProfileData?.email)
  return { ...order, piiHidden: true, clientProfileData: { ...order.clientProfileData, email: email ?? order.clientProfileData?.email } } as VtexOrder
}

const starred = (value: string | null | undefined): string | null | undefined =>
  typeof value === 'string' ? value.replace(/[^@.\s-]/g, (char, at: number, whole: string) => (at === 0 || /[@.\s-]/.test(whole[at - 1]) ? char : '*')) : value

export function asPiiMasked(order: VtexOrder): VtexOrder {
  const profile = order.clientProfileData ?? {}
  return {
    ...order,
    piiHidden: true,
    clientProfileData: {
      ...profile,
      email: starred(realAddressOf(profile.email) ?? profile.email),
      firstName: starred(profile.firstName),
      lastName: starred(profile.lastName),
      document: starred(profile.document),
      phone: starred(profile.phone),
    },
  } as VtexOrder
}
