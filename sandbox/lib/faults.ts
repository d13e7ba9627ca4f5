/**
 * Network faults between the app and a stand-in, injected at the sandbox proxy (the fault suite's
 * tool): where a stand-in's own injected failures are the remote system answering with an error,
 * these are the network and the remote misbehaving below HTTP.
 */
export type Fault =
  /** No answer at all, until the caller gives up (its timeout). */
  | { kind: 'hang' }
  /** The connection drops before the stand-in sees the request. */
  | { kind: 'reset' }
  /** The stand-in processes the request, then the connection drops: the caller never learns it was done. */
  | { kind: 'lost-answer' }
  /** A raw answer in place of the stand-in's (an HTML error page with a 200, truncated JSON…). */
  | { kind: 'answer'; status: number; body: string; contentType: string }
  /** The stand-in's answer, late. */
  | { kind: 'delay'; ms: number }

export interface FaultRule {
  standIn: string
  /** Only requests whose path matches (default: every request of the stand-in). */
  path?: RegExp
  fault: Fault
  /** How many requests it applies to (Infinity: until removed, or for its whole window). */
  times: number
  /** A window of time (epoch ms) instead of, or as well as, a count: an outage that starts and ends. */
  from?: number
  until?: number
}

export class Faults {
  private rules: FaultRule[] = []
  /** Until when (epoch ms) the scheduler makes no call to the app: not a network fault, the scheduler itself silent. */
  private schedulerSilentUntil = 0
  /** Requests the stand-in processed whose answer the proxy dropped ('lost-answer'), by body. */
  readonly lostAnswers: string[] = []
  /** Faults injected so far, by `standIn kind` (e.g. `infra hang`): what a scenario really did. */
  readonly injected: Record<string, number> = {}

  add(rule: FaultRule): void {
    this.rules.push({ ...rule })
  }

  clear(standIn?: string): void {
    this.rules = standIn ? this.rules.filter((rule) => rule.standIn !== standIn) : []
  }

  /**
   * The fault for a request to a host the `standIns` serve, if a rule of one of them applies (and
   * counts it): a rule is about the host's network, so Master Data's v1 and v2 stand-ins (one host,
   * api.vtex.com) fail together unless the rule's path tells them apart.
   */
  take(standIns: string[], path: string, now = Date.now()): Fault | undefined {
    const inWindow = (rule: FaultRule) => (rule.from === undefined || now >= rule.from) && (rule.until === undefined || now < rule.until)
    const rule = this.rules.find((candidate) => standIns.includes(candidate.standIn) && candidate.times > 0 && inWindow(candidate) && (!candidate.path || candidate.path.test(path)))
    if (!rule) return undefined
    rule.times -= 1
    const counted = `${rule.standIn} ${rule.fault.kind}`
    this.injected[counted] = (this.injected[counted] ?? 0) + 1
    return rule.fault
  }

  /** The scheduler stops calling the app's registered schedules until `until` (epoch ms), then resumes. */
  silenceScheduler(until: number): void {
    this.schedulerSilentUntil = until
  }

  schedulerSilent(now = Date.now()): boolean {
    return now < this.schedulerSilentUntil
  }
}
