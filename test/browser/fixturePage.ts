import type { BrowserContext, Page } from 'playwright-core'

import type { FixtureAd, FixtureConfig } from '../../sandbox/storefront/pages/fixture'

/** Viewport of every browser test: ads are placed against its 800 px height. */
export const VIEWPORT = { width: 1000, height: 800 }

export const fixtureAd = (eventsBaseUrl: string, id: string, top: number, extra: Partial<FixtureAd> = {}): FixtureAd => ({
  id,
  top,
  height: 200,
  impression_url: `${eventsBaseUrl}/v1/beacon/impression/${id}`,
  view_url: `${eventsBaseUrl}/v1/beacon/view/${id}`,
  click_url: `${eventsBaseUrl}/v1/beacon/click/${id}`,
  ...extra,
})

export const openFixture = async (page: Page, origin: string, config: FixtureConfig, query = '') => {
  await page.addInitScript((c) => {
    ;(window as unknown as { __FIXTURE__: unknown }).__FIXTURE__ = c
  }, config)
  await page.goto(`${origin}/fixture${query}`)
}

/** Collects console errors and uncaught exceptions of every page of a context. */
export const watchErrors = (context: BrowserContext) => {
  const errors: string[] = []
  context.on('page', (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(String(error)))
  })
  return errors
}

/**
 * Waits until pending IntersectionObserver notifications for `selector` were delivered: a
 * fresh observer's first callback comes in the same update as (and after) those of observers
 * created before it. Works with a paused page clock (intersection is computed natively).
 */
export const intersectionRatio = (page: Page, selector: string) =>
  page.evaluate(
    (sel) =>
      new Promise<number>((resolve) => {
        const target = document.querySelector(sel)!.parentElement!
        const io = new IntersectionObserver((entries) => {
          io.disconnect()
          resolve(entries[0].intersectionRatio)
        })
        io.observe(target)
      }),
    selector,
  )
