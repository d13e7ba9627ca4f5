/**
 * npm start: the local sandbox. The real node Service and the real storefront blocks run against
 * stand-ins of VTEX (OMS, checkout, VBase, app settings) and of the ad platforms; a page lets a
 * person browse sponsored products, see beacons arrive, place an order and watch the conversion.
 *
 *   npm start                 # serve until Ctrl-C
 *   npm start -- --once       # replay the fixture broadcasts, print what arrived, exit (CI smoke)
 */
import { join } from 'path'
import { close } from './lib/servers'
import { ledgerRecords, startPageServer } from './pageServer'
import { loadSandboxSettings, startSandbox, type Sandbox } from './sandbox'
import { ADMIN_PATH } from './admin/routes'
import { MISTYPED_OUTLET_BRAND, OUTLET_BRAND, seedAdminDemo, withAdminDemoMistake } from './admin/demo'
import { HISTORY_DAYS, seedDemoHistory } from './admin/demoHistory'
import { loadBroadcasts } from '../node/__fixtures__'
import { consoleLine } from './consoleLine'

const FIXTURE_BROADCASTS = ['simple-lifecycle', 'invoiced-only', 'canceled-after-payment'] as const
const SCHEDULE_TICK_MS = 10_000

const args = process.argv.slice(2)
const once = args.includes('--once')
const requestedPort = Number(process.env.PORT ?? 3000)

async function replayFixtures(sandbox: Sandbox): Promise<void> {
  for (const name of FIXTURE_BROADCASTS) {
    console.log(`\n▶ broadcasts ${name}.json`)
    for (const broadcast of loadBroadcasts(name)) {
      // Every request the Service made for this broadcast, counted at the proxy (bench: platform_calls_per_order).
      const from = sandbox.state.received.length
      const status = await sandbox.service!.sendEvent(broadcast)
      const calls = sandbox.state.received.length - from
      console.log(`  broadcast ${broadcast.orderId} ${broadcast.currentState} → Service answered ${status}, ${calls} platform call${calls === 1 ? '' : 's'}`)
    }
  }
}

async function main() {
  // VTEX's scheduler calls the scheduled run every 5 minutes; here every 10 s, the app's delays scaled alike.
  // The admin demo: a brand mapping row with a typo, so one order becomes a dead letter to fix.
  const sandbox = await startSandbox({ settings: withAdminDemoMistake(loadSandboxSettings()), schedule: { tickEveryMs: SCHEDULE_TICK_MS } })
  const { server: page, origin } = await startPageServer(sandbox, requestedPort)

  sandbox.state.onReceived((received) => {
    const text = consoleLine(received)
    if (text) console.log(text)
  })

  console.log('ads-events sandbox')
  console.log(
    `  the real Service (node/) on 127.0.0.1:${sandbox.service!.port}, its clients routed through the sandbox proxy on :${sandbox.proxyPort}`
  )
  console.log(
    `  stand-ins: OMS + checkout, VBase, Master Data CL, VTEX ID + License Manager, app settings (${join('sandbox', 'settings.json')}), VTEX Ads events API (${sandbox.eventsOrigin}), impact.com, OpenAI Ads`
  )
  console.log(
    `  as strict as a real account: e-mails masked ${sandbox.state.emailMasking} by OMS (VTEX's default), every call checked against manifest.json's policies and VTEX's published OpenAPI, customData only for registered apps`
  )
  console.log(
    `  scheduled run (later retries, reconciliation, backfill): registered by the app on install, called every ${SCHEDULE_TICK_MS / 1000} s (VTEX: 5 min; the app's delays scaled alike), printed when it did something`
  )

  await replayFixtures(sandbox)
  console.log(`\n▶ admin demo: an order of the outlet site (sales channel 3), whose brand row says "${MISTYPED_OUTLET_BRAND}"`)
  await seedAdminDemo(sandbox)
  const accepted = [...sandbox.vtexAds.conversions.keys()]
  console.log(`\nVTEX Ads accepted ${accepted.length} conversion(s): ${accepted.join(', ') || 'none'}`)
  console.log(
    `impact.com queued ${sandbox.impact.conversions.size} conversion(s); OpenAI Ads stored ${sandbox.openai.events.size} event(s)`
  )
  console.log('Delivery ledger (VBase):')
  for (const record of ledgerRecords(sandbox)) {
    console.log(
      `  ${record.destination}:${record.orderId}  ${record.status}${record.reason ? ` (${record.reason})` : ''}${record.canceledAt ? ', order canceled later' : ''}`
    )
  }

  const refused = sandbox.state.policyViolations
  console.log(refused.length === 0 ? 'Policy check: every call of the Service was allowed by manifest.json.' : `Policy check: ${refused.length} call(s) REFUSED:`)
  for (const violation of refused) console.log(`  ${violation.method} ${violation.url}: ${violation.reason}`)
  const broken = sandbox.state.contractViolations
  console.log(
    broken.length === 0
      ? "Contract check: every call to a VTEX API, and every stand-in answer, kept VTEX's published OpenAPI."
      : `Contract check: ${broken.length} violation(s) of VTEX's published OpenAPI:`
  )
  for (const violation of broken) console.log(`  ${violation.kind} ${violation.method} ${violation.url} (${violation.operation}, ${violation.status}): ${violation.errors}`)

  if (once) {
    await sandbox.stop()
    await close(page)
    process.exit(accepted.length > 0 && refused.length === 0 && broken.length === 0 ? 0 : 1)
  }

  // After the ledger print: a month of history (ledger and index records) for the admin's charts.
  const history = seedDemoHistory(sandbox)
  console.log(`\n▶ admin charts: ${history.orders} orders of the last ${HISTORY_DAYS} days in the ledger and its index (${history.records.length} deliveries)`)

  console.log(`\n  Store:     ${origin}/   (browse, see beacons, add to cart, place an order)`)
  console.log(`  Dashboard: ${origin}/_sandbox   (everything the stand-ins received)`)
  console.log(`  Admin:     ${origin}${ADMIN_PATH}   (health, coverage, deliveries, actions; logged in as the sandbox admin)`)
  console.log(`  Settings:  ${origin}/_sandbox/settings   (fix the outlet's brand to "${OUTLET_BRAND}", then replay its dead letter in the admin)`)
  console.log('  Ctrl-C to stop.\n')

  const shutdown = async () => {
    await sandbox.stop()
    await close(page)
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
