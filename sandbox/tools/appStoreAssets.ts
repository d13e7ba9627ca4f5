/**
 * npm run -s metadata: renders the App Store images into public/metadata/images (VTEX docs,
 * "Preparing your app distribution" and "Marketing assets": icon 1024×1024 32-bit PNG, square,
 * solid background, artwork within 768 px; screenshots PNG of at most 700×400).
 * The icon is drawn here; the screenshots are the sandbox's own pages, as a shopper and a
 * merchant see them, in Debian's Chromium.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs'
import { join } from 'path'
import type { Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { launchChromium } from '../storefront/browserHarness'
import { startPageServer } from '../pageServer'
import { startSandbox } from '../sandbox'
import { close } from '../lib/servers'
import { adminListingShots } from '../admin/screenshots'

const IMAGES = join(__dirname, '..', '..', 'public', 'metadata', 'images')

/** A sponsored card, a beacon and a conversion checkmark: the loop the app closes. 768 px of artwork, centered. */
const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024" viewBox="0 0 1024 1024">
  <rect width="1024" height="1024" fill="#14213d"/>
  <g transform="translate(128 128)">
    <rect x="40" y="120" width="400" height="520" rx="36" fill="#ffffff"/>
    <rect x="88" y="168" width="304" height="240" rx="20" fill="#fca311"/>
    <rect x="88" y="448" width="220" height="36" rx="18" fill="#14213d"/>
    <rect x="88" y="512" width="150" height="36" rx="18" fill="#9aa5b1"/>
    <rect x="88" y="578" width="120" height="30" rx="15" fill="#2d6a4f"/>
    <path d="M480 380 C 560 300, 640 300, 700 380" stroke="#fca311" stroke-width="40" fill="none" stroke-linecap="round"/>
    <path d="M480 470 C 590 360, 700 360, 760 470" stroke="#fca311" stroke-width="40" fill="none" stroke-linecap="round" opacity="0.6"/>
    <circle cx="620" cy="620" r="130" fill="#2d6a4f"/>
    <path d="M560 622 L606 668 L690 572" stroke="#ffffff" stroke-width="44" fill="none" stroke-linecap="round" stroke-linejoin="round"/>
  </g>
</svg>`

/** VTEX asks for a 32-bit PNG icon; Chromium writes opaque screenshots as 24-bit RGB. Same pixels, alpha channel added. */
function asRgba(file: string) {
  const image = PNG.sync.read(readFileSync(file))
  writeFileSync(file, PNG.sync.write(image, { colorType: 6 }))
}

async function shoot(page: Page, url: string, file: string, size: { width: number; height: number }, prepare?: (page: Page) => Promise<void>) {
  await page.setViewportSize(size)
  await page.goto(url, { waitUntil: 'load' })
  // The sponsored blocks answer within a second; the dashboard polls, so there is no network idle.
  await page.waitForTimeout(1500)
  await prepare?.(page)
  await page.screenshot({ path: file, clip: { x: 0, y: 0, ...size } })
  console.log(`wrote ${file}`)
}

/** A logged-in shopper clicks a sponsored shelf product, adds it to the cart and places the order; returns its id. */
async function shopperBuysASponsoredProduct(page: Page, origin: string): Promise<string> {
  await page.setViewportSize({ width: 1024, height: 800 })
  await page.goto(`${origin}/`)
  await page.getByRole('button', { name: 'Log in as demo shopper' }).click()
  await page.getByRole('button', { name: /Log out/ }).waitFor()
  const shelfProduct = page.locator('#shelf').getByRole('link').first()
  await shelfProduct.waitFor()
  await page.waitForTimeout(1500) // the impressions and views of the shelf
  await Promise.all([page.waitForURL(/product=/), shelfProduct.click()])
  await page.getByRole('button', { name: /add to cart/i }).first().click()
  await page.getByRole('link', { name: /Cart: 1 item/ }).click()
  await page.getByRole('button', { name: /place order/i }).click()
  await page.waitForURL(/\/checkout\/orderPlaced\?og=/)
  return new URL(page.url()).searchParams.get('og')!
}

async function main() {
  mkdirSync(join(IMAGES, 'screenshots', 'desktop'), { recursive: true })
  mkdirSync(join(IMAGES, 'screenshots', 'mobile'), { recursive: true })
  const browser = await launchChromium()
  const sandbox = await startSandbox()
  const { server, origin } = await startPageServer(sandbox)
  try {
    const page = await browser.newPage()
    await page.setViewportSize({ width: 1024, height: 1024 })
    await page.setContent(`<html><body style="margin:0">${ICON_SVG}</body></html>`)
    await page.screenshot({ path: join(IMAGES, 'icon.png'), clip: { x: 0, y: 0, width: 1024, height: 1024 } })
    asRgba(join(IMAGES, 'icon.png'))
    console.log(`wrote ${join(IMAGES, 'icon.png')}`)

    await shoot(page, `${origin}/`, join(IMAGES, 'screenshots', 'desktop', '1-storefront-sponsored.png'), { width: 700, height: 400 })
    await shoot(page, `${origin}/?q=outdoor`, join(IMAGES, 'screenshots', 'desktop', '2-search-badges.png'), { width: 700, height: 400 }, (p) =>
      p.evaluate(() => document.getElementById('search-results')?.scrollIntoView()).then(() => undefined)
    )
    // The loop closing, as a shopper makes it: log in, click a sponsored product, buy it; the
    // dashboard's row of that order shows the ad events of its session and its conversions.
    const orderId = await shopperBuysASponsoredProduct(page, origin)
    await shoot(page, `${origin}/_sandbox`, join(IMAGES, 'screenshots', 'desktop', '3-events-and-conversions.png'), { width: 700, height: 400 }, async (p) => {
      const row = p.locator(`#order-${orderId.replace(/([^\w-])/g, '\\$1')}`)
      await row.getByText('vtexAds: sent').waitFor({ timeout: 30_000 })
      await row.evaluate((element) => element.scrollIntoView({ block: 'start' }))
    })
    await shoot(page, `${origin}/?mobile=1`, join(IMAGES, 'screenshots', 'mobile', '1-storefront-mobile.png'), { width: 225, height: 400 })
    // The merchant's admin page (sandbox/admin/screenshots.ts).
    for (const file of await adminListingShots(browser, join(IMAGES, 'screenshots', 'desktop'))) console.log(`wrote ${file}`)
  } finally {
    await browser.close()
    await close(server)
    await sandbox.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
