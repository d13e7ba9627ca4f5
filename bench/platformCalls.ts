/**
 * platform_calls_per_order: every request the Service makes for one order, counted at the
 * sandbox's proxy (which sees each one: VBase, Master Data, OMS, the destinations). A sandbox store
 * with VTEX's default hard-masked e-mails (so the customer's CL read is part of the floor) gets one
 * order-created broadcast per order, one order at a time, after a warm-up order (settings, the
 * one-time migration check); the figure is the mean over the measured orders, per destination set.
 *
 * `npx tsx bench/platformCalls.ts` runs it alone.
 */
import { startSandbox } from '../sandbox/sandbox'
import { placeOrders, suiteSettings } from '../test/faults/harness'
import type { Received } from '../sandbox/lib/standIn'

export interface PlatformCalls {
  destinations: number
  callsPerOrder: number
  orders: number
  /** Calls per order by kind (`vbase PUT`, `oms GET`…), for reading what the figure is made of. */
  byKind: Record<string, number>
}

const kindOf = (received: Received): string => {
  const url = new URL(received.url)
  const vbase = /\/buckets\/[^/]+\/([^/]+)\/files/.exec(url.pathname)
  return vbase ? `vbase ${received.method} ${vbase[1]}${url.pathname.endsWith('/files') ? ' (list)' : ''}` : `${received.standIn} ${received.method}`
}

async function measure(settings: Record<string, unknown>, destinations: number, orders: number): Promise<PlatformCalls> {
  const sandbox = await startSandbox({ settings, replicas: 1 })
  try {
    const [service] = sandbox.services
    const placed = placeOrders(sandbox, 7_100_000_000 + destinations * 1_000, orders + 1)
    const deliver = async (orderId: string) => {
      const status = await service.sendEvent({ domain: 'Marketplace', orderId, currentState: 'order-created', lastState: '' })
      if (status !== 204) throw new Error(`broadcast of ${orderId} answered ${status}`)
    }
    await deliver(placed[0].orderId)
    // Background work of an order (the index write) may end after the answer: let it settle.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const from = sandbox.state.received.length
    for (const order of placed.slice(1)) await deliver(order.orderId)
    await new Promise((resolve) => setTimeout(resolve, 300))
    const calls = sandbox.state.received.slice(from).filter((received) => received.standIn !== 'scheduler')
    const byKind: Record<string, number> = {}
    for (const call of calls) byKind[kindOf(call)] = (byKind[kindOf(call)] ?? 0) + 1
    for (const kind of Object.keys(byKind)) byKind[kind] = Math.round((byKind[kind] / orders) * 100) / 100
    return { destinations, orders, callsPerOrder: Math.round((calls.length / orders) * 100) / 100, byKind }
  } finally {
    await sandbox.stop()
  }
}

/** One destination (VTEX Ads alone) and three (VTEX Ads, impact.com, OpenAI). */
export async function platformCallsPerOrder(orders = 10): Promise<{ one: PlatformCalls; three: PlatformCalls }> {
  const three = { ...suiteSettings(), impactEnabled: true, openaiEnabled: true }
  return { one: await measure(suiteSettings(), 1, orders), three: await measure(three, 3, orders) }
}

if (require.main === module) {
  platformCallsPerOrder()
    .then((result) => console.log(JSON.stringify(result, null, 2)))
    .catch((error) => {
      console.error(error)
      process.exit(1)
    })
}
