/**
 * npm run -s preview -- --order <order.json> [--settings <settings.json>] [--profile <CL answer.json>] [--now <ISO date>]
 *
 * Prints one JSON object: what each destination would receive for the order (secrets redacted).
 * `--profile`: a JSON array as `GET /api/dataentities/CL/search?_where=userId=…&_fields=email,userId`
 * answers, standing in for the customer-profile lookup a hard-masked e-mail needs.
 * Exit 0 when it could decide (ready, skipped or invalid); exit 1 with a message on stderr when
 * the input cannot be read.
 */
import { destinations } from '../destinations'
import { previewOrder } from '../delivery/preview'
import { resolveMaskedEmail } from '../order/orderEmail'
import { InputError, nowFrom, option, readOrder, readProfiles, readSettingsFile } from './cliInput'
import { normalizeSettings } from '../settings/appSettings'

async function main(args: string[]): Promise<void> {
  const orderPath = option(args, '--order')
  if (!orderPath) throw new InputError('usage: npm run -s preview -- --order <order.json> [--settings <settings.json>] [--profile <CL answer.json>] [--now <ISO date>]')
  const settings = normalizeSettings(readSettingsFile(option(args, '--settings')))
  const nowMs = nowFrom(args)
  const profilePath = option(args, '--profile')
  const resolved = await resolveMaskedEmail(readOrder(orderPath), profilePath ? readProfiles(profilePath) : undefined)
  const preview = previewOrder(resolved.order, settings, destinations, nowMs, resolved.note)
  process.stdout.write(`${JSON.stringify(preview, null, 2)}\n`)
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`preview: ${error instanceof InputError ? error.message : (error as Error).stack}\n`)
  process.exit(1)
})
