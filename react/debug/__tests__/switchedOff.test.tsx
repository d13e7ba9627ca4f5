import React from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { act, render } from '@testing-library/react'

import { configureIdentity } from '../../identity/identity'
import SponsoredBanner from '../../sponsored/SponsoredBanner'
import SponsoredBrand from '../../sponsored/SponsoredBrand'
import SponsoredProductsShelf from '../../sponsored/SponsoredProductsShelf'
import SponsoredSearchBadges from '../../sponsored/SponsoredSearchBadges'
import { switchedOffBlocks } from '../../sponsored/switchedOff'
import { switchedOffView } from '../adQueries'

/** The sandbox's react-apollo stand-in (jest maps react-apollo to it) takes its transport from here. */
const graphql = window as Window & { __SANDBOX_GRAPHQL__?: (query: string, variables: Record<string, unknown>) => Promise<unknown> }
const flush = (ms = 0) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)))

global.fetch = jest
  .fn()
  .mockResolvedValue({ ok: true, json: async () => ({ namespaces: { profile: { isAuthenticated: { value: 'false' } } } }) })
configureIdentity({ requireConsent: false })

let adQueries: number
beforeEach(() => {
  adQueries = 0
  graphql.__SANDBOX_GRAPHQL__ = (query) => {
    if (query.includes('sponsoredAds')) adQueries++
    return Promise.resolve({ data: { sponsoredAds: { placements: [] }, productsByIdentifier: [] } })
  }
})
afterEach(() => {
  delete graphql.__SANDBOX_GRAPHQL__
})

const card = (name: string) => (
  <SponsoredSearchBadges active={false} key={name}>
    <a href={`/p/${name}`}>{name}</a>
  </SponsoredSearchBadges>
)

describe("the debug overlay's switched-off blocks (active: false)", () => {
  it('names each switched-off block on the page once, with its placement name or position; a block that is on is not named', async () => {
    const { container, unmount } = render(
      <main>
        <SponsoredBanner active={false} />
        <SponsoredBrand active={false} placementName="site_home_top_sponsored_brand" />
        <SponsoredProductsShelf active={false} position="bottom-shelf" />
        <SponsoredProductsShelf position="top-shelf" />
        {['a', 'b', 'c'].map(card)}
      </main>
    )
    expect(switchedOffView(switchedOffBlocks)).toEqual([
      { block: 'sponsored-banner', placement: 'middle' },
      { block: 'sponsored-brand', placement: 'site_home_top_sponsored_brand' },
      { block: 'sponsored-products-shelf', placement: 'bottom-shelf' },
      // Every product card has its badge: the overlay names the block once.
      { block: 'sponsored-search-badges', placement: 'search-results' },
    ])
    // Still nothing of their own rendered: the badges' summaries only, the shelf that is on its box.
    expect(container.querySelectorAll('main > a')).toHaveLength(3)
    expect(container.querySelectorAll('main > section')).toHaveLength(1)
    expect(container.querySelectorAll('main > :not(a):not(section)')).toHaveLength(0)
    // The one query is the shelf that is on, alone.
    await flush(50)
    expect(adQueries).toBe(1)
    unmount()
    expect(switchedOffBlocks).toEqual({})
  })

  it('goes with its page: a block stays named while one of its kind is mounted', () => {
    const { rerender, unmount } = render(<main>{['a', 'b'].map(card)}</main>)
    expect(switchedOffView(switchedOffBlocks)).toEqual([{ block: 'sponsored-search-badges', placement: 'search-results' }])
    rerender(<main>{['a'].map(card)}</main>)
    expect(switchedOffView(switchedOffBlocks)).toEqual([{ block: 'sponsored-search-badges', placement: 'search-results' }])
    // The next page (a client-side navigation) has its own blocks.
    rerender(
      <main>
        <SponsoredBanner active={false} position="top" />
      </main>
    )
    expect(switchedOffView(switchedOffBlocks)).toEqual([{ block: 'sponsored-banner', placement: 'top' }])
    unmount()
    expect(switchedOffView(switchedOffBlocks)).toEqual([])
  })

  it('the server writes nothing: rendering for one request leaves no state for the next', () => {
    const html = renderToStaticMarkup(
      <main>
        <SponsoredBanner active={false} />
        <SponsoredProductsShelf active={false} />
        {card('a')}
      </main>
    )
    expect(html).toBe('<main><a href="/p/a">a</a></main>')
    expect(switchedOffBlocks).toEqual({})
  })

  it('a placement with a space in its name stays whole', () => {
    expect(switchedOffView({ 'sponsored-banner home hero': 1 })).toEqual([{ block: 'sponsored-banner', placement: 'home hero' }])
  })
})
