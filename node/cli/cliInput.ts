import { readFileSync } from 'fs'
import type { ProfileEmailLookup } from '../order/orderEmail'
import type { VtexOrder } from '../typings/order'

/** The local CLIs' inputs (preview, backfill): files and options, with messages a merchant can act on. */
export class InputError extends Error {}

export function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name)
  if (index === -1) return undefined
  const value = args[index + 1]
  if (!value || value.startsWith('--')) throw new InputError(`${name} needs a value`)
  return value
}

export function readJsonFile(path: string, what: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new InputError(`cannot read the ${what} file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  try {
    return JSON.parse(text)
  } catch {
    throw new InputError(`the ${what} file ${path} is not valid JSON`)
  }
}

export function readOrder(path: string): VtexOrder {
  const order = readJsonFile(path, 'order') as Partial<VtexOrder> | null
  if (typeof order !== 'object' || order === null || Array.isArray(order)) throw new InputError(`the order file ${path} does not hold a JSON object`)
  if (typeof order.orderId !== 'string' || order.orderId === '') throw new InputError(`the order file ${path} has no orderId: is it a VTEX OMS order (GET /api/oms/pvt/orders/{orderId})?`)
  if (!Array.isArray(order.items)) throw new InputError(`the order file ${path} has no items array`)
  return order as VtexOrder
}

/** The CL search answer as a lookup: the document whose userId matches, if any. */
export function readProfiles(path: string): ProfileEmailLookup {
  const answer = readJsonFile(path, 'profile')
  if (!Array.isArray(answer)) throw new InputError(`the profile file ${path} does not hold a JSON array (a Master Data CL search answer)`)
  const documents = answer.filter((document): document is { userId?: unknown; email?: unknown } => typeof document === 'object' && document !== null)
  return async (userId) => {
    const email = documents.find((document) => document.userId === userId)?.email
    return typeof email === 'string' ? email : undefined
  }
}

/** Settings file → the raw settings object (normalized by the caller). */
export function readSettingsFile(path: string | undefined): Record<string, unknown> {
  const input = path ? readJsonFile(path, 'settings') : {}
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new InputError(`the settings file ${path} does not hold a JSON object`)
  return input as Record<string, unknown>
}

/** --now, or the clock. */
export function nowFrom(args: string[]): number {
  const text = option(args, '--now')
  const nowMs = text ? Date.parse(text) : Date.now()
  if (Number.isNaN(nowMs)) throw new InputError(`--now ${text} is not a date`)
  return nowMs
}
