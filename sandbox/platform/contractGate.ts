import { contractChecker, type ContractRequest } from '../contracts/contractCheck'
import { describeErrors } from '../contracts/specs'
import type { StandInReply } from '../lib/standIn'

/**
 * What the sandbox does with VTEX's published contracts on every call to a VTEX API a vendored
 * spec describes (sandbox/contracts/): a request the schema refuses gets VTEX's error answer and
 * never reaches the stand-in; a stand-in answer that breaks the response schema is drift in the
 * sandbox itself. Both are recorded, and the integration suites fail on any (as on policy
 * violations): a sandbox friendlier than VTEX, or answering what VTEX never answers, hides bugs.
 */
export interface ContractViolation {
  at: number
  /** request: the app (or the page) sent what VTEX refuses; answer: a stand-in answered what VTEX never does. */
  kind: 'request' | 'answer'
  method: string
  url: string
  /** The published operation, e.g. `Orders API GET /api/oms/pvt/orders/{orderId}`. */
  operation: string
  /** The answer's status (kind answer) or the refusal's (kind request). */
  status: number
  errors: string
}

export interface ContractSink {
  readonly contractViolations: ContractViolation[]
}

export interface ContractExchange {
  /** The published operation the call matched. */
  operation: string
  /** VTEX's answer when the request breaks the published schema (already recorded). */
  refusal?: StandInReply
  /** Checks the answer the stand-in gave; drift is recorded. */
  answered(reply: StandInReply): void
}

/**
 * Opens the check of one call; undefined when no vendored spec describes it (VBase, app settings…).
 * `servedAs`: the VTEX host a local origin stands for (the events API the browser beacons to).
 */
export function openContractExchange(sink: ContractSink, request: ContractRequest, servedAs?: string): ContractExchange | undefined {
  const checker = contractChecker()
  if (!checker.coversHost(servedAs ?? request.url.hostname)) return undefined
  let verdict: ReturnType<typeof checker.checkRequest>
  try {
    verdict = checker.checkRequest(request, servedAs)
  } catch (error) {
    // A check that cannot run is a failure to see, never a hung proxy.
    sink.contractViolations.push({
      at: Date.now(),
      kind: 'request',
      method: request.method,
      url: request.url.toString(),
      operation: '(none)',
      status: 0,
      errors: `the contract check failed: ${(error as Error).message}`,
    })
    return undefined
  }
  if (!verdict) return undefined
  const operation = (verdict.accepted[0] ?? verdict.described[0]).key
  const violation = (kind: ContractViolation['kind'], status: number, errors: string) =>
    sink.contractViolations.push({ at: Date.now(), kind, method: request.method, url: request.url.toString(), operation, status, errors })
  if (verdict.refusal) violation('request', verdict.refusal.status, describeErrors(verdict.errors))
  return {
    operation,
    refusal: verdict.refusal,
    answered(reply) {
      try {
        const errors = checker.checkAnswer(verdict.accepted, reply)
        if (errors.length > 0) violation('answer', reply.status, describeErrors(errors))
      } catch (error) {
        violation('answer', reply.status, `the contract check failed: ${(error as Error).message}`)
      }
    },
  }
}
