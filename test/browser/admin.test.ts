/**
 * The merchant's admin page in Chromium, as `npm start` serves it: real react/ admin components,
 * VTEX Styleguide, the real Service behind /_v/private/graphql/v1 with the admin's cookie. A dead
 * letter from VTEX Ads' 422 is found, the setting fixed, the replay sent: the delivery turns sent.
 */
import type { Browser, Page } from 'playwright-core'
import { loadBroadcasts } from '../../node/__fixtures__'
import { close } from '../../sandbox/lib/servers'
import { ledgerRecords, startPageServer } from '../../sandbox/pageServer'
import { loadSandboxSettings, startSandbox, type Sandbox } from '../../sandbox/sandbox'
import { launchChromium } from '../../sandbox/storefront/browserHarness'
import { OUTLET_BRAND, OUTLET_ORDER_ID, seedAdminDemo, withAdminDemoMistake } from '../../sandbox/admin/demo'
import { ADMIN_PATH } from '../../sandbox/admin/routes'

jest.setTimeout(120_000)

let sandbox: Sandbox
let server: Awaited<ReturnType<typeof startPageServer>>
let browser: Browser
let page: Page
const problems: string[] = []

beforeAll(async () => {
  sandbox = await startSandbox({ settings: withAdminDemoMistake(loadSandboxSettings()) })
  server = await startPageServer(sandbox)
  for (const name of ['simple-lifecycle', 'invoiced-only', 'canceled-after-payment'] as const) for (const broadcast of loadBroadcasts(name)) await sandbox.service!.sendEvent(broadcast)
  await seedAdminDemo(sandbox)
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`)
  })
})

afterAll(async () => {
  await browser?.close()
  if (server) await close(server.server)
  await sandbox?.stop()
})

const vtexAdsRecords = () => ledgerRecords(sandbox).filter((record) => record.destination === 'vtexAds')
/** Toasts are repeated in the page's live region: wait until it says `text`. */
const announced = (text: string) =>
  page.waitForFunction((expected) => document.querySelector('[data-testid=announcement]')?.textContent === expected, text, { timeout: 15_000 })
const openView = (name: string) => page.getByRole('navigation', { name: 'Ads Events views' }).getByRole('button', { name, exact: true }).click()

it('renders Health with the ledger’s figures', async () => {
  await page.goto(`${server.origin}${ADMIN_PATH}`)
  const health = page.getByTestId('health-view')
  await health.waitFor()
  const day = health.locator('table[data-testid="vtex-table-v2"]').first()
  const vtexAds = day.locator('tbody tr', { hasText: 'VTEX Ads' })
  const cells = await vtexAds.locator('td').allInnerTexts()
  const count = (status: string) => String(vtexAdsRecords().filter((record) => record.status === status).length)
  expect(cells.slice(0, 5).map((cell) => cell.split(' ')[0].trim())).toEqual(['VTEX', count('sent'), count('skipped'), count('failed'), count('dead')])
  expect(count('dead')).toBe('1')
})

it('every control is reachable with the keyboard, each with a name', async () => {
  await page.locator('body').focus()
  const reached: string[] = []
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab')
    reached.push(
      await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null
        if (!element || element === document.body) return ''
        const labelled = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : undefined
        return `${element.tagName.toLowerCase()}:${(element.getAttribute('aria-label') || labelled || element.innerText || '').trim()}`
      })
    )
  }
  const names = reached.filter(Boolean)
  expect(names.filter((name) => /:$/.test(name))).toEqual([])
  for (const expected of ['button:Health', 'button:Identity coverage', 'button:Deliveries', 'button:Actions', 'button:1 (see dead letters of VTEX Ads)'])
    expect(names).toContain(expected)
  // The tabs work from the keyboard too.
  await page.getByRole('button', { name: 'Identity coverage', exact: true }).focus()
  await page.keyboard.press('Enter')
  await page.getByTestId('coverage-view').waitFor()
  const sessionRow = page.locator('tr', { hasText: 'session_id (visitor)' })
  const mapped = vtexAdsRecords().filter((record) => record.identity)
  const withSession = mapped.filter((record) => record.identity!.sessionId).length
  expect(await sessionRow.locator('td').nth(1).innerText()).toBe(String(withSession))
  // The sales: with a storefront session, without one (still sent to VTEX Ads), consent refused.
  const refusals = mapped.filter((record) => record.reason?.startsWith('consent-refused:')).length
  const salesCount = (label: string) => page.locator('tr', { hasText: label }).locator('td').nth(1).innerText()
  expect(await salesCount('With a storefront session')).toBe(String(withSession))
  expect(await salesCount('No storefront session')).toBe(String(mapped.length - withSession - refusals))
  expect(await salesCount('Consent refused')).toBe(String(refusals))
})

it('filters deliveries by status and destination, newest first', async () => {
  await openView('Deliveries')
  const view = page.getByTestId('deliveries-view')
  await view.waitFor()
  await view.getByLabel('Status').selectOption({ label: 'Sent' })
  await view.getByLabel('Destination').selectOption({ label: 'impact.com' })
  await view.getByRole('button', { name: 'Search' }).click()
  const expected = ledgerRecords(sandbox).filter((record) => record.status === 'sent' && record.destination === 'impact')
  await page.waitForFunction((total) => document.body.innerText.includes(`1–${total} of ${total}`), expected.length)
  const rows = view.locator('tbody tr')
  expect(await rows.count()).toBe(expected.length)
  for (const row of await rows.all()) expect(await row.innerText()).toMatch(/impact\.com\s+Sent/)
})

it('from Health to the dead letter, its answer and preview; fix the setting, replay: it turns sent', async () => {
  await openView('Health')
  await page.getByRole('button', { name: '1 (see dead letters of VTEX Ads)' }).first().click()
  const view = page.getByTestId('deliveries-view')
  await view.waitFor()
  await page.waitForFunction(() => document.body.innerText.includes('1–1 of 1'))
  const row = view.locator('tbody tr', { hasText: OUTLET_ORDER_ID })
  expect(await row.innerText()).toContain('Dead letter')

  await row.getByRole('button', { name: `Details ${OUTLET_ORDER_ID}` }).click()
  const detail = page.getByTestId('delivery-detail')
  await detail.getByText('The platform\'s error list').waitFor()
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('delivery-detail-title')
  expect(await detail.locator('pre').first().innerText()).toContain(OUTLET_BRAND)
  await detail.getByText('"email_hashed"').waitFor()

  // Replaying before the fix: VTEX Ads refuses again, and says so.
  await row.getByRole('button', { name: `Replay ${OUTLET_ORDER_ID}` }).click()
  await page.waitForFunction(() => /still answers/.test(document.querySelector('[data-testid=announcement]')?.textContent ?? ''))

  // Apps > App Settings (the sandbox's): the brand row fixed.
  await page.goto(`${server.origin}/_sandbox/settings`)
  const mappings = page.getByLabel('Brand per sales channel or hostname (JSON rows)')
  await page.waitForFunction(() => (document.getElementById('brandMappings') as HTMLTextAreaElement).value.includes('Outlt'))
  await mappings.fill(JSON.stringify([{ salesChannel: '3', brand: OUTLET_BRAND }]))
  await page.getByRole('button', { name: 'Save' }).click()
  await page.getByRole('status').getByText('Saved.').waitFor()

  await page.goto(`${server.origin}${ADMIN_PATH}`)
  await openView('Deliveries')
  await page.getByTestId('deliveries-view').getByLabel('Status').selectOption({ label: 'Dead letter' })
  await page.getByRole('button', { name: 'Search' }).click()
  await page.getByRole('button', { name: `Replay ${OUTLET_ORDER_ID}` }).click()
  await announced(`Order ${OUTLET_ORDER_ID}: sent to VTEX Ads.`)
  await page.getByText('No delivery matches.').waitFor()
  expect(sandbox.vtexAds.conversions.get(OUTLET_ORDER_ID)).toBe(1)
  expect(vtexAdsRecords().find((record) => record.orderId === OUTLET_ORDER_ID)).toMatchObject({ status: 'sent' })
})

it('Actions: preview an order (nothing sent) and the checkout registration status', async () => {
  await openView('Actions')
  const view = page.getByTestId('actions-view')
  await view.getByTestId('registration-status').getByText(/Registered: orders keep the storefront's ids/).waitFor()
  const posts = sandbox.state.received.filter((received) => received.method === 'POST').length
  await view.getByLabel('Order id').fill('1390620512853-01')
  await view.getByRole('button', { name: 'Preview' }).click()
  const result = view.getByTestId('preview-result')
  await result.waitFor()
  expect(await result.innerText()).toMatch(/VTEX Ads\s+Ready/)
  expect(await result.innerText()).toContain('Basic [REDACTED]')
  expect(sandbox.state.received.filter((received) => received.method === 'POST').length).toBe(posts)
  await view.getByRole('button', { name: 'Register again' }).click()
  await announced('Already registered: nothing changed.')
})

it('Actions: send the orders of a date range; the same range again is the same job', async () => {
  const view = page.getByTestId('actions-view')
  const today = new Date().toISOString().slice(0, 10)
  const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10)
  expect(await view.getByLabel('From (placed on or after)').inputValue()).toBe(weekAgo)
  await view.getByLabel('To (placed on or before)').fill(today)
  for (let click = 0; click < 2; click++) {
    await view.getByRole('button', { name: 'Send the orders of this range' }).click()
    // Emptied, then said again: the second click is announced too.
    await announced('')
    await announced(`Backfill ${weekAgo} – ${today}: Queued. The scheduled run sends it in a few minutes.`)
  }
  const rows = view.getByTestId('backfill-jobs').locator('tbody tr')
  expect(await rows.count()).toBe(1)
  expect(await rows.first().innerText()).toMatch(new RegExp(`${weekAgo} – ${today}\\s+Queued`))
  // A range past VTEX Ads' 30-day window is refused before anything is sent.
  await view.getByLabel('From (placed on or after)').fill(new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10))
  await view.getByRole('button', { name: 'Send the orders of this range' }).click()
  await view.getByRole('alert').getByText('A backfill reaches back 30 days at most.').waitFor()
  expect(await rows.count()).toBe(1)
})

it('in Portuguese too, with no console error anywhere', async () => {
  await page.goto(`${server.origin}${ADMIN_PATH}?locale=pt`)
  await page.getByRole('button', { name: 'Saúde', exact: true }).waitFor()
  await page.getByTestId('health-view').getByText('Últimas 24 horas', { exact: true }).waitFor()
  expect(problems).toEqual([])
})
