import React from 'react'
import { fireEvent, render } from '@testing-library/react'

import AdTracker from '../../components/AdTracker'
import { FakeIntersectionObserver } from './fakeIntersectionObserver'

// Module state (identity, shared observer, sent keys) lives for this whole file: each test uses its own ad URLs.
;(global as unknown as { IntersectionObserver: unknown }).IntersectionObserver = FakeIntersectionObserver
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' })
document.cookie = 'ads_events_sid=sid-1; path=/'

describe('AdTracker', () => {
  let sent: string[]

  beforeEach(() => {
    jest.useFakeTimers()
    sent = []
    Object.defineProperty(navigator, 'sendBeacon', { configurable: true, value: (url: string) => sent.push(url) > 0 })
    global.fetch = jest.fn().mockResolvedValue({ ok: true, json: async () => ({}) })
  })
  afterEach(() => jest.useRealTimers())

  const settle = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve()
  }
  const urls = (ad: string) => ({
    impression_url: `https://e.test/impression/${ad}`,
    view_url: `https://e.test/view/${ad}`,
    click_url: `https://e.test/click/${ad}`,
  })

  it('sends the impression on mount, once, however often it re-renders', async () => {
    const page = render(<AdTracker {...urls('a')}>ad</AdTracker>)
    for (let i = 0; i < 5; i++) page.rerender(<AdTracker {...urls('a')}>{`ad ${i}`}</AdTracker>)
    await settle()
    expect(sent).toEqual(['https://e.test/impression/a'])
  })

  it('sends the view after 1 s at ≥ 50 % and a click on every click, before the link handles it', async () => {
    const order: string[] = []
    const page = render(
      <AdTracker {...urls('b')}>
        <a href="#p" onClick={() => order.push(`link saw ${sent.length} beacons`)}>
          product
        </a>
      </AdTracker>,
    )
    await settle()
    const wrapper = page.container.firstChild as Element
    const observer = FakeIntersectionObserver.instances.find((io) => io.observed.has(wrapper))!
    observer.report(wrapper, 0.5)
    jest.advanceTimersByTime(999)
    expect(sent).toEqual(['https://e.test/impression/b'])
    jest.advanceTimersByTime(1)
    fireEvent.click(page.getByText('product'))
    fireEvent.click(page.getByText('product'))
    expect(sent).toEqual(['https://e.test/impression/b', 'https://e.test/view/b', 'https://e.test/click/b', 'https://e.test/click/b'])
    expect(order).toEqual(['link saw 3 beacons', 'link saw 4 beacons'])
  })

  it('renders its children inside one plain div (no extra box styles)', () => {
    const page = render(
      <AdTracker {...urls('c')}>
        <span>x</span>
      </AdTracker>,
    )
    expect(page.container.innerHTML).toBe('<div><span>x</span></div>')
  })
})
