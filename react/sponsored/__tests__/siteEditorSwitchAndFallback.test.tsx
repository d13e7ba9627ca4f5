import React from 'react'
import { act, render, waitFor } from '@testing-library/react'

import { ChildBlocks } from '../../../sandbox/storefront/shims/renderRuntime'
import { configureIdentity } from '../../identity/identity'
import SponsoredBanner from '../SponsoredBanner'
import SponsoredBrand from '../SponsoredBrand'
import SponsoredProductsShelf from '../SponsoredProductsShelf'
import SponsoredSearchBadges from '../SponsoredSearchBadges'

/** The sandbox's react-apollo stand-in (jest maps react-apollo to it) takes its transport from here. */
const graphql = window as Window & { __SANDBOX_GRAPHQL__?: (query: string, variables: Record<string, unknown>) => Promise<unknown> }
const noAds = (names: string[]) => ({ data: { sponsoredAds: { placements: names.map((name) => ({ name, ads: [] })) } } })
const flush = (ms = 0) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)))

global.fetch = jest.fn().mockResolvedValue({ ok: true, json: async () => ({ namespaces: { profile: { isAuthenticated: { value: 'false' } } } }) })
configureIdentity({ requireConsent: false })

let requests: Array<{ input: { placements: Array<{ position: string }>; userAgent?: string } }>
beforeEach(() => {
  requests = []
  graphql.__SANDBOX_GRAPHQL__ = (query, variables) => {
    if (!query.includes('sponsoredAds')) return Promise.resolve({ data: { productsByIdentifier: [] } })
    requests.push(variables as (typeof requests)[number])
    return Promise.resolve(noAds((variables.input as { placements: Array<{ position: string }> }).placements.map((placement) => `site_home_${placement.position}`)))
  }
})
afterEach(() => {
  delete graphql.__SANDBOX_GRAPHQL__
})

describe('active (the Site Editor switch)', () => {
  it('off: each block renders nothing and asks Get ads for nothing', async () => {
    const { container } = render(
      <main>
        <SponsoredBanner active={false} />
        <SponsoredBrand active={false} />
        <SponsoredProductsShelf active={false} title="Sponsored products" />
      </main>
    )
    expect(container.innerHTML).toBe('<main></main>')
    await flush(50)
    expect(requests).toEqual([])
    expect(container.innerHTML).toBe('<main></main>')
  })

  it('off: it does not join the page\'s one query either; the blocks that are on ask for their placements alone', async () => {
    render(
      <main>
        <SponsoredBanner active={false} position="off-banner" />
        <SponsoredProductsShelf position="on-shelf" />
        <SponsoredProductsShelf active={false} position="off-shelf" />
      </main>
    )
    await waitFor(() => expect(requests).toHaveLength(1))
    await flush(20)
    expect(requests).toHaveLength(1)
    expect(requests[0].input.placements.map((placement) => placement.position)).toEqual(['on-shelf'])
    // Get ads' userAgent: the browser's own.
    expect(requests[0].input.userAgent).toBe(navigator.userAgent)
  })

  it('off: a search badge leaves the summary exactly as without the block', async () => {
    const { container } = render(
      <SponsoredSearchBadges active={false}>
        <a href="/p/1">Trail running shoes</a>
      </SponsoredSearchBadges>
    )
    expect(container.innerHTML).toBe('<a href="/p/1">Trail running shoes</a>')
    await flush(50)
    expect(requests).toEqual([])
  })
})

describe('fallback content (sponsored-fallback)', () => {
  const house = <a href="/campaign/house">Free shipping over $ 99</a>

  it('no ad: the theme\'s fallback blocks fill the reserved box, which stays (jsdom has no IntersectionObserver: without a fallback it is given back at once)', async () => {
    const { container } = render(
      <main>
        <ChildBlocks blocks={{ 'sponsored-fallback': house }}>
          <SponsoredBanner />
        </ChildBlocks>
        <SponsoredProductsShelf title="Sponsored products" />
      </main>
    )
    const box = container.querySelector('.adsevents-ads-events-0-x-sponsoredBanner') as HTMLElement
    expect(box.children).toHaveLength(0)
    await waitFor(() => expect(box.querySelector('a')?.getAttribute('href')).toBe('/campaign/house'))
    const layer = box.firstElementChild as HTMLElement
    expect(layer.className).toBe('adsevents-ads-events-0-x-sponsoredFallback')
    expect([layer.style.position, layer.style.top, layer.style.bottom, layer.style.overflow]).toEqual(['absolute', '0px', '0px', 'hidden'])
    expect(box.textContent).not.toMatch(/sponsored/i)
    // The shelf without a fallback gave its space back.
    expect(container.querySelector('.adsevents-ads-events-0-x-sponsoredShelf')).toBeNull()
  })

  it('no ad on a shelf: the fallback replaces the title, and the box is no longer named "Sponsored"', async () => {
    const { container } = render(
      <ChildBlocks blocks={{ 'sponsored-fallback': <h2>Our best sellers</h2> }}>
        <SponsoredProductsShelf title="Sponsored products" minHeight={262} />
      </ChildBlocks>
    )
    const shelf = container.querySelector('section') as HTMLElement
    expect(shelf.getAttribute('aria-label')).toBe('Sponsored products')
    await waitFor(() => expect(shelf.textContent).toBe('Our best sellers'))
    expect(shelf.hasAttribute('aria-label')).toBe(false)
    expect(shelf.style.minHeight).toBe('262px')
    expect(shelf.style.position).toBe('relative')
  })
})
