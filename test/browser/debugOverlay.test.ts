/**
 * Debug mode on the sandbox's demo store, in Chromium, through the real path (the real Service,
 * Get ads and events stand-ins): the overlay shows each ad's impression, view and click as the
 * events stand-in received them, the page's Get ads, the identity, and each warning for the mistake
 * it names and not otherwise. A page without the parameter fetches no debug code.
 */
import { readFileSync } from 'fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { close } from '../../sandbox/lib/servers'
import { startPageServer } from '../../sandbox/pageServer'
import { loadSandboxSettings, startSandbox, type Sandbox } from '../../sandbox/sandbox'
import { DEBUG_OVERLAY_FILE } from '../../sandbox/storefront/build'
import { launchChromium } from '../../sandbox/storefront/browserHarness'
import { ADMIN_PATH } from '../../sandbox/admin/routes'

jest.setTimeout(120_000)

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const PANEL = '[data-ads-events-debug="panel"]'
/** Only the overlay's code carries it (its texts are messages, which the sandbox's react-intl stand-in bundles whole). */
const OVERLAY_MARKER = 'data-ads-events-debug'

const HOME_ADS = ['banner-summer', 'brand-trailco', 'brand-trailco-2001', 'brand-trailco-2003', 'sp-2002', 'sp-2004', 'sp-2009', 'sp-2006', 'sp-2012', 'sp-2010', 'sp-2007', 'sp-2011']
const SHELF_ADS = ['sp-2002', 'sp-2004', 'sp-2009', 'sp-2006']
const FOOTER_ADS = ['sp-2007', 'sp-2011']

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

interface Store {
  sandbox: Sandbox
  origin: string
  stop: () => Promise<void>
}

const startStore = async (settings: Record<string, unknown> = loadSandboxSettings()): Promise<Store> => {
  const sandbox = await startSandbox({ settings })
  const server = await startPageServer(sandbox)
  return { sandbox, origin: server.origin, stop: async () => {
    await close(server.server)
    await sandbox.stop()
  } }
}

interface Tab {
  context: BrowserContext
  page: Page
  errors: string[]
  /** Every script the page fetched from the store. */
  scripts: string[]
}

const openTab = async (): Promise<Tab> => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } })
  const page = await context.newPage()
  const tab: Tab = { context, page, errors: [], scripts: [] }
  page.on('console', (message) => {
    if (message.type() === 'error') tab.errors.push(message.text())
  })
  page.on('pageerror', (error) => tab.errors.push(error.message))
  page.on('request', (request) => {
    if (request.resourceType() === 'script') tab.scripts.push(new URL(request.url()).pathname)
  })
  return tab
}

const waitFor = async (probe: () => boolean | Promise<boolean>, what: string | (() => string), ms = 15_000) => {
  const deadline = Date.now() + ms
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

interface Row {
  id: string
  impression: string
  view: string
  click: string
}

/** The Ads tab's rows: each ad's id and the `data-state` of its three events. */
const rows = (page: Page): Promise<Row[]> =>
  page.locator(`${PANEL} tr[data-ad-id]`).evaluateAll((trs) =>
    trs.map((tr) => {
      const state = (event: string) => tr.querySelector(`[data-event="${event}"]`)?.getAttribute('data-state') || ''
      return { id: tr.getAttribute('data-ad-id') || '', impression: state('impression'), view: state('view'), click: state('click') }
    })
  )

const selectTab = (page: Page, name: RegExp) => page.locator(PANEL).getByRole('tab', { name }).click()

/** What axe finds wrong in the panel (axe's script added to the page first). */
const axeViolations = (page: Page) =>
  page.evaluate(async (panel) => {
    const axe = (window as unknown as { axe: { run: (context: Element) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe
    const result = await axe.run(document.querySelector(panel) as Element)
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
  }, PANEL)

/** The Warnings tab's kinds, read once the page settled (the consent wait is 2 s). */
const warnings = async (page: Page) => {
  await selectTab(page, /^Warnings/)
  return page.locator(`${PANEL} [data-warning]`).evaluateAll((items) => items.map((item) => item.getAttribute('data-warning')))
}

describe('debug mode, default settings', () => {
  let store: Store
  let tab: Tab
  const seenBeacons = () => store.sandbox.vtexAds.beacons.map((beacon) => `${beacon.kind}:${beacon.adId}`).join(' ')
  const count = (kind: string, adId: string) => store.sandbox.vtexAds.beacons.filter((beacon) => beacon.kind === kind && beacon.adId === adId).length
  const received = (kind: string) => (adId: string) => count(kind, adId) === 1

  beforeAll(async () => {
    store = await startStore()
  })
  afterAll(async () => {
    await store?.stop()
  })
  beforeEach(async () => {
    // What the previous test's tabs flushed as they closed (pagehide) lands first, then the count restarts.
    await new Promise((resolve) => setTimeout(resolve, 500))
    store.sandbox.vtexAds.beacons.length = 0
    store.sandbox.getAds.requests.length = 0
    store.sandbox.getAds.delayMs = 0
    tab = await openTab()
  })
  afterEach(async () => {
    await tab.context.close()
    expect(tab.errors).toEqual([])
  })

  it('a page without the parameter fetches no debug code and shows no overlay', async () => {
    const { page } = tab
    await page.goto(`${store.origin}/`)
    await page.locator('#footer-shelf li').first().waitFor()
    await waitFor(() => HOME_ADS.every(received('impression')), () => `the home impressions (received: ${seenBeacons()})`)
    await page.waitForTimeout(500)
    expect(tab.scripts).not.toContain(`/assets/${DEBUG_OVERLAY_FILE}`)
    expect(tab.scripts.length).toBeGreaterThan(0)
    for (const script of tab.scripts) expect([script, (await (await fetch(`${store.origin}${script}`)).text()).includes(OVERLAY_MARKER)]).toEqual([script, false])
    // The overlay's own chunk does carry it (the check above can find it).
    expect(await (await fetch(`${store.origin}/assets/${DEBUG_OVERLAY_FILE}`)).text()).toContain(OVERLAY_MARKER)
    expect(await page.locator('[data-ads-events-debug]').count()).toBe(0)
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0)
  })

  it("shows each ad's impression, view and click as the events stand-in received them", async () => {
    const { page } = tab
    await page.goto(`${store.origin}/?ads_events_debug=1`)
    await page.locator(PANEL).waitFor()
    expect(tab.scripts).toContain(`/assets/${DEBUG_OVERLAY_FILE}`)
    await waitFor(() => HOME_ADS.every(received('impression')), () => `the home impressions (received: ${seenBeacons()})`)
    await waitFor(async () => (await rows(page)).filter((row) => row.impression === 'accepted').length === HOME_ADS.length, 'every impression accepted in the overlay')
    /** Every event the overlay calls accepted is one the stand-in received, and the other way round (once the overlay's next reading caught up). */
    const disagreements = async () =>
      (await rows(page))
        .map((row) => [row.id, row.impression === 'accepted', row.view === 'accepted', row.click === 'accepted', count('impression', row.id) === 1, count('view', row.id) === 1, count('click', row.id) === 1])
        .filter(([, ...states]) => states[0] !== states[3] || states[1] !== states[4] || states[2] !== states[5])
    const matches = async () => {
      await waitFor(async () => (await disagreements()).length === 0, 'the overlay and the stand-in to agree', 3000).catch(() => undefined)
      expect(await disagreements()).toEqual([])
      const shown = await rows(page)
      expect(shown.map((row) => row.id).sort()).toEqual([...HOME_ADS].sort())
      return shown
    }
    await matches()

    // Views: the shelf's ads in view for a second; then the footer's, whose clock the overlay shows counting first.
    await page.locator('#shelf').evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY))
    await waitFor(() => SHELF_ADS.every(received('view')), 'the shelf views')
    await waitFor(async () => (await rows(page)).filter((row) => SHELF_ADS.includes(row.id) && row.view === 'accepted').length === SHELF_ADS.length, 'the shelf views in the overlay')
    expect((await rows(page)).filter((row) => FOOTER_ADS.includes(row.id)).map((row) => row.view)).toEqual(['not-in-view', 'not-in-view'])
    await page.locator('#footer-shelf').evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY))
    const seen = new Set<string>()
    await waitFor(async () => {
      for (const row of await rows(page)) if (FOOTER_ADS.includes(row.id)) seen.add(row.view)
      return FOOTER_ADS.every(received('view'))
    }, 'the footer views')
    expect(seen).toContain('counting')
    await waitFor(async () => (await rows(page)).filter((row) => FOOTER_ADS.includes(row.id) && row.view === 'accepted').length === 2, 'the footer views in the overlay')

    // A click that stays on the page: the card's own add-to-cart button counts as the ad's click.
    await page.locator('#shelf li').first().getByRole('button', { name: 'Add to cart' }).click()
    await waitFor(() => count('click', 'sp-2002') === 1, 'the click of sp-2002')
    await waitFor(async () => (await rows(page)).find((row) => row.id === 'sp-2002')?.click === 'accepted', 'the click in the overlay')
    const shown = await matches()
    expect(shown.filter((row) => row.click === 'accepted').map((row) => row.id)).toEqual(['sp-2002'])
  })

  it('says why a view is not counting: less than half in view, the tab hidden', async () => {
    const { page } = tab
    await page.goto(`${store.origin}/?ads_events_debug=1`)
    await page.locator('#footer-shelf li').first().waitFor()
    await page.locator(PANEL).waitFor()
    // The footer shelf a quarter in view: its ads show their share and why they do not count.
    const footer = await page.locator('#footer-shelf li').first().boundingBox()
    await page.evaluate((top) => window.scrollTo(0, top), footer!.y - 800 + footer!.height / 4)
    await waitFor(async () => (await rows(page)).filter((row) => FOOTER_ADS.includes(row.id)).every((row) => row.view === 'under-share'), 'under 50 % for the footer ads')
    const cell = page.locator(`${PANEL} tr[data-ad-id="sp-2007"] [data-event="view"]`)
    expect(await cell.textContent()).toMatch(/^not counting: too little in view (2\d|30) % \/ 50 %$/)

    // All in view, then the tab hidden before the second is over: the clock stops, and the overlay says why.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' })
      document.dispatchEvent(new Event('visibilitychange'))
    })
    await page.locator('#footer-shelf').evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY))
    await waitFor(async () => (await rows(page)).filter((row) => FOOTER_ADS.includes(row.id)).every((row) => row.view === 'tab-hidden'), 'the tab hidden')
    await page.waitForTimeout(1500)
    expect(FOOTER_ADS.map((adId) => count('view', adId))).toEqual([0, 0])
    expect((await rows(page)).filter((row) => FOOTER_ADS.includes(row.id)).map((row) => row.view)).toEqual(['tab-hidden', 'tab-hidden'])
  })

  it('stays on while the tab navigates, and one click turns it off', async () => {
    const { page } = tab
    await page.goto(`${store.origin}/?ads_events_debug=1`)
    await page.locator('#shelf li').first().waitFor()
    await page.locator(PANEL).waitFor()
    await Promise.all([page.waitForURL(/\?product=2002$/), page.locator('#shelf').getByRole('link', { name: 'Insulated water bottle' }).click()])
    await page.locator(PANEL).waitFor()
    await page.locator(PANEL).getByRole('button', { name: 'Turn off debug mode' }).click()
    await page.waitForURL(`${store.origin}/?product=2002`)
    await page.locator('#shelf li').first().waitFor()
    tab.scripts.length = 0
    await page.goto(`${store.origin}/`)
    await page.locator('#footer-shelf li').first().waitFor()
    await page.waitForTimeout(500)
    expect(await page.locator('[data-ads-events-debug]').count()).toBe(0)
    expect(tab.scripts).not.toContain(`/assets/${DEBUG_OVERLAY_FILE}`)
  })

  it("shows the page's Get ads: what it asked, how long it took, each placement's ads; an answer slower than the service's budget says so", async () => {
    const { page } = tab
    await page.goto(`${store.origin}/?ads_events_debug=1`)
    await page.locator(PANEL).waitFor()
    await waitFor(() => store.sandbox.getAds.requests.length === 1, 'the ad query')
    await selectTab(page, /^Get ads/)
    const placements = page.locator(`${PANEL} [data-placement]`)
    await waitFor(async () => (await placements.count()) === 5 && !(await placements.first().getAttribute('data-empty')), 'the answered placements')
    expect(await placements.evaluateAll((items) => items.map((item) => item.getAttribute('data-placement')))).toEqual(Object.keys(store.sandbox.getAds.requests[0].placements))
    expect(await placements.evaluateAll((items) => items.map((item) => item.textContent))).toEqual([
      'site_home_middle_banner asked 1 banner → 1 ads: banner-summer',
      'site_home_top_sponsored_brand asked 1 sponsored_brand → 1 ads: brand-trailco',
      'site_home_top-shelf_product asked 6 product → 4 ads: sp-2002, sp-2004, sp-2009, sp-2006',
      'site_home_search-results_product asked 2 product → 2 ads: sp-2012, sp-2010',
      'site_home_bottom-shelf_product asked 2 product → 2 ads: sp-2007, sp-2011',
    ])
    expect(await page.locator(`${PANEL} [data-query-context="home"]`).textContent()).toMatch(/took \d+ ms.*Page context: home · site · dedup_ads/)

    // VTEX Ads slower than the service's 600 ms: every placement empty, and the overlay says why.
    store.sandbox.getAds.delayMs = 2000
    await page.goto(`${store.origin}/?q=outdoor`)
    await page.locator(PANEL).waitFor()
    await selectTab(page, /^Get ads/)
    await waitFor(async () => (await page.locator(`${PANEL} [data-empty="budget"]`).count()) === 2, 'the placements empty for the budget')
    expect(await page.locator(`${PANEL} [data-empty="budget"]`).first().textContent()).toMatch(/no ad: VTEX Ads probably did not answer within 600 ms$/)
    // The search term is the shopper's text: only its length is shown.
    expect(await page.locator(`${PANEL} [data-query-context="search"]`).textContent()).toContain('term=7 ch')
    expect(await page.locator(PANEL).textContent()).not.toContain('outdoor')
  })

  it('names each block switched off in the Site Editor (active: false) in the Get ads tab, and no block that is on', async () => {
    const { page } = tab
    const switchedOff = () =>
      page.locator(`${PANEL} [data-switched-off]`).evaluateAll((items) => items.map((item) => `${item.getAttribute('data-empty')}: ${item.textContent}`))
    // The banner and the footer shelf off; the brand, the top shelf and the badges on.
    await page.goto(`${store.origin}/?off=banner,footer&ads_events_debug=1`)
    await page.locator(PANEL).waitFor()
    await selectTab(page, /^Get ads/)
    const placements = page.locator(`${PANEL} [data-placement]`)
    await waitFor(async () => (await placements.count()) === 3 && !(await placements.first().getAttribute('data-empty')), 'the answered placements')
    expect((await switchedOff()).sort()).toEqual([
      'inactive: sponsored-banner middle → no ad: switched off in the Site Editor (active: false)',
      'inactive: sponsored-products-shelf bottom-shelf → no ad: switched off in the Site Editor (active: false)',
    ])
    expect(await placements.evaluateAll((items) => items.map((item) => item.getAttribute('data-placement')))).toEqual(['site_home_top_sponsored_brand', 'site_home_top-shelf_product', 'site_home_search-results_product'])
    expect(await page.locator(`${PANEL} [data-empty="inactive"]`).count()).toBe(2)
    // Nothing of theirs on the page.
    for (const slot of ['#banner', '#footer-shelf']) expect([slot, await page.locator(`${slot} > *`).count()]).toEqual([slot, 0])
    await page.addScriptTag({ content: AXE })
    expect(await axeViolations(page)).toEqual([])

    // Every block off: no Get ads request, and each block named once (the badge of every product card too).
    await page.goto(`${store.origin}/?off=banner,brand,shelf,badges,footer`)
    await page.locator(PANEL).waitFor()
    await page.locator('#all-products section.card').first().waitFor()
    await selectTab(page, /^Get ads/)
    await waitFor(async () => (await switchedOff()).length === 5, 'the five blocks switched off')
    await page.waitForTimeout(500)
    expect((await switchedOff()).map((line) => line.split(' → ')[0]).sort()).toEqual([
      'inactive: sponsored-banner middle',
      'inactive: sponsored-brand top',
      'inactive: sponsored-products-shelf bottom-shelf',
      'inactive: sponsored-products-shelf top-shelf',
      'inactive: sponsored-search-badges search-results',
    ])
    expect(await page.locator(`${PANEL} [data-placement]`).count()).toBe(0)
    expect(await page.locator(`${PANEL} [role="tabpanel"]`).textContent()).toContain('No Get ads request on this page')
  })

  it('shows the identity: the session id the events carried, the user id, click ids, consent, and what the orderForm holds', async () => {
    const { context, page } = tab
    await context.addCookies([{ name: 'sandbox_user', value: 'demo-shopper-1', domain: '127.0.0.1', path: '/' }])
    await page.goto(`${store.origin}/?irclickid=click-42&ads_events_debug=1`)
    await page.locator(PANEL).waitFor()
    await waitFor(() => HOME_ADS.every(received('impression')), () => `the home impressions (received: ${seenBeacons()})`)
    await selectTab(page, /^Identity/)
    const value = (name: string) => page.locator(`${PANEL} [data-identity="${name}"] td`).textContent()
    const sessionId = store.sandbox.vtexAds.beacons[0].sessionId
    expect(await value('session_id')).toBe(`${sessionId} stored for the whole journey`)
    expect(await value('user_id')).toBe('demoshopper1')
    expect(await value('click_ids')).toBe('irclickid=click-42')
    expect(await value('consent')).toBe('not required by the store')
    expect(await value('managers')).toBe('none')
    await waitFor(async () => /session_id=/.test((await value('holds')) || ''), 'the orderForm read')
    expect(await value('holds')).toBe(`session_id=${sessionId} · user_id=demoshopper1 · impact_click_id=click-42`)
    expect(await value('written')).toMatch(/^yes: it holds the ids the events carry( \(PUT → 200\))?$/)
    // Ids only: nothing of the shopper's own (the orderForm's profile, e-mail) reaches the overlay.
    expect(await page.locator(PANEL).textContent()).not.toMatch(/@|demo-shopper-1@|sandbox\.test/)
  })

  it('no warning on pages that do everything right', async () => {
    const { page } = tab
    for (const path of ['/?ads_events_debug=1', '/?q=outdoor&ads_events_debug=1']) {
      await page.goto(`${store.origin}${path}`)
      await page.locator(PANEL).waitFor()
      await waitFor(async () => (await rows(page)).every((row) => row.impression === 'accepted') && (await rows(page)).length > 0, 'the page settled')
      await page.waitForTimeout(2500)
      expect([path, await warnings(page)]).toEqual([path, []])
      expect(await page.locator(`${PANEL} [role="tabpanel"]`).textContent()).toBe('No warnings.')
    }
  })

  it.each([
    ['/?q=outdoor&ads_events_debug=1&mistakes=tracked-twice', 'tracked-twice', 'vtex-search-2004 (theme-search, vtex-search)'],
    ['/?ads_events_debug=1&mistakes=no-urls', 'no-urls', 'ad-tracker #'],
    ['/?ads_events_debug=1&mistakes=no-height', 'no-reserved-height', 'sponsoredShelf (0 px → '],
  ])('%s: the warning for that mistake, and only it', async (path, kind, subject) => {
    const { page } = tab
    await page.goto(`${store.origin}${path}`)
    await page.locator(PANEL).waitFor()
    await waitFor(async () => (await warnings(page)).length > 0, 'a warning')
    await page.waitForTimeout(2500)
    expect(await warnings(page)).toEqual([kind])
    expect(await page.locator(`${PANEL} [data-warning]`).textContent()).toContain(subject)
  })

  it("the admin's link opens the store in debug mode in a new tab", async () => {
    const { context, page } = tab
    await page.goto(`${store.origin}${ADMIN_PATH}`)
    const link = page.getByRole('link', { name: 'Open the store in debug mode' })
    const [storeTab] = await Promise.all([context.waitForEvent('page'), link.click()])
    await storeTab.locator(PANEL).waitFor()
    expect(storeTab.url()).toBe(`${store.origin}/?ads_events_debug=1`)
  })

  it('is accessible (axe finds nothing, each tab) and usable with the keyboard', async () => {
    const { page } = tab
    await page.goto(`${store.origin}/?ads_events_debug=1&mistakes=no-urls`)
    await page.locator(PANEL).waitFor()
    await waitFor(() => HOME_ADS.every(received('impression')), () => `the home impressions (received: ${seenBeacons()})`)
    await page.addScriptTag({ content: AXE })
    for (const name of [/^Ads/, /^Get ads/, /^Identity/, /^Warnings/]) {
      await selectTab(page, name)
      expect([String(name), await axeViolations(page)]).toEqual([String(name), []])
    }
    // Arrow keys move between tabs; the panel folds and unfolds.
    await page.locator(PANEL).getByRole('tab', { name: /^Warnings/ }).focus()
    await page.keyboard.press('ArrowRight')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Ads/)
    await page.locator(PANEL).getByRole('button', { name: 'Hide panel' }).click()
    expect(await page.locator(`${PANEL} [role="tablist"]`).count()).toBe(0)
    await page.locator(PANEL).getByRole('button', { name: 'Show panel' }).click()
    expect(await page.locator(`${PANEL} [role="tablist"]`).count()).toBe(1)
  })
})

describe('debug mode, consent required', () => {
  let store: Store
  let tab: Tab
  beforeAll(async () => {
    store = await startStore({ ...loadSandboxSettings(), requireConsent: true })
  })
  afterAll(async () => {
    await store?.stop()
  })
  beforeEach(async () => {
    tab = await openTab()
  })
  afterEach(async () => {
    await tab.context.close()
    expect(tab.errors).toEqual([])
  })

  it('no consent manager answers within 2 s: the warning for it, and only it', async () => {
    const { page } = tab
    await page.goto(`${store.origin}/?ads_events_debug=1`)
    await page.locator(PANEL).waitFor()
    await waitFor(async () => (await warnings(page)).length > 0, 'a warning', 10_000)
    expect(await warnings(page)).toEqual(['consent-silent'])
    await selectTab(page, /^Identity/)
    expect(await page.locator(`${PANEL} [data-identity="consent"] td`).textContent()).toBe('no answer from a consent manager')
    expect(await page.locator(`${PANEL} [data-identity="session_id"] td`).textContent()).toMatch(/for this page only \(nothing stored\)$/)
  })

  it('a consent manager that answers: no warning', async () => {
    const { page } = tab
    await page.addInitScript(() => {
      ;(window as unknown as { adsEventsConsent: boolean }).adsEventsConsent = true
    })
    await page.goto(`${store.origin}/?ads_events_debug=1`)
    await page.locator(PANEL).waitFor()
    await page.waitForTimeout(3000)
    expect(await warnings(page)).toEqual([])
    await selectTab(page, /^Identity/)
    expect(await page.locator(`${PANEL} [data-identity="consent"] td`).textContent()).toBe('granted')
    expect(await page.locator(`${PANEL} [data-identity="managers"] td`).textContent()).toBe('window.adsEventsConsent')
  })
})

describe('debug mode, no publisher ID', () => {
  let store: Store
  let tab: Tab
  beforeAll(async () => {
    const settings = loadSandboxSettings()
    delete settings.publisherId
    store = await startStore(settings)
  })
  afterAll(async () => {
    await store?.stop()
  })
  afterEach(async () => {
    await tab.context.close()
    expect(tab.errors).toEqual([])
  })

  it('the warning for it, and only it; every placement says why it has no ad', async () => {
    tab = await openTab()
    const { page } = tab
    await page.goto(`${store.origin}/?ads_events_debug=1`)
    await page.locator(PANEL).waitFor()
    await waitFor(async () => (await warnings(page)).length > 0, 'a warning')
    await page.waitForTimeout(2500)
    expect(await warnings(page)).toEqual(['no-publisher'])
    await selectTab(page, /^Get ads/)
    await waitFor(async () => (await page.locator(`${PANEL} [data-empty="no-publisher"]`).count()) === 5, 'the placements')
    expect(await page.locator(`${PANEL} [data-empty]`).count()).toBe(5)
  })
})
