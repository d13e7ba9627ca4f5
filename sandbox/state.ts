import type { VtexOrder } from '../node/typings/order'
import type { Received } from './lib/standIn'

/**
 * Everything the stand-ins remember, in memory: orders (OMS), files (VBase), the app settings,
 * failures queued on purpose, and every request received (shown by npm start, read by tests).
 */
export class SandboxState {
  readonly orders = new Map<string, VtexOrder>()
  readonly vbase = new Map<string, Buffer>()
  readonly received: Received[] = []
  /** Status codes the next requests to a stand-in answer with, e.g. { vtexAds: [503] }. */
  readonly injectedFailures = new Map<string, number[]>()
  orderFormConfiguration: Record<string, unknown> = { paymentConfiguration: { requiresAuthenticationForPreAuthorizedPaymentOption: false }, apps: [] }
  private readonly listeners: Array<(received: Received) => void> = []

  constructor(public settings: Record<string, unknown>) {}

  record(received: Received): void {
    this.received.push(received)
    for (const listener of this.listeners) listener(received)
  }

  onReceived(listener: (received: Received) => void): void {
    this.listeners.push(listener)
  }

  takeInjectedFailure(standIn: string): number | undefined {
    return this.injectedFailures.get(standIn)?.shift()
  }

  injectFailures(standIn: string, statuses: number[]): void {
    this.injectedFailures.set(standIn, [...(this.injectedFailures.get(standIn) ?? []), ...statuses])
  }
}
