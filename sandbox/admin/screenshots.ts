/**
 * Pictures of the admin page as `npm start` serves it, for docs/README.md (docs/images/admin-*.png)
 * and the App Store listing (adminListingShots, at its 700×400). The store behind them: a month of
 * history (demoHistory.ts), the fixture broadcasts, a dozen more orders (some without a session
 * id, one shopper without click ids), the outlet order VTEX Ads refused, and impact.com refusing
 * everything since its token was revoked (the failure banner).
 */
import { mkdirSync } from 'fs'
import { join } from 'path'
import type { Browser, Page } from 'playwright-core'
import { loadBroadcasts } from '../../node/__fixtures__'
import type { VtexOrder } from '../../node/typings/order'
import { benchOrder } from '../../bench/orders'
import { close } from '../lib/servers'
import { startPageServer } from '../pageServer'
import { loadSandboxSettings, startSandbox, type Sandbox } from '../sandbox'
import { launchChromium } from '../storefront/browserHarness'
import { OUTLET_ORDER_ID, seedAdminDemo, withAdminDemoMistake, withRevokedImpactToken } from './demo'
import { seedDemoHistory } from './demoHistory'
import { ADMIN_PATH } from './routes'

const DOC_IMAGES = join(__dirname, '..', '..', 'docs', 'images')

/** Orders of a store that runs the app: most carry a session id, some a profile, few a click id. */
function demoOrder(index: number): VtexOrder {
  const order = benchOrder(index)
  const fields: Record<string, string> = { session_id: `0c0ffee0-0000-4000-8000-${String(index).padStart(12, '0')}` }
  if (index % 3 === 0) fields.impact_click_id = `Qn3wT8Xy${index}`
  const customApps = index % 5 === 4 ? [] : [{ id: 'ads-events', major: 0, fields }]
  return { ...order, creationDate: new Date(Date.now() - (index + 1) * 7 * 60_000).toISOString(), customData: { customApps } } as VtexOrder
}

export async function adminDemoStore(): Promise<Sandbox> {
  const sandbox = await startSandbox({ settings: withRevokedImpactToken(withAdminDemoMistake(loadSandboxSettings())) })
  seedDemoHistory(sandbox)
  for (const name of ['simple-lifecycle', 'invoiced-only', 'canceled-after-payment'] as const) for (const broadcast of loadBroadcasts(name)) await sandbox.service!.sendEvent(broadcast)
  for (let index = 0; index < 12; index++) {
    const order = demoOrder(index)
    sandbox.state.orders.set(order.orderId, order)
    await sandbox.service!.sendEvent({ domain: 'Marketplace', orderId: order.orderId, currentState: 'order-created', lastState: '' })
  }
  await seedAdminDemo(sandbox)
  return sandbox
}

const openView = async (page: Page, name: string, testId: string) => {
  await page.getByRole('navigation', { name: 'Ads Events views' }).getByRole('button', { name, exact: true }).click()
  await page.getByTestId(testId).waitFor()
  await page.waitForLoadState('networkidle')
}

/** Each view in the state a merchant meets it: the dead letter found, its answer open, an order previewed. */
export async function shootAdminViews(page: Page, origin: string, shot: (name: string, options?: { fullPage?: boolean; element?: string }) => Promise<void>) {
  await page.goto(`${origin}${ADMIN_PATH}`)
  await page.getByTestId('health-view').waitFor()
  await page.waitForLoadState('networkidle')
  await page.getByTestId('delivery-trend').locator('svg[data-chart]').waitFor()
  await shot('admin-health', { fullPage: true })
  // The 30-day chart of the destination that had an outage, with its table open.
  const trend = page.getByTestId('delivery-trend')
  await trend.getByLabel('Destination').selectOption({ label: 'impact.com' })
  await trend.getByLabel('Period').selectOption({ label: 'Last 30 days, per day' })
  await trend.locator('figcaption', { hasText: 'Last 30 days, per day — impact.com' }).waitFor()
  await trend.locator('summary').click()
  await shot('admin-trend', { element: 'delivery-trend' })
  await openView(page, 'Identity coverage', 'coverage-view')
  await page.getByTestId('coverage-view').getByLabel('Period').selectOption({ label: 'Last 30 days' })
  await page.getByTestId('coverage-trend').locator('figcaption', { hasText: 'Last 30 days, per day' }).waitFor()
  await page.waitForLoadState('networkidle')
  await shot('admin-coverage', { fullPage: true })
  await openView(page, 'Health', 'health-view')
  await page.getByRole('button', { name: /see dead letters of VTEX Ads/ }).first().click()
  await page.getByTestId('deliveries-view').locator('tbody tr', { hasText: OUTLET_ORDER_ID }).waitFor()
  await page.getByRole('button', { name: `Details ${OUTLET_ORDER_ID}` }).click()
  await page.getByTestId('delivery-detail').getByText('"email_hashed"').waitFor()
  await shot('admin-deliveries', { fullPage: true })
  await openView(page, 'Actions', 'actions-view')
  await page.getByLabel('Order id').fill(OUTLET_ORDER_ID)
  await page.getByRole('button', { name: 'Preview' }).click()
  await page.getByTestId('preview-result').waitFor()
  await shot('admin-actions', { fullPage: true })
}

/**
 * Two App Store screenshots of the admin (App Store: PNG of at most 700×400): the page laid out at
 * 1400×800 and rendered at half scale, so it reads as the Admin does on a laptop.
 */
export async function adminListingShots(browser: Browser, dir: string): Promise<string[]> {
  const sandbox = await adminDemoStore()
  const { server, origin } = await startPageServer(sandbox)
  const written: string[] = []
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 800 }, deviceScaleFactor: 0.5 })
    const names: Record<string, string> = { 'admin-health': '4-admin-health.png', 'admin-deliveries': '5-admin-dead-letter.png' }
    await shootAdminViews(page, origin, async (name) => {
      if (!names[name]) return
      if (name === 'admin-deliveries') await page.getByTestId('deliveries-view').scrollIntoViewIfNeeded()
      const file = join(dir, names[name])
      await page.screenshot({ path: file })
      written.push(file)
    })
    await page.close()
  } finally {
    await close(server)
    await sandbox.stop()
  }
  return written
}

async function main() {
  mkdirSync(DOC_IMAGES, { recursive: true })
  let browser: Browser | undefined
  const sandbox = await adminDemoStore()
  const { server, origin } = await startPageServer(sandbox)
  try {
    browser = await launchChromium()
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } })
    await shootAdminViews(page, origin, async (name, options) => {
      const file = join(DOC_IMAGES, `${name}.png`)
      if (options?.element) await page.getByTestId(options.element).screenshot({ path: file })
      else await page.screenshot({ path: file, fullPage: options?.fullPage === true })
      console.log(`wrote ${file}`)
    })
  } finally {
    await browser?.close()
    await close(server)
    await sandbox.stop()
  }
}

if (require.main === module)
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
