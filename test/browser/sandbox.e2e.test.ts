/**
 * What a person does in `npm start`, done by Chromium: browse the demo store (beacons arrive),
 * add to cart, place the order, and the conversion reaches every destination with the same
 * session_id the beacons carried. Real react blocks, real Service, stand-ins behind the proxy.
 */
import type { Browser } from 'playwright-core'
import { toAdsId } from '../../node/identity/adsId'
import { close } from '../../sandbox/lib/servers'
import { startPageServer } from '../../sandbox/pageServer'
import { startSandbox, type Sandbox } from '../../sandbox/sandbox'
import { launchChromium } from '../../sandbox/storefront/browserHarness'

jest.setTimeout(90_000)

let sandbox: Sandbox
let page: Awaited<ReturnType<typeof startPageServer>>
let browser: Browser

beforeAll(async () => {
  sandbox = await startSandbox()
  page = await startPageServer(sandbox)
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  if (page) await close(page.server)
  await sandbox?.stop()
})
// The page's checkout and session calls, the Service's calls and every stand-in answer keep VTEX's published contracts.
afterAll(() => expect(sandbox.state.contractViolations).toEqual([]))

const waitFor = async <T>(probe: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

it('a shopper logs in, sees sponsored products, clicks one, buys it: the dashboard shows the loop, the conversion carries the session of the beacons', async () => {
  const context = await browser.newContext()
  const tab = await context.newPage()
  const consoleErrors: string[] = []
  tab.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  tab.on('pageerror', (error) => consoleErrors.push(error.message))

  await tab.goto(`${page.origin}/`)
  await tab.getByRole('button', { name: 'Log in as demo shopper' }).click()
  await tab.getByRole('button', { name: /Log out \(demo-shopper-1\)/ }).waitFor()
  // Organic products with the sponsored ones among them.
  const grid = tab.locator('#all-products')
  await grid.locator('[data-ads-events-sponsored]').first().waitFor()
  expect(await grid.locator('section.card').count()).toBe(12)
  const impressions = await waitFor(() => {
    const seen = sandbox.vtexAds.beacons.filter((beacon) => beacon.kind === 'impression')
    return seen.length > 0 ? seen : undefined
  }, 'impression beacons')
  const sessionId = impressions[0].sessionId
  expect(impressions.every((beacon) => beacon.sessionId === sessionId)).toBe(true)

  // A sponsored product of the shelf: its product page, add to cart, the cart, place order.
  const shelf = tab.locator('#shelf')
  await Promise.all([tab.waitForURL(/product=2002/), shelf.getByRole('link', { name: 'Insulated water bottle' }).click()])
  await waitFor(() => sandbox.vtexAds.beacons.some((beacon) => beacon.kind === 'click' && beacon.adId === 'sp-2002') || undefined, 'the click beacon')
  await tab.getByRole('heading', { name: 'Insulated water bottle' }).waitFor()
  await tab.getByRole('button', { name: /add to cart/i }).first().click()
  await tab.getByText(/Cart: 1 item/).waitFor()
  await tab.getByRole('link', { name: /Cart: 1 item/ }).click()
  await tab.getByRole('cell', { name: 'Insulated water bottle' }).waitFor()
  await tab.getByRole('button', { name: /place order/i }).click()
  await tab.waitForURL(/\/checkout\/orderPlaced\?og=/)
  const orderId = new URL(tab.url()).searchParams.get('og')!
  await tab.getByText(`Thank you: order ${orderId} placed`).waitFor()

  const conversion = (await waitFor(() => sandbox.vtexAds.conversionBodies.get(orderId), `the VTEX Ads conversion of ${orderId}`)) as {
    session_id: string
    user_id: string
    items: unknown[]
  }
  // The ids the conversion carries are the beacons' ids in the one format VTEX Ads gets (letters and digits: toAdsId).
  expect(conversion.session_id).toBe(toAdsId(sessionId))
  expect(conversion.user_id).toBe(toAdsId('demo-shopper-1'))
  expect(conversion.items).toHaveLength(1)
  expect(sandbox.vtexAds.conversions.get(orderId)).toBe(1)
  expect([...sandbox.impact.conversions.keys()].some((key) => key.endsWith(`:${orderId}`))).toBe(true)
  expect(sandbox.openai.events.has(`order_${orderId}:order_created`) || [...sandbox.openai.events.keys()].some((key) => key.includes(orderId))).toBe(true)

  // The dashboard: the order, the ad events of its session before it, its conversions; every beacon with its ids.
  await tab.getByRole('link', { name: 'the dashboard' }).click()
  const row = tab.locator(`#order-${orderId.replace(/([^\w-])/g, '\\$1')}`)
  await row.locator('.events').getByText('click sp-2002').waitFor()
  expect(await row.textContent()).toContain(sessionId)
  // The ids the storefront bridged into the orderForm: the profile id in letters and digits, as the beacons carried it.
  expect(await row.textContent()).toContain('demoshopper1')
  expect(await row.locator('.events span').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/impression sp-2002$/), expect.stringMatching(/click sp-2002$/)]))
  await row.getByText('vtexAds: sent').waitFor()
  const beaconRow = tab.locator('#beacons tr', { hasText: 'sp-2002' }).first()
  expect(await beaconRow.textContent()).toContain(sessionId)
  // The beacons carry the profile id in the ads format (letters and digits).
  expect(await beaconRow.textContent()).toContain('demoshopper1')

  const cookies = await context.cookies()
  expect(cookies.find((cookie) => cookie.name === 'ads_events_sid')?.value).toBe(sessionId)
  expect(consoleErrors).toEqual([])
  await context.close()
})
