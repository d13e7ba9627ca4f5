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
  /** How many requests it applies to (Infinity: until removed). */
  times: number
}

export class Faults {
  private rules: FaultRule[] = []
  /** Requests the stand-in processed whose answer the proxy dropped ('lost-answer'), by body. */
  readonly lostAnswers: string[] = []

  add(rule: FaultRule): void {
    this.rules.push({ ...rule })
  }

  clear(standIn?: string): void {
    this.rules = standIn ? this.rules.filter((rule) => rule.standIn !== standIn) : []
  }

  /** The fault for this request, if a rule applies (and counts it). */
  take(standIn: string, path: string): Fault | undefined {
    const rule = this.rules.find((candidate) => candidate.standIn === standIn && candidate.times > 0 && (!candidate.path || candidate.path.test(path)))
    if (!rule) return undefined
    rule.times -= 1
    return rule.fault
  }
}
