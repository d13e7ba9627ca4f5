import type { VtexOrder } from '../node/typings/order'
import type { Received } from './lib/standIn'
import { Faults } from './lib/faults'
import type { RegisteredSchedule } from './standins/scheduler'
import type { VtexApiCall } from './platform/userAccess'
import type { ContractSink, ContractViolation } from './platform/contractGate'
import { publishedExample } from './contracts/contractCheck'

/** How OMS hides the customer's e-mail (Conversation Tracker): "Stores are configured as hard by default". */
export type EmailMasking = 'hard' | 'soft'

/** A customer's Master Data v1 `CL` document, as far as the app reads it. */
export interface CustomerProfile {
  userId: string
  email: string
}

/** A VTEX ID login: the user (e-mail) and account a token belongs to. */
export interface VtexIdUser {
  user: string
  account: string
}

export interface PolicyViolation {
  at: number
  method: string
  url: string
  reason: string
}

/**
 * VBase's files, keyed `account/workspace/app/bucket/path`, with each bucket's paths kept sorted
 * on the side so a listing (claims, the retry queue) costs what the bucket holds, not what the
 * whole store holds (the admin's benchmark seeds a million ledger records).
 */
export class VBaseFiles extends Map<string, Buffer> {
  private readonly buckets = new Map<string, Set<string>>()

  private static split(key: string): [string, string] {
    const at = key.split('/', 4).join('/').length
    return [key.slice(0, at), key.slice(at + 1)]
  }

  override set(key: string, value: Buffer): this {
    super.set(key, value)
    // Map's constructor calls set before the field exists.
    if (this.buckets) {
      const [bucket, path] = VBaseFiles.split(key)
      const paths = this.buckets.get(bucket) ?? new Set<string>()
      paths.add(path)
      this.buckets.set(bucket, paths)
    }
    return this
  }

  override delete(key: string): boolean {
    const [bucket, path] = VBaseFiles.split(key)
    this.buckets.get(bucket)?.delete(path)
    return super.delete(key)
  }

  /** Paths of `bucket` (`account/workspace/app/bucket`) starting with `prefix`, in order. */
  list(bucket: string, prefix: string): string[] {
    return [...(this.buckets.get(bucket) ?? [])].filter((path) => path.startsWith(prefix)).sort()
  }
}

/**
 * Everything the stand-ins remember, in memory: orders (OMS), files (VBase), the app settings,
 * failures queued on purpose, and every request received (shown by npm start, read by tests).
 */
export class SandboxState implements ContractSink {
  readonly orders = new Map<string, VtexOrder>()
  readonly vbase = new VBaseFiles()
  readonly received: Received[] = []
  /** Status codes the next requests to a stand-in answer with, e.g. { vtexAds: [503] }. */
  readonly injectedFailures = new Map<string, number[]>()
  /** The account's checkout orderForm configuration: VTEX's published example, without its example app (a fresh account lists none). */
  orderFormConfiguration: Record<string, unknown> = { ...(publishedExample('Checkout API', 'GET /api/checkout/pvt/configuration/orderForm', 200) as object), apps: [] }
  /** OMS answers with e-mails masked this way (the real default: hard). */
  emailMasking: EmailMasking = 'hard'
  /** Master Data CL documents by userId (the order's clientProfileData.userProfileId). */
  readonly profiles = new Map<string, CustomerProfile>()
  /** VTEX ID tokens the sandbox knows; any other token is nobody's. */
  readonly vtexIdTokens = new Map<string, VtexIdUser>()
  /**
   * License Manager grants: `${user}|${product}|${resource}`: the @auth resource (product 66,
   * read-write-apps-settings) and the VTEX API resources of the user's roles (OMS "View order"…).
   */
  readonly grants = new Set<string>()
  /** The app's own token: what the platform hands the Service (x-vtex-credential) and the app sends as Proxy-Authorization. */
  appToken = 'sandbox-app-token'
  /** Operation ids (x-vtex-operation-id) of GraphQL requests made with an admin's VtexIdclientAutCookie. */
  readonly adminOperations = new Set<string>()
  /** Every call to a user-governed VTEX API (OMS, checkout configuration, CL) and who made it. */
  readonly vtexApiCalls: VtexApiCall[] = []
  /**
   * The publishers the fake VTEX Ads knows, with their sites (brands). A publisher with several
   * sites needs `brand` on each conversion; an empty map accepts any publisher.
   */
  readonly vtexAdsPublishers = new Map<string, { sites: string[] }>()
  /** Network faults the proxy injects between the app and a stand-in (the fault suite). */
  readonly faults = new Faults()
  /** Schedules registered with the scheduler stand-in, by id. */
  readonly schedules = new Map<string, RegisteredSchedule>()
  /** Every call the proxy refused for a policy missing from the manifest. */
  readonly policyViolations: PolicyViolation[] = []
  /** Every request VTEX's published schema refuses, and every stand-in answer that breaks it (platform/contractGate.ts). */
  readonly contractViolations: ContractViolation[] = []
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
