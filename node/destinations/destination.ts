import type { AppSettings } from '../settings/appSettings'
import type { Conversion } from '../conversion/conversion'

/**
 * One interface, one small implementation per ad platform. Ledger, retries, dead letters and
 * preview are written once (delivery/, cli/) and work the same for every destination.
 */
export type DestinationName = 'vtexAds' | 'impact' | 'openai'

/** An HTTP request exactly as it will be sent: the body is already serialized. */
export interface OutboundRequest {
  method: 'POST'
  url: string
  headers: Record<string, string>
  body: string
}

export type Preparation =
  /** `note` says what a sent record should tell besides "sent" (e.g. no storefront session): becomes its reason. */
  | { kind: 'ready'; request: OutboundRequest; note?: string }
  /** Nothing to send, by design (no identity, no attribution key…): final, not an error. */
  | { kind: 'skipped'; reason: string }
  /** Cannot be sent as is (invalid body, missing setting): a dead letter, replayable after a fix. */
  | { kind: 'invalid'; reason: string; errors: unknown[] }

export interface DestinationResponse {
  status: number
  headers: Record<string, string | undefined>
  body: unknown
}

export type Outcome =
  /** `note` tells what "sent" meant when it was not a plain delivery (e.g. OpenAI validate_only). */
  | { kind: 'sent'; note?: string }
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  | { kind: 'dead'; reason: string; errors?: unknown[] }

export interface Destination {
  name: DestinationName
  enabled(settings: AppSettings): boolean
  /** Pure: conversion + settings (+ clock) → the request, or why there is none. */
  prepare(conversion: Conversion, settings: AppSettings, nowMs: number): Preparation
  /** Pure: the destination's answer (to `request`) → sent, retry later, or dead letter with its own error list. */
  classify(response: DestinationResponse, request?: OutboundRequest): Outcome
  /** For batch APIs (deliverInBatches): whether a dead batch may be blamed on some of its items. */
  splitBatchOn?(outcome: Outcome): boolean
  /** Setting values that must never be shown (preview) or logged. */
  secrets(settings: AppSettings): string[]
  /**
   * Destinations that take many events per request (OpenAI) build one request for several
   * conversions, each of which `prepare` found ready; 'invalid' if any is not. Used with
   * delivery/batchSplit's deliverInBatches, which isolates a bad event by bisecting.
   */
  prepareBatch?(conversions: Conversion[], settings: AppSettings, nowMs: number): Preparation
  /** The most conversions one prepareBatch request may carry. */
  maxBatch?: number
}

/** Shared answer rules: 429 and 5xx are transient; other 4xx are the request's fault. */
export function classifyHttpStatus(response: DestinationResponse, describe: (body: unknown) => string): Outcome | undefined {
  const { status } = response
  if (status === 429 || status >= 500)
    return { kind: 'retry', reason: `http-${status}`, retryAfterMs: retryAfterMs(response.headers['retry-after']) }
  if (status >= 400)
    return {
      kind: 'dead',
      reason: `http-${status}: ${describe(response.body)}`.slice(0, 500),
      errors: Array.isArray(response.body) ? response.body : undefined,
    }
  return undefined
}

/** An answer body as JSON when it is JSON text (a proxy or an HTML error page may send a string). */
export function parseAnswerBody(body: unknown): unknown {
  if (typeof body !== 'string') return body
  try {
    return JSON.parse(body)
  } catch {
    return body
  }
}

/** Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | undefined, nowMs = Date.now()): number | undefined {
  if (!header) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs)
}
