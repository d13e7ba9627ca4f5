/**
 * The admin's charts in Chromium, as `npm start` serves them (real react/ admin components, VTEX
 * Styleguide, the real Service behind /_v/private/graphql/v1) on a store with a month of history,
 * VTEX Ads refusing the outlet's brand and impact.com refusing a revoked token. What the charts
 * draw is read back from the picture (bar heights and point positions against the axis labels) and
 * compared with the table behind each chart and with the ledger; axe checks each view.
 */
import { readFileSync } from 'fs'
import type { Browser, Page } from 'playwright-core'
import { loadBroadcasts } from '../../node/__fixtures__'
import type { DeliveryRecord } from '../../node/deliveryStore/ledger'
import { close } from '../../sandbox/lib/servers'
import { ledgerRecords, startPageServer } from '../../sandbox/pageServer'
import { loadSandboxSettings, startSandbox, type Sandbox } from '../../sandbox/sandbox'
import { launchChromium } from '../../sandbox/storefront/browserHarness'
import { seedAdminDemo, withAdminDemoMistake, withRevokedImpactToken } from '../../sandbox/admin/demo'
import { seedDemoHistory } from '../../sandbox/admin/demoHistory'
import { ADMIN_PATH } from '../../sandbox/admin/routes'
import { APP_SETTINGS_PATH } from '../../react/admin/appSettings'

jest.setTimeout(180_000)

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

let sandbox: Sandbox
let server: Awaited<ReturnType<typeof startPageServer>>
let browser: Browser
let page: Page
const problems: string[] = []

beforeAll(async () => {
  sandbox = await startSandbox({ settings: withRevokedImpactToken(withAdminDemoMistake(loadSandboxSettings())) })
  seedDemoHistory(sandbox)
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

const statusAt = (record: DeliveryRecord) => Date.parse(record.status === 'sent' && record.sentAt ? record.sentAt : record.updatedAt)
const openView = (name: string) => page.getByRole('navigation', { name: 'Ads Events views' }).getByRole('button', { name, exact: true }).click()

/**
 * axe on what this app adds to a view (the banner, the chart blocks): the page around them is the
 * sandbox's frame and the Admin's shell, whose landmarks and colours are not the app's.
 */
async function axe(testIds: string[]): Promise<string[]> {
  await page.addScriptTag({ content: AXE })
  return page.evaluate(async (include) => {
    type Result = { violations: Array<{ id: string; nodes: Array<{ target: string[]; failureSummary?: string }> }> }
    const run = (window as unknown as { axe: { run: (context: unknown) => Promise<Result> } }).axe.run
    const result = await run({ include: include.map((id) => [`[data-testid="${id}"]`]) })
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => `${node.target.join(' ')} ${node.failureSummary ?? ''}`).join(', ')}`)
  }, testIds)
}

/**
 * What a chart shows, read as a person reads it: the value axis from its labels, each bar's
 * height (or each point's position) against it. Per series, one value per category.
 */
function readChart(testId: string): Promise<Record<string, number[]>> {
  return page.getByTestId(testId).locator('svg[data-chart]').evaluate((svg) => {
    const ticks = [...svg.querySelectorAll('g[data-tick]')].map((tick) => ({
      value: Number((tick.querySelector('text')!.textContent ?? '').replace(/[^0-9.]/g, '')),
      y: Number(tick.querySelector('line')!.getAttribute('y1')),
    }))
    const zero = ticks.find((tick) => tick.value === 0)!
    const top = ticks.reduce((highest, tick) => (tick.value > highest.value ? tick : highest))
    const perUnit = top.value / (zero.y - top.y)
    const values: Record<string, number[]> = {}
    for (const mark of svg.querySelectorAll<SVGGraphicsElement>('[data-series]')) {
      const box = mark.getBBox()
      const value = svg.getAttribute('data-chart') === 'stacked-bars' ? box.height * perUnit : (zero.y - (box.y + box.height / 2)) * perUnit
      ;(values[mark.getAttribute('data-series')!] ??= [])[Number(mark.getAttribute('data-index'))] = value
    }
    return values
  })
}

/** The table behind a chart, opened from the keyboard: header → column of numbers (first figure of each cell). */
async function readTable(testId: string): Promise<{ rows: string[]; columns: Record<string, number[]> }> {
  const figure = page.getByTestId(testId)
  if (!(await figure.locator('details').evaluate((details) => (details as HTMLDetailsElement).open))) {
    await figure.locator('summary').focus()
    await page.keyboard.press('Enter')
  }
  return figure.locator('table').evaluate((table) => {
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '').slice(1)
    const body = [...table.querySelectorAll('tbody tr')]
    const columns: Record<string, number[]> = {}
    headers.forEach((header, i) => (columns[header] = body.map((row) => Number((row.querySelectorAll('td')[i].textContent ?? '').split(' ')[0].replace(/,/g, '')))))
    return { rows: body.map((row) => row.querySelector('th')!.textContent ?? ''), columns }
  })
}

const STATUS_LABELS = { sent: 'Sent', skipped: 'Skipped', failed: 'Failed, retrying', dead: 'Dead letter' } as const

it('Health opens with the banner for impact.com, naming what to do, and its chart', async () => {
  await page.goto(`${server.origin}${ADMIN_PATH}`)
  const banner = page.getByTestId('failure-banner-impact')
  await banner.waitFor()
  expect(await page.getByTestId('failure-banner-vtexAds').count()).toBe(0)
  const text = await banner.innerText()
  const hourAgo = Date.now() - 3_600_000
  const refused = ledgerRecords(sandbox).filter((record) => record.destination === 'impact' && ['dead', 'failed'].includes(record.status) && statusAt(record) > hourAgo)
  expect(refused.length).toBeGreaterThan(3)
  expect(text).toContain(`impact.com: no success in the last hour, ${refused.length} failed`)
  expect(await banner.locator('ol > li').allInnerTexts()).toEqual([
    "Check impact.com's credentials and settings in Apps > App Settings > Ads Events. Open the app settings",
    expect.stringMatching(/^Read what impact\.com answered in its dead letters\.\s+See the dead letters of impact\.com$/),
    'Once fixed, replay them: one by one in Deliveries, or all at once in Actions. Failed deliveries are retried automatically for 72 hours.',
  ])
  expect(text).toContain('Once fixed, replay them')
  expect(await banner.getByRole('link', { name: 'Open the app settings' }).getAttribute('href')).toBe(APP_SETTINGS_PATH)
  // The chart opens on the destination in trouble.
  expect(await page.getByTestId('delivery-trend').getByLabel('Destination').inputValue()).toBe('impact')
})

it("the banner's steps work: the settings open, then the destination's dead letters", async () => {
  await page.getByTestId('failure-banner-impact').getByRole('link', { name: 'Open the app settings' }).click()
  await page.getByRole('heading', { name: 'Apps > App Settings > Ads Events' }).waitFor()
  await page.goBack()
  await page.getByTestId('failure-banner-impact').getByRole('button', { name: 'See the dead letters of impact.com' }).click()
  const view = page.getByTestId('deliveries-view')
  await view.waitFor()
  const dead = ledgerRecords(sandbox).filter((record) => record.destination === 'impact' && record.status === 'dead')
  await page.waitForFunction((total) => document.body.innerText.includes(`of ${total}`), dead.length)
  expect(await view.getByLabel('Status').inputValue()).toBe('dead')
  expect(await view.getByLabel('Destination').inputValue()).toBe('impact')
  for (const row of await view.locator('tbody tr').all()) expect(await row.innerText()).toMatch(/impact\.com\s+Dead letter/)
})

it("Health's Refresh refreshes the chart too, keeping its destination and period", async () => {
  await openView('Health')
  const trend = page.getByTestId('delivery-trend')
  await trend.getByLabel('Period').selectOption({ label: 'Last 7 days, per day' })
  await trend.locator('figcaption', { hasText: 'Last 7 days, per day — impact.com' }).waitFor()
  const asked: string[] = []
  const listen = (request: { postData(): string | null }) => {
    const body = request.postData() ?? ''
    if (body.includes('adsEventsDeliveryTrend')) asked.push(JSON.parse(body).variables.window)
  }
  page.on('request', listen)
  await page.getByTestId('health-view').getByRole('button', { name: 'Refresh' }).click()
  await page.waitForFunction(() => document.body.innerText.includes('Figures as of'))
  await page.waitForLoadState('networkidle')
  page.off('request', listen)
  expect(asked).toEqual(['LAST_7_DAYS'])
  expect(await trend.getByLabel('Destination').inputValue()).toBe('impact')
  await trend.locator('figcaption', { hasText: 'Last 7 days, per day — impact.com' }).waitFor()
})

it.each([
  ['vtexAds', 'VTEX Ads', 'Last 30 days, per day'],
  ['impact', 'impact.com', 'Last 24 hours, per hour'],
])('%s, %s: the bars equal the table and the ledger, bucket by bucket', async (destination, label, period) => {
  await openView('Health')
  const trend = page.getByTestId('delivery-trend')
  await trend.getByLabel('Destination').selectOption({ label })
  await trend.getByLabel('Period').selectOption({ label: period })
  await trend.locator('figcaption', { hasText: `${period} — ${label}` }).waitFor()
  const drawn = await readChart('delivery-trend-chart')
  const table = await readTable('delivery-trend-chart')
  const buckets = table.rows.length
  expect(buckets).toBe(period.startsWith('Last 30') ? 30 : 24)
  const mine = ledgerRecords(sandbox).filter((record) => record.destination === destination)
  for (const [status, header] of Object.entries(STATUS_LABELS)) {
    expect([status, drawn[status].map((value) => Math.round(value))]).toEqual([status, table.columns[header]])
    // The bars are exact to the pixel's fraction, not just rounded into place.
    for (const [i, value] of drawn[status].entries()) expect(Math.abs(value - table.columns[header][i])).toBeLessThan(0.05)
    expect([status, table.columns[header].reduce((sum, value) => sum + value, 0)]).toEqual([status, mine.filter((record) => record.status === status && statusAt(record) > firstBucketStart(buckets)).length])
  }
  expect(table.columns.Sent.reduce((sum, value) => sum + value, 0)).toBeGreaterThan(destination === 'vtexAds' ? 500 : 0)
})

/** The charts' first bucket starts at the browser's midnight (or whole hour) that many buckets back. */
function firstBucketStart(buckets: number): number {
  const start = new Date()
  if (buckets === 30) {
    start.setHours(0, 0, 0, 0)
    start.setDate(start.getDate() - 29)
  } else {
    start.setMinutes(0, 0, 0)
    start.setHours(start.getHours() - 23)
  }
  return start.getTime() - 1
}

it('identity coverage: the points equal the shares in the table and the ledger', async () => {
  await openView('Identity coverage')
  const view = page.getByTestId('coverage-view')
  await view.getByLabel('Period').selectOption({ label: 'Last 30 days' })
  await page.getByTestId('coverage-trend').locator('figcaption', { hasText: 'Last 30 days, per day — VTEX Ads' }).waitFor()
  const drawn = await readChart('coverage-trend-chart')
  const table = await readTable('coverage-trend-chart')
  expect(table.rows).toHaveLength(30)
  const shares = await page.getByTestId('coverage-trend-chart').locator('tbody td').evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ''))
  const converted = table.columns['Converted orders']
  const mapped = ledgerRecords(sandbox).filter((record) => record.destination === 'vtexAds' && record.identity && statusAt(record) > firstBucketStart(30))
  expect(converted.reduce((sum, value) => sum + value, 0)).toBe(mapped.length)
  const columns = { sessionId: 'session_id (visitor)', userId: 'user_id (VTEX profile)', impactClickId: 'impact.com click id (irclickid)', oppref: 'OpenAI Ads click id (oppref)' } as const
  for (const [id, header] of Object.entries(columns)) {
    const counts = table.columns[header]
    expect([id, counts.reduce((sum, value) => sum + value, 0)]).toEqual([id, mapped.filter((record) => record.identity![id as keyof typeof columns]).length])
    counts.forEach((count, day) => {
      if (converted[day] === 0) return expect(drawn[id][day]).toBeUndefined()
      // The point is the share the table shows next to the count, e.g. "37 (97.4%)".
      expect(Math.abs(drawn[id][day] - (100 * count) / converted[day])).toBeLessThan(0.6)
      expect(shares.some((cell) => cell.startsWith(`${count} (`))).toBe(true)
    })
  }
  const sessionShare = (from: number, to: number) => table.columns[columns.sessionId].slice(from, to).reduce((a, b) => a + b, 0) / converted.slice(from, to).reduce((a, b) => a + b, 0)
  expect(sessionShare(0, 14)).toBeLessThan(sessionShare(20, 29))
})

it('axe finds nothing in the banner and the charts (tables open) of Health and Identity coverage', async () => {
  await page.goto(`${server.origin}${ADMIN_PATH}`)
  await openView('Identity coverage')
  await page.getByTestId('coverage-trend').locator('svg[data-chart]').waitFor()
  await readTable('coverage-trend-chart')
  expect(await axe(['coverage-trend'])).toEqual([])
  await openView('Health')
  await page.getByTestId('failure-banner-impact').waitFor()
  await page.getByTestId('delivery-trend').locator('svg[data-chart]').waitFor()
  await readTable('delivery-trend-chart')
  expect(await axe(['failure-banner-impact', 'delivery-trend'])).toEqual([])
  // The chart is one image with a name; its figures are the table's.
  const svg = page.getByTestId('delivery-trend-chart').getByRole('img')
  expect(await svg.getAttribute('aria-labelledby')).toBe('delivery-trend-chart-title')
  expect(await page.locator('#delivery-trend-chart-title').textContent()).toBe('Deliveries to impact.com — Last 24 hours, per hour')
  expect(problems).toEqual([])
})
