/**
 * npm run -s backfill -- --from <date> --to <date> [--orders <folder>] [--settings <settings.json>] [--profile <CL answer.json>] [--now <ISO date>]
 *
 * The backfill's dry run: which orders of the range would be sent, and what each destination would
 * do with each (ready, skipped or invalid, with the reason), decided by the very functions the
 * backfill uses. Nothing is sent. Orders are OMS order files (default: node/__fixtures__/orders).
 * The range is checked as the admin's backfill checks it (at most 30 days back).
 * Exit 0 when it could decide; 1 with a message on stderr when the input cannot be read.
 */
import { readdirSync } from 'fs'
import { join } from 'path'
import { destinations } from '../destinations'
import { resolveMaskedEmail } from '../order/orderEmail'
import { previewOrder } from '../delivery/preview'
import { newBackfillJob } from '../scheduled/backfill'
import { normalizeSettings } from '../settings/appSettings'
import { decideOnState } from '../trigger/orderFlow'
import { InputError, nowFrom, option, readOrder, readProfiles, readSettingsFile } from './cliInput'

const USAGE = 'usage: npm run -s backfill -- --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--orders <folder>] [--settings <settings.json>] [--profile <CL answer.json>] [--now <ISO date>]'

async function main(args: string[]): Promise<void> {
  const from = option(args, '--from')
  const to = option(args, '--to')
  if (!from || !to) throw new InputError(USAGE)
  const nowMs = nowFrom(args)
  const created = newBackfillJob(from, to, nowMs)
  if ('error' in created) throw new InputError(created.error)
  const { job } = created
  const settings = normalizeSettings(readSettingsFile(option(args, '--settings')))
  const folder = option(args, '--orders') ?? join(__dirname, '..', '__fixtures__', 'orders')
  const profilePath = option(args, '--profile')
  const lookup = profilePath ? readProfiles(profilePath) : undefined

  const inRange = readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .map((file) => readOrder(join(folder, file)))
    .filter((order) => {
      const placed = Date.parse(order.creationDate)
      return placed >= Date.parse(job.from) && placed <= Date.parse(job.to)
    })
    .sort((a, b) => a.creationDate.localeCompare(b.creationDate))
  const due = inRange.filter((order) => decideOnState(order.status ?? '', settings.conversionStatus) === 'convert')

  const orders = []
  for (const order of due) {
    const resolved = await resolveMaskedEmail(order, lookup)
    const preview = previewOrder(resolved.order, settings, destinations, nowMs, resolved.note)
    orders.push({
      orderId: order.orderId,
      placedAt: order.creationDate,
      status: order.status,
      destinations: Object.fromEntries(Object.entries(preview.destinations).map(([name, destination]) => [name, destination.reason ? `${destination.status}: ${destination.reason}` : destination.status])),
    })
  }
  const report = {
    range: { from: job.from, to: job.to },
    trigger: settings.conversionStatus,
    ordersInRange: inRange.length,
    notSent: inRange
      .filter((order) => !due.includes(order))
      .map((order) => ({ orderId: order.orderId, status: order.status, why: order.status === 'canceled' ? 'canceled' : `not at the trigger (${settings.conversionStatus}) yet` })),
    orders,
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`backfill: ${error instanceof InputError ? error.message : (error as Error).stack}\n`)
  process.exit(1)
})
