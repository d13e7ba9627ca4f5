import React from 'react'
import { act, render, waitFor } from '@testing-library/react'

import { configureIdentity } from '../../identity/identity'
import SponsoredBanner from '../SponsoredBanner'
import { CLIENT_DEADLINE_MS } from '../useSponsoredAds'

const bannerAnswer = {
  data: {
    sponsoredAds: {
      placements: [
        {
          name: 'site_home_middle_banner',
          ads: [{ adId: 'b1', type: 'banner', mediaUrl: 'https://cdn.example/b.png', assets: [], products: [], alt: 'Summer sale', destinationUrl: '/summer', impressionUrl: 'https://e/i/b1', viewUrl: 'https://e/v/b1', clickUrl: 'https://e/c/b1' }],
        },
      ],
    },
  },
}

/** The sandbox's react-apollo stand-in (jest maps react-apollo to it) takes its transport from here. */
const graphql = window as Window & { __SANDBOX_GRAPHQL__?: (query: string, variables: Record<string, unknown>) => Promise<unknown> }

const flush = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))

// The session API the identity asks: anonymous. The pixel's part: the store needs no consent.
global.fetch = jest.fn().mockResolvedValue({ ok: true, json: async () => ({ namespaces: { profile: { isAuthenticated: { value: 'false' } } } }) })
configureIdentity({ requireConsent: false })

describe('sponsored-banner in jsdom', () => {
  let requests: Array<Record<string, unknown>>
  let beacons: string[]
  beforeEach(() => {
    requests = []
    beacons = []
    Object.defineProperty(navigator, 'sendBeacon', { configurable: true, value: (url: string) => beacons.push(url) > 0 })
  })
  afterEach(() => {
    jest.useRealTimers()
    delete graphql.__SANDBOX_GRAPHQL__
  })

  it('reserves the creative box from the first render, before any answer', () => {
    graphql.__SANDBOX_GRAPHQL__ = () => new Promise(() => undefined)
    const { container } = render(<SponsoredBanner desktopWidth={728} desktopHeight={90} />)
    const box = container.firstChild as HTMLElement
    expect(box.className).toBe('adsevents-ads-events-0-x-sponsoredBanner')
    // jsdom drops aspect-ratio (unknown to its CSS parser): the reserved box is measured in Chromium (test/browser/sponsoredBlocks.test.ts).
    expect(box.style.maxWidth).toBe('728px')
    expect(box.children).toHaveLength(0)
  })

  it('an answer in time: the label over the creative, named once in the link, the impression sent', async () => {
    graphql.__SANDBOX_GRAPHQL__ = (_: string, variables: Record<string, unknown>) => {
      requests.push(variables)
      return Promise.resolve(bannerAnswer)
    }
    const { container, findByRole } = render(<SponsoredBanner />)
    const link = await findByRole('link')
    expect(link.getAttribute('href')).toBe('/summer')
    expect(link.textContent).toBe('Sponsored')
    expect(container.querySelector('img')?.getAttribute('alt')).toBe('Summer sale')
    expect(link.firstElementChild?.className).toBe('adsevents-ads-events-0-x-sponsoredLabel')
    expect((link.firstElementChild as HTMLElement).style.position).toBe('absolute')
    await waitFor(() => expect(beacons).toEqual(['https://e/i/b1']))
    const input = requests[0].input as { placements: unknown[]; channel: string; context: string; dedupAds: boolean }
    expect(input).toMatchObject({ channel: 'site', context: 'home', dedupAds: false, placements: [{ position: 'middle', quantity: 1, types: ['banner'], size: 'desktop' }] })
  })

  it('an answer after the deadline shows no ad (jsdom has no IntersectionObserver: the empty box is given back at once)', async () => {
    let answer: (value: unknown) => void = () => undefined
    graphql.__SANDBOX_GRAPHQL__ = (_: string, variables: Record<string, unknown>) => {
      requests.push(variables)
      return new Promise((resolve) => (answer = resolve as (value: unknown) => void))
    }
    jest.useFakeTimers()
    const { container } = render(
      <main>
        <p>before</p>
        <SponsoredBanner />
        <p>after</p>
      </main>
    )
    for (let i = 0; i < 5 && requests.length === 0; i++) await act(async () => void jest.advanceTimersByTime(10))
    expect(requests).toHaveLength(1)
    await act(async () => void jest.advanceTimersByTime(CLIENT_DEADLINE_MS))
    await act(async () => answer(bannerAnswer))
    jest.useRealTimers()
    await flush()
    expect(container.innerHTML).toBe('<main><p>before</p><p>after</p></main>')
    expect(beacons).toEqual([])
  })
})
