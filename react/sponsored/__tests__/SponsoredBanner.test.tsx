import React from 'react'
import { act, render, waitFor } from '@testing-library/react'

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

describe('sponsored-banner in jsdom', () => {
  let requests: Array<Record<string, unknown>>
  let beacons: string[]
  beforeEach(() => {
    jest.useFakeTimers()
    requests = []
    beacons = []
    Object.defineProperty(navigator, 'sendBeacon', { configurable: true, value: (url: string) => beacons.push(url) > 0 })
    // The session API the tracker asks for the user id: anonymous here.
    global.fetch = jest.fn().mockResolvedValue({ ok: true, json: async () => ({}) })
  })
  afterEach(() => {
    jest.useRealTimers()
    delete graphql.__SANDBOX_GRAPHQL__
  })

  it('an answer that comes after the deadline renders nothing, and the page around it is untouched', async () => {
    let answer: (value: unknown) => void = () => undefined
    graphql.__SANDBOX_GRAPHQL__ = (_: string, variables: Record<string, unknown>) => {
      requests.push(variables)
      return new Promise((resolve) => (answer = resolve as (value: unknown) => void))
    }
    const { container } = render(
      <main>
        <p>before</p>
        <SponsoredBanner />
        <p>after</p>
      </main>
    )
    await act(async () => {
      jest.advanceTimersByTime(CLIENT_DEADLINE_MS)
    })
    await act(async () => answer(bannerAnswer))
    jest.useRealTimers()
    await flush()
    expect(requests).toHaveLength(1)
    expect(container.innerHTML).toBe('<main><p>before</p><p>after</p></main>')
    expect(beacons).toEqual([])
  })

  it('an answer in time: image with alt, link, "Sponsored" label, impression sent', async () => {
    graphql.__SANDBOX_GRAPHQL__ = (_: string, variables: Record<string, unknown>) => {
      requests.push(variables)
      return Promise.resolve(bannerAnswer)
    }
    jest.useRealTimers()
    const { container, findByRole } = render(<SponsoredBanner />)
    const link = await findByRole('link')
    expect(link.getAttribute('href')).toBe('/summer')
    // jsdom drops aspect-ratio (unknown to its CSS parser): the reserved box is measured in Chromium (test/browser/sponsoredBlocks.test.ts).
    expect(link.getAttribute('style')).toContain('max-width: 970px')
    expect(container.querySelector('img')?.getAttribute('alt')).toBe('Summer sale (Sponsored)')
    expect(container.querySelector('.adsevents-ads-events-0-x-sponsoredLabel')?.textContent).toBe('Sponsored')
    await waitFor(() => expect(beacons).toEqual(['https://e/i/b1']))
    const input = requests[0].input as { placements: unknown[]; channel: string; context: string }
    expect(input).toMatchObject({ channel: 'site', context: 'home', placements: [{ position: 'middle', quantity: 1, types: ['banner'], size: 'desktop' }] })
  })

  it('no ads in the answer: nothing rendered', async () => {
    graphql.__SANDBOX_GRAPHQL__ = () => Promise.resolve({ data: { sponsoredAds: { placements: [{ name: 'x', ads: [] }] } } })
    jest.useRealTimers()
    const { container } = render(<SponsoredBanner />)
    await flush()
    await flush()
    expect(container.innerHTML).toBe('')
  })
})
