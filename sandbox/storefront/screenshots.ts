/**
 * Pictures of the storefront's debug overlay on the demo store as `npm start` serves it, for
 * docs/README.md (docs/images/debug-*.png): the ads and their events, the page's Get ads, and the
 * warnings of a theme with two mistakes. `npm run -s screenshots:storefront`.
 */
import { mkdirSync } from 'fs'
import { join } from 'path'
import type { Browser, Page } from 'playwright-core'
import { close } from '../lib/servers'
import { startPageServer } from '../pageServer'
import { startSandbox } from '../sandbox'
import { launchChromium } from './browserHarness'

const DOC_IMAGES = join(__dirname, '..', '..', 'docs', 'images')
const PANEL = '[data-ads-events-debug="panel"]'

/** Opens `path` in debug mode and waits until the page's ads are in and the ones in view counted. */
const openInDebugMode = async (page: Page, origin: string, path: string) => {
  await page.goto(`${origin}${path}`)
  await page.locator(PANEL).getByRole('tab', { name: /^Ads/ }).click()
  await page.locator(`${PANEL} tr[data-ad-id] [data-event="view"][data-state="accepted"]`).first().waitFor({ timeout: 15_000 })
  await page.waitForTimeout(600)
}

async function main() {
  mkdirSync(DOC_IMAGES, { recursive: true })
  let browser: Browser | undefined
  const sandbox = await startSandbox()
  const { server, origin } = await startPageServer(sandbox)
  try {
    browser = await launchChromium()
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } })
    const shot = async (name: string) => {
      const file = join(DOC_IMAGES, `${name}.png`)
      await page.screenshot({ path: file })
      console.log(`wrote ${file}`)
    }
    await openInDebugMode(page, origin, '/?ads_events_debug=1')
    // The shelf comes into view: half a second later its ads' view clocks are running.
    await page.locator('#shelf').evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 420))
    await page.locator(`${PANEL} [data-event="view"][data-state="counting"]`).first().waitFor()
    await page.waitForTimeout(300)
    await shot('debug-ads')
    await page.locator(PANEL).getByRole('tab', { name: /^Get ads/ }).click()
    await shot('debug-get-ads')
    await page.locator(PANEL).getByRole('tab', { name: /^Identity/ }).click()
    await page.locator(`${PANEL} [data-identity="written"]`).waitFor()
    await shot('debug-identity')
    await openInDebugMode(page, origin, '/?ads_events_debug=1&mistakes=no-urls,no-height')
    await page.locator('#shelf').evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 80))
    await page.locator(PANEL).getByRole('tab', { name: /^Warnings/ }).click()
    await page.waitForTimeout(600)
    await shot('debug-warnings')
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
