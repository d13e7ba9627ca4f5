/**
 * npm run -s preview -- --order <order.json> [--settings <settings.json>] [--profile <CL answer.json>] [--now <ISO date>]
 *
 * Prints one JSON object: what each destination would receive for the order (secrets redacted).
 * `--profile`: a JSON array as `GET /api/dataentities/CL/search?_where=userId=…&_fields=email,userId`
 * answers, standing in for the customer-profile lookup a hard-masked e-mail needs.
 * Exit 0 when it could decide (ready, skipped or invalid); exit 1 with a message on stderr when
 * the input cannot be read.
 */
import { readFileSync } from 'fs'
import { destinations } from '../destinations'
import { previewOrder } from '../delivery/preview'
import { resolveMaskedEmail, type ProfileEmailLookup } from '../delivery/orderEmail'
import { normalizeSettings } from '../settings/appSettings'
import type { VtexOrder } from '../typings/order'

class InputError extends Error {}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name)
  if (index === -1) return undefined
  const value = args[index + 1]
  if (!value || value.startsWith('--')) throw new InputError(`${name} needs a value`)
  return value
}

function readJsonFile(path: string, what: string): unknown {
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

function readOrder(path: string): VtexOrder {
  const order = readJsonFile(path, 'order') as Partial<VtexOrder> | null
  if (typeof order !== 'object' || order === null || Array.isArray(order)) throw new InputError(`the order file ${path} does not hold a JSON object`)
  if (typeof order.orderId !== 'string' || order.orderId === '') throw new InputError(`the order file ${path} has no orderId: is it a VTEX OMS order (GET /api/oms/pvt/orders/{orderId})?`)
  if (!Array.isArray(order.items)) throw new InputError(`the order file ${path} has no items array`)
  return order as VtexOrder
}

/** The CL search answer as a lookup: the document whose userId matches, if any. */
function readProfiles(path: string): ProfileEmailLookup {
  const answer = readJsonFile(path, 'profile')
  if (!Array.isArray(answer)) throw new InputError(`the profile file ${path} does not hold a JSON array (a Master Data CL search answer)`)
  const documents = answer.filter((document): document is { userId?: unknown; email?: unknown } => typeof document === 'object' && document !== null)
  return async (userId) => {
    const email = documents.find((document) => document.userId === userId)?.email
    return typeof email === 'string' ? email : undefined
  }
}

async function main(args: string[]): Promise<void> {
  const orderPath = option(args, '--order')
  if (!orderPath) throw new InputError('usage: npm run -s preview -- --order <order.json> [--settings <settings.json>] [--profile <CL answer.json>] [--now <ISO date>]')
  const settingsPath = option(args, '--settings')
  const settingsInput = settingsPath ? readJsonFile(settingsPath, 'settings') : {}
  if (typeof settingsInput !== 'object' || settingsInput === null || Array.isArray(settingsInput)) throw new InputError(`the settings file ${settingsPath} does not hold a JSON object`)
  const nowText = option(args, '--now')
  const nowMs = nowText ? Date.parse(nowText) : Date.now()
  if (Number.isNaN(nowMs)) throw new InputError(`--now ${nowText} is not a date`)

  const profilePath = option(args, '--profile')
  const resolved = await resolveMaskedEmail(readOrder(orderPath), profilePath ? readProfiles(profilePath) : undefined)
  const preview = previewOrder(resolved.order, normalizeSettings(settingsInput), destinations, nowMs, resolved.note)
  process.stdout.write(`${JSON.stringify(preview, null, 2)}\n`)
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`preview: ${error instanceof InputError ? error.message : (error as Error).stack}\n`)
  process.exit(1)
})
