import type { Conversion } from '../conversion/conversion'
import type { Destination, DestinationName, Outcome } from '../destinations/destination'
import { sha256Hex } from '../identity/hash'
import type { AppSettings } from '../settings/appSettings'
import { KeyedMutex } from '../coordination/keyedMutex'
import { FINAL_STATUSES, type DeliveryRecord, type DeliveryStatus, type IdentityCoverage } from '../deliveryStore/ledger'
import { DEFAULT_RETRY_POLICY, nextRetryDelayMs, type RetryPolicy } from '../coordination/retry'
import type { Transport } from '../destinations/transport'
import type { Deadline } from '../coordination/deadline'
import type { DeliveryLogger } from '../lib/logger'
import { sleep } from '../lib/sleep'

export interface DeliveryDeps {
  transport: Transport
  logger: DeliveryLogger
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  policy?: RetryPolicy
  mutex?: KeyedMutex
  /** What is left of the handler's time: retries stop early enough to record the outcome and answer. */
  deadline?: Deadline
}

/** Kept back from the deadline to write the outcome and answer the platform. */
const DEADLINE_MARGIN_MS = 2_000

export interface DeliveryResult {
  destination: DestinationName
  orderId: string
  status: DeliveryStatus | 'in-flight'
  reason?: string
  /** True when the ledger already held a final record and nothing was done. */
  alreadyFinal?: boolean
  /** True when the delivery should be attempted again later (the handler rethrows). */
  retryable: boolean
}

/** What one destination's delivery did, and the delivery state to record (none when nothing was done). */
export interface DestinationDelivery {
  result: DeliveryResult
  record?: DeliveryRecord
}

const processMutex = new KeyedMutex()

/** "ECONNREFUSED", "timeout of 5000ms exceeded"…: the transport error's kind, never its request config. */
export const describeTransportError = (error: unknown): string => {
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  return `no-answer: ${code ?? message ?? 'unknown error'}`.slice(0, 200)
}

/**
 * Serializes everything done for one order inside this process (duplicate broadcasts arriving
 * together, a replay racing a broadcast), so each step reads the ledger after the previous wrote.
 */
export function withOrderLock<T>(orderId: string, work: () => Promise<T>, mutex: KeyedMutex = processMutex): Promise<T> {
  return mutex.run(orderId, work)
}

/** The same for several orders held together (a batch replay), taken in one order so two batches cannot deadlock. */
export function withOrderLocks<T>(orderIds: string[], work: () => Promise<T>, mutex: KeyedMutex = processMutex): Promise<T> {
  const [first, ...rest] = [...new Set(orderIds)].sort()
  return first === undefined ? work() : mutex.run(first, () => withOrderLocks(rest, work, mutex))
}

/**
 * enrich → validate → send, for one destination and one order, with the in-handler retries; answers
 * the delivery state to record (the caller writes every destination's in one record write). Call
 * it holding the order (lock and claim) with the delivery state as read: a final one short-circuits,
 * a live pending one (another replica retrying, written by an earlier version) is left alone. A
 * crash before the caller's write only means a resend, which every destination but impact dedups;
 * the claim's lease keeps anyone else from sending meanwhile.
 */
export async function deliverToDestination(
  destination: Destination,
  conversion: Conversion,
  settings: AppSettings,
  deps: DeliveryDeps,
  options: { existing?: DeliveryRecord; replay?: boolean } = {}
): Promise<DestinationDelivery> {
  const now = deps.now ?? Date.now
  const { logger } = deps
  const { existing } = options
  const { orderId } = conversion
  const name = destination.name
  const result = (status: DeliveryResult['status'], extra: Partial<DeliveryResult> = {}): DeliveryResult => ({
    destination: name,
    orderId,
    status,
    retryable: false,
    ...extra,
  })

  if (existing && !options.replay) {
    if (FINAL_STATUSES.has(existing.status)) return { result: result(existing.status, { alreadyFinal: true, reason: existing.reason }) }
    if (existing.status === 'pending' && existing.leaseUntil && Date.parse(existing.leaseUntil) > now())
      return { result: result('in-flight', { retryable: true, reason: 'in-flight elsewhere' }) }
    if (existing.status === 'failed' && existing.retryAfter && Date.parse(existing.retryAfter) > now()) {
      return { result: result('failed', { reason: existing.reason, retryable: true }) }
    }
  }

  const startedAt = now()
  let record: DeliveryRecord = {
    destination: name,
    orderId,
    status: 'pending',
    attempts: existing?.attempts ?? 0,
    createdAt: existing?.createdAt ?? new Date(startedAt).toISOString(),
    updatedAt: new Date(startedAt).toISOString(),
    notes: conversion.notes.length > 0 ? conversion.notes : undefined,
    identity: identityCoverage(conversion),
    orderCreatedAt: conversion.createdAt,
    canceledAt: existing?.canceledAt,
  }
  const settle = (changes: Partial<DeliveryRecord>): DeliveryRecord =>
    (record = { ...record, ...changes, updatedAt: new Date(now()).toISOString() })

  const preparation = destination.prepare(conversion, settings, startedAt)
  if (preparation.kind === 'skipped') {
    logger.info({ message: 'conversion-skipped', destination: name, orderId, reason: preparation.reason })
    return { result: result('skipped', { reason: preparation.reason }), record: settle({ status: 'skipped', reason: preparation.reason }) }
  }
  if (preparation.kind === 'invalid') {
    logger.warn({ message: 'conversion-dead-letter', destination: name, orderId, reason: preparation.reason })
    return {
      result: result('dead', { reason: preparation.reason }),
      record: settle({ status: 'dead', reason: preparation.reason, errors: preparation.errors }),
    }
  }

  const { request } = preparation
  const basePolicy = deps.policy ?? DEFAULT_RETRY_POLICY
  const policy = {
    ...basePolicy,
    budgetMs: Math.max(0, Math.min(basePolicy.budgetMs, (deps.deadline?.remainingMs() ?? Infinity) - DEADLINE_MARGIN_MS)),
  }
  record = { ...record, payloadHash: sha256Hex(request.body) }

  for (let attemptsThisRun = 1; ; attemptsThisRun++) {
    let outcome: Outcome
    try {
      outcome = withPreparedNote(destination.classify(await deps.transport.send(name, request), request), preparation.note)
    } catch (error) {
      outcome = { kind: 'retry', reason: describeTransportError(error) }
    }
    const attempts = record.attempts + 1
    const delay =
      outcome.kind === 'retry' ? nextRetryDelayMs(attemptsThisRun, now() - startedAt, policy, outcome.retryAfterMs, deps.random) : undefined
    if (delay === undefined) {
      settle(settledChanges(outcome, attempts, now()))
      logOutcome(logger, name, orderId, outcome, attempts)
      return { result: result(record.status, { reason: record.reason, retryable: outcome.kind === 'retry' }), record }
    }
    record = { ...record, attempts, lastError: outcome.kind === 'retry' ? outcome.reason : record.lastError }
    await (deps.sleep ?? sleep)(delay)
  }
}

/** A sent record tells what the destination's own answer cannot (e.g. "no storefront session"), unless the answer had its own note. */
const withPreparedNote = (outcome: Outcome, note: string | undefined): Outcome =>
  outcome.kind === 'sent' && !outcome.note && note ? { ...outcome, note } : outcome

/** Whether the order carried each id: booleans only, the ids themselves stay out of the ledger. */
export const identityCoverage = ({ identity }: Conversion): IdentityCoverage => ({
  sessionId: identity.sessionId !== undefined,
  userId: identity.userId !== undefined,
  impactClickId: identity.impactClickId !== undefined,
  oppref: identity.oppref !== undefined,
})

/**
 * What an attempt's outcome makes of the ledger record when no further attempt follows in this
 * run: sent, dead (with the destination's error list) or failed (retry later, after Retry-After).
 */
export function settledChanges(outcome: Outcome, attempts: number, nowMs: number): Partial<DeliveryRecord> {
  const settled = { attempts, leaseUntil: undefined, retryAfter: undefined }
  switch (outcome.kind) {
    case 'sent':
      return {
        ...settled,
        status: 'sent',
        sentAt: new Date(nowMs).toISOString(),
        reason: outcome.note,
        errors: undefined,
        lastError: undefined,
      }
    case 'dead':
      return { ...settled, status: 'dead', reason: outcome.reason, errors: outcome.errors, lastError: outcome.reason }
    case 'retry':
      return {
        ...settled,
        status: 'failed',
        reason: outcome.reason,
        lastError: outcome.reason,
        retryAfter: outcome.retryAfterMs ? new Date(nowMs + outcome.retryAfterMs).toISOString() : undefined,
      }
  }
}

const OUTCOME_LOG = { sent: 'conversion-sent', dead: 'conversion-dead-letter', retry: 'conversion-failed' } as const

export function logOutcome(
  logger: DeliveryLogger,
  destination: DestinationName,
  orderId: string,
  outcome: Outcome,
  attempts: number
): void {
  const entry = {
    message: OUTCOME_LOG[outcome.kind],
    destination,
    orderId,
    attempts,
    reason: outcome.kind === 'sent' ? outcome.note : outcome.reason,
  }
  if (outcome.kind === 'sent') logger.info(entry)
  else logger.warn(entry)
}
