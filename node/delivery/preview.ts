import { toConversion, UnmappableOrderError } from '../conversion/conversion'
import type { Destination, OutboundRequest } from '../destinations/destination'
import type { AppSettings } from '../settings/appSettings'
import type { VtexOrder } from '../typings/order'

/**
 * The merchant's dry run: what each destination would receive for an order, decided by the very
 * functions the pipeline uses, with every secret redacted. No I/O.
 */
export interface DestinationPreview {
  status: 'ready' | 'skipped' | 'invalid'
  reason?: string
  errors?: unknown[]
  request?: { method: string; url: string; headers: Record<string, string>; body: unknown }
}

export interface OrderPreview {
  orderId: string
  notes: string[]
  destinations: Record<string, DestinationPreview>
}

export const REDACTED = '[REDACTED]'

function redact(text: string, secrets: string[]): string {
  return secrets.filter((secret) => secret.length > 0).reduce((out, secret) => out.split(secret).join(REDACTED), text)
}

/** Credentials never appear, even encoded (Basic auth is base64 of the token). */
function redactRequest(request: OutboundRequest, secrets: string[]): NonNullable<DestinationPreview['request']> {
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [
      name,
      name.toLowerCase() === 'authorization' ? value.replace(/^(\w+)\s.*$/, `$1 ${REDACTED}`) : redact(value, secrets),
    ])
  )
  const body = redact(request.body, secrets)
  const isJson = /json/i.test(request.headers['content-type'] ?? request.headers['Content-Type'] ?? '')
  return { method: request.method, url: redact(request.url, secrets), headers, body: isJson ? JSON.parse(body) : body }
}

/** `resolutionNote`: what resolving a masked e-mail did (orderEmail.ts), when the caller did it first. */
export function previewOrder(
  order: VtexOrder,
  settings: AppSettings,
  destinations: Destination[],
  nowMs: number,
  resolutionNote?: string
): OrderPreview {
  let conversion
  try {
    conversion = toConversion(order)
    if (resolutionNote) conversion.notes.push(resolutionNote)
  } catch (error) {
    if (!(error instanceof UnmappableOrderError)) throw error
    const invalid: DestinationPreview = { status: 'invalid', reason: `unmappable-order: ${error.reason}` }
    return {
      orderId: order.orderId,
      notes: [],
      destinations: Object.fromEntries(destinations.map((destination) => [destination.name, invalid])),
    }
  }

  const previews = destinations.map((destination): [string, DestinationPreview] => {
    if (!destination.enabled(settings)) return [destination.name, { status: 'skipped', reason: 'disabled in settings' }]
    const preparation = destination.prepare(conversion, settings, nowMs)
    switch (preparation.kind) {
      case 'skipped':
        return [destination.name, { status: 'skipped', reason: preparation.reason }]
      case 'invalid':
        return [destination.name, { status: 'invalid', reason: preparation.reason, errors: preparation.errors }]
      case 'ready':
        return [destination.name, { status: 'ready', request: redactRequest(preparation.request, destination.secrets(settings)) }]
    }
  })
  return { orderId: conversion.orderId, notes: conversion.notes, destinations: Object.fromEntries(previews) }
}
