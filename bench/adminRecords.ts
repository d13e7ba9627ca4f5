import type { DeliveryRecord, DeliveryStatus } from '../node/deliveryStore/ledger'
import type { DestinationName } from '../node/destinations/destination'

/**
 * A large store's ledger, synthesized: `count` records over the last 90 days, three destinations,
 * mostly sent, a few skipped, dead and failed, ids carried as a storefront with the app installed
 * would have them. Deterministic (seeded), so every bench run queries the same store.
 */
const DESTINATIONS: DestinationName[] = ['vtexAds', 'impact', 'openai']
const SKIP_REASONS = ['no-identity: the order has no valid session_id', 'no-sale-items: only gifts or empty lines', 'canceled-before-send']
const DAY_MS = 86_400_000

export function* syntheticLedgerRecords(count: number, nowMs: number): Generator<DeliveryRecord> {
  let seed = 12345
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  for (let n = 0; n < count; n++) {
    const roll = random()
    const status: DeliveryStatus = roll < 0.85 ? 'sent' : roll < 0.93 ? 'skipped' : roll < 0.96 ? 'failed' : roll < 0.99 ? 'dead' : 'pending'
    const updatedMs = nowMs - Math.floor(random() * 90 * DAY_MS)
    const at = new Date(updatedMs).toISOString()
    yield {
      destination: DESTINATIONS[n % 3],
      orderId: `${1_390_000_000_000 + Math.floor(n / 3)}-01`,
      status,
      attempts: status === 'skipped' ? 0 : 1 + Math.floor(random() * 3),
      reason: status === 'skipped' ? SKIP_REASONS[n % SKIP_REASONS.length] : status === 'dead' ? 'http-422: must have required property \'email_hashed\'' : status === 'failed' ? 'http-503' : undefined,
      identity: { sessionId: random() < 0.97, userId: random() < 0.6, impactClickId: random() < 0.1, oppref: random() < 0.05 },
      orderCreatedAt: new Date(updatedMs - 60_000).toISOString(),
      createdAt: at,
      updatedAt: at,
      sentAt: status === 'sent' ? at : undefined,
    }
  }
}
