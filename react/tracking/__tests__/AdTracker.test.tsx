import React from 'react'
import { fireEvent, render } from '@testing-library/react'

import AdTracker from '../../components/AdTracker'
import { configureIdentity } from '../../identity/identity'
import { pageViewData } from '../../../sandbox/storefront/shims/pixelEvents'
import { FakeIntersectionObserver } from './fakeIntersectionObserver'

// Module state (identity, shared observer, page view) lives for this whole file: each test uses its own ad URLs.
;(global as unknown as { IntersectionObserver: unknown }).IntersectionObserver = FakeIntersectionObserver
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' })
document.cookie = 'ads_events_sid=sid-1; path=/'
// What the pixel does with the store's setting (the session API answers "anonymous").
global.fetch = jest.fn().mockResolvedValue({ ok: true, json: async () => ({}) })
configureIdentity({ requireConsent: false })

/** What vtex.store's PageViewPixel posts, through pixel-manager, on every page view (the pixel bus is window.postMessage). */
const pixelPageView = () => window.dispatchEvent(new MessageEvent('message', { data: pageViewData(), source: window, origin: location.origin }))

describe('AdTracker', () => {
  let sent: string[]

  beforeEach(() => {
    jest.useFakeTimers()
    sent = []
    Object.defineProperty(navigator, 'sendBeacon', { configurable: true, value: (url: string) => sent.push(url) > 0 })
    global.fetch = jest.fn().mockResolvedValue({ ok: true, json: async () => ({}) })
  })
  /** Lets the identity resolve and the idle slices (1 ms timers in jsdom) that send queued impressions and views run. */
  const settle = async (ms = 20) => {
    for (let i = 0; i < 20; i++) await Promise.resolve()
    jest.advanceTimersByTime(ms)
  }
  // A slice scheduled on this test's fake clock must run before the clock is replaced.
  afterEach(async () => {
    await settle()
    jest.useRealTimers()
  })
  const urls = (ad: string) => ({
    impression_url: `https://e.test/impression/${ad}`,
    view_url: `https://e.test/view/${ad}`,
    click_url: `https://e.test/click/${ad}`,
  })

  it('sends the impression on mount, once, however often it re-renders or remounts in the page view', async () => {
    const page = render(<AdTracker {...urls('a')}>ad</AdTracker>)
    for (let i = 0; i < 5; i++) page.rerender(<AdTracker {...urls('a')}>{`ad ${i}`}</AdTracker>)
    pixelPageView() // announced after the ads mounted, as render-runtime does: the same page view
    page.rerender(<AdTracker {...urls('a')}>again</AdTracker>)
    page.unmount()
    render(<AdTracker {...urls('a')}>remounted</AdTracker>)
    await settle()
    expect(sent).toEqual(['https://e.test/impression/a'])
  })

  it('sends the view after 1 s at ≥ 50 % and one click per page view, before the link handles it', async () => {
    const order: string[] = []
    const page = render(
      <AdTracker {...urls('b')}>
        <a href="#p" onClick={() => order.push(`link saw ${sent.length} beacons`)}>
          product
        </a>
      </AdTracker>,
    )
    await settle()
    const link = page.getByText('product')
    const observer = FakeIntersectionObserver.instances.find((io) => io.observed.has(link))!
    observer.report(link, 0.5)
    jest.advanceTimersByTime(999)
    await settle(0)
    expect(sent).toEqual(['https://e.test/impression/b'])
    jest.advanceTimersByTime(1)
    await settle()
    fireEvent.click(link)
    fireEvent.click(link.firstChild as ChildNode)
    expect(sent).toEqual(['https://e.test/impression/b', 'https://e.test/view/b', 'https://e.test/click/b'])
    expect(order).toEqual(['link saw 3 beacons', 'link saw 3 beacons'])
  })

  it('tracks a single HTML element child itself; anything else inside one plain div', () => {
    const single = render(
      <AdTracker {...urls('c')}>
        <span>x</span>
      </AdTracker>,
    )
    expect(single.container.innerHTML).toBe('<span>x</span>')
    const Card = () => <span>y</span>
    const component = render(
      <AdTracker {...urls('c2')}>
        <Card />
      </AdTracker>,
    )
    expect(component.container.innerHTML).toBe('<div><span>y</span></div>')
    const several = render(
      <AdTracker {...urls('c3')}>
        <b>1</b>
        <b>2</b>
      </AdTracker>,
    )
    expect(several.container.innerHTML).toBe('<div><b>1</b><b>2</b></div>')
    const observed = FakeIntersectionObserver.instances[0].observed
    expect([single.container.firstChild, component.container.firstChild, several.container.firstChild].every((el) => observed.has(el as Element))).toBe(true)
  })

  it('A → B (no ads) → A: the second visit of A is a new page view and sends its impression again', async () => {
    window.history.pushState(null, '', '/a')
    pixelPageView()
    const a = render(<AdTracker {...urls('nav')}>ad</AdTracker>)
    await settle()
    a.unmount()
    window.history.pushState(null, '', '/b')
    pixelPageView()
    window.history.pushState(null, '', '/a')
    const again = render(<AdTracker {...urls('nav')}>ad</AdTracker>)
    pixelPageView()
    again.rerender(<AdTracker {...urls('nav')}>re-rendered</AdTracker>)
    await settle()
    expect(sent).toEqual(['https://e.test/impression/nav', 'https://e.test/impression/nav'])
  })
})
