import { ORDER_RECORDS_BUCKET } from '../../node/deliveryStore/recordStore'
import { foldDeliveries } from '../../node/deliveryStore/orderRecord'
import { type DeliveryRecord, type IdentityCoverage } from '../../node/deliveryStore/ledger'
import type { DestinationName } from '../../node/destinations/destination'
import { orderDocumentId, toOrderIndexDocument } from '../../node/ledgerIndex/document'
import { ordersOf } from '../../node/ledgerIndex/orderDocuments'
import { INDEX_SCHEMA, INDEX_SCHEMA_NAME, indexEntityName } from '../../node/ledgerIndex/entity'
import type { MasterDataV2StandIn } from '../standins/masterDataV2/standIn'
import type { SandboxState } from '../state'
import { SANDBOX_ACCOUNT, SANDBOX_WORKSPACE, loadManifest } from '../sandbox'
import { SANDBOX_APP_ID } from '../service'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/**
 * A month of a store that runs the app, so the admin's charts have something to show: about 40
 * orders a day (more at weekends and in the evening), each delivered to the three destinations.
 * The story the charts tell:
 * - identity coverage improves: the storefront part was installed 12 days ago, so session_id goes
 *   from about 60 % of converted orders to 97 %;
 * - impact.com was down from 15:00 UTC 9 days ago until the next morning: those deliveries
 *   failed, were retried and went through when it came back (a dip, then a catch-up);
 * - impact.com skips orders without an attribution key (no click id, no profile).
 * Only final records (sent, skipped): a month-old order has nothing left to retry. The history
 * stops 70 minutes ago, so the last hour holds only the orders the sandbox really delivers.
 * Ledger records in VBase and their index documents, as the app writes them; no OMS order is
 * behind them, so a history order cannot be previewed.
 */
export interface DemoHistory {
  orders: number
  records: DeliveryRecord[]
}

export const HISTORY_DAYS = 30
export const HISTORY_ENDS_MINUTES_AGO = 70
const INSTALLED_DAYS_AGO = 12
const OUTAGE = { daysAgo: 9, fromHour: 15, hours: 14 }

export function demoHistory(nowMs: number): DemoHistory {
  let seed = 20261123
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const endMs = nowMs - HISTORY_ENDS_MINUTES_AGO * 60_000
  const startOfToday = Math.floor(nowMs / DAY_MS) * DAY_MS
  const outageFrom = startOfToday - OUTAGE.daysAgo * DAY_MS + OUTAGE.fromHour * HOUR_MS
  const outageTo = outageFrom + OUTAGE.hours * HOUR_MS
  const records: DeliveryRecord[] = []
  let orders = 0
  for (let day = HISTORY_DAYS - 1; day >= 0; day--) {
    const dayStart = startOfToday - day * DAY_MS
    const weekend = [0, 6].includes(new Date(dayStart).getUTCDay())
    const count = Math.round((weekend ? 58 : 38) * (1 + (HISTORY_DAYS - day) / 100) * (0.85 + random() * 0.3))
    for (let n = 0; n < count; n++) {
      // Evenings are busier: two draws, the later one kept half of the time.
      const hour = Math.max(random(), random() < 0.5 ? random() : 0) * 24
      const placedMs = Math.floor(dayStart + hour * HOUR_MS)
      if (placedMs > endMs) continue
      const installed = placedMs > startOfToday - INSTALLED_DAYS_AGO * DAY_MS
      const identity: IdentityCoverage = {
        sessionId: random() < (installed ? 0.97 : 0.6),
        userId: random() < 0.45,
        impactClickId: random() < 0.12,
        oppref: random() < 0.05,
      }
      const orderId = `${1_391_000_000_000 + orders++}-01`
      const sentMs = placedMs + 5_000 + Math.floor(random() * 40_000)
      const canceled = random() < 0.01
      for (const destination of ['vtexAds', 'impact', 'openai'] as DestinationName[]) {
        if (canceled) {
          records.push(record(destination, orderId, placedMs, placedMs, 'skipped', undefined, 'canceled-before-send'))
          continue
        }
        if (destination === 'impact' && !identity.impactClickId && !identity.userId) {
          records.push(
            record(
              destination,
              orderId,
              placedMs,
              sentMs,
              'skipped',
              identity,
              'no-attribution-key: the order has no impact click id, no VTEX profile id and no coupon'
            )
          )
          continue
        }
        const down = destination === 'impact' && placedMs >= outageFrom && placedMs < outageTo
        const deliveredMs = down ? outageTo + Math.floor(random() * 40 * 60_000) : sentMs
        records.push({ ...record(destination, orderId, placedMs, deliveredMs, 'sent', identity), attempts: down ? 4 : 1 })
      }
    }
  }
  return { orders, records }
}

function record(
  destination: DestinationName,
  orderId: string,
  placedMs: number,
  atMs: number,
  status: 'sent' | 'skipped',
  identity?: IdentityCoverage,
  reason?: string
): DeliveryRecord {
  const at = new Date(atMs).toISOString()
  return {
    destination,
    orderId,
    status,
    attempts: status === 'sent' ? 1 : 0,
    reason,
    identity,
    orderCreatedAt: new Date(placedMs).toISOString(),
    createdAt: new Date(placedMs + 1_000).toISOString(),
    updatedAt: at,
    sentAt: status === 'sent' ? at : undefined,
  }
}

/**
 * Writes the history where the app keeps it: one VBase record per order and one document per order
 * in the Master Data index (the schema the app saves, created here when the app has not yet).
 */
export function seedDemoHistory(sandbox: { state: SandboxState; masterDataV2: MasterDataV2StandIn }, nowMs = Date.now()): DemoHistory {
  const history = demoHistory(nowMs)
  const { vendor, name } = loadManifest()
  const byOrder = new Map<string, DeliveryRecord[]>()
  for (const entry of history.records) byOrder.set(entry.orderId, [...(byOrder.get(entry.orderId) ?? []), entry])
  for (const [orderId, deliveries] of byOrder)
    sandbox.state.vbase.set([SANDBOX_ACCOUNT, SANDBOX_WORKSPACE, `${vendor}.${name}`, ORDER_RECORDS_BUCKET, orderId].join('/'), Buffer.from(JSON.stringify(foldDeliveries(orderId, deliveries))))
  const entity = indexEntityName(SANDBOX_APP_ID)
  if (!sandbox.masterDataV2.collection(entity))
    sandbox.masterDataV2.saveSchema(entity, INDEX_SCHEMA_NAME, INDEX_SCHEMA as unknown as Record<string, unknown>)
  sandbox.masterDataV2
    .collection(entity)!
    .putMany(
      [...ordersOf(history.records)].map((order) => ({
        id: orderDocumentId(order.orderId),
        fields: toOrderIndexDocument(order) as unknown as Record<string, unknown>,
      }))
    )
  return history
}
