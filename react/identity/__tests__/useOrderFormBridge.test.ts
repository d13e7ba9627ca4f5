import type React from 'react'
/** The sandbox's react-apollo stand-in (jest maps react-apollo to it) takes its transport from here. */
const graphql = window as Window & { __SANDBOX_GRAPHQL__?: (query: string, variables: Record<string, unknown>) => Promise<unknown> }

/** A fresh page load: new module state, the public config answering as given. */
const loadPixel = (config: () => Promise<unknown>) => {
  const queries: string[] = []
  graphql.__SANDBOX_GRAPHQL__ = (query) => {
    queries.push(query)
    return config()
  }
  // A fresh module registry = a fresh page load (identity state); React and the testing library come from it too.
  /* eslint-disable @typescript-eslint/no-require-imports */
  let page = {} as {
    PixelIdentity: React.ComponentType
    createElement: typeof React.createElement
    render: typeof import('@testing-library/react').render
    act: typeof import('@testing-library/react').act
    mockOrderForm: typeof import('../../__mocks__/vtex.order-manager/OrderForm').mockOrderForm
  }
  jest.isolateModules(() => {
    const { render, act } = require('@testing-library/react/pure')
    // The same module jest maps vtex.order-manager/OrderForm to (jest.config.js).
    const { mockOrderForm } = require('../../__mocks__/vtex.order-manager/OrderForm')
    page = { PixelIdentity: require('../../PixelIdentity').default, createElement: require('react').createElement, render, act, mockOrderForm }
  })
  /* eslint-enable @typescript-eslint/no-require-imports */
  const flush = () => page.act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
  return { ...page, pixel: () => page.createElement(page.PixelIdentity), queries, flush }
}

describe('PixelIdentity (identity + bridge on every page)', () => {
  let calls: Array<[string, RequestInit | undefined]>
  beforeEach(() => {
    document.cookie = 'ads_events_sid=5898b8d1-c250-4bb5-931b-8b9d0ee7b499; path=/'
    calls = []
    // render-session's answer, on every store page: a logged-in shopper.
    ;(window as { __RENDER_8_SESSION__?: unknown }).__RENDER_8_SESSION__ = {
      sessionPromise: Promise.resolve({ response: { namespaces: { profile: { id: { value: '6f92d1e9-00b6-4f8b-9645-faeab321e1cc' }, isAuthenticated: { value: 'true' } } } } }),
    }
    global.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      calls.push([String(url), init])
      return { ok: true, json: async () => ({}) } as Response
    })
  })

  it("reads the store's setting from the app's public config, waits for a real orderForm id, writes once, and again only for a new id", async () => {
    const { pixel, render, mockOrderForm, queries, flush } = loadPixel(async () => ({ data: { adsEventsPublicConfig: { requireConsent: false } } }))
    mockOrderForm.current = { id: 'default-order-form' }
    const page = render(pixel())
    await flush()
    expect(queries).toHaveLength(1)
    expect(queries[0]).toMatch(/adsEventsPublicConfig @context\(provider: "adsevents\.ads-events"\)/)
    // The session is render-session's answer: no request of ours before a real orderForm id.
    expect(calls).toEqual([])

    mockOrderForm.current = { id: 'of-1' }
    page.rerender(pixel())
    await flush()
    for (let i = 0; i < 5; i++) page.rerender(pixel())
    await flush()
    mockOrderForm.current = { id: 'of-2' }
    page.rerender(pixel())
    await flush()

    const puts = calls.filter((c) => c[1]?.method === 'PUT')
    expect(puts.map((c) => [c[0], JSON.parse(String(c[1]?.body))])).toEqual([
      ['/api/checkout/pub/orderForm/of-1/customData/ads-events', { session_id: '5898b8d1c2504bb5931b8b9d0ee7b499', user_id: '6f92d1e900b64f8b9645faeab321e1cc' }],
      ['/api/checkout/pub/orderForm/of-2/customData/ads-events', { session_id: '5898b8d1c2504bb5931b8b9d0ee7b499', user_id: '6f92d1e900b64f8b9645faeab321e1cc' }],
    ])
    expect(page.container.innerHTML).toBe('')
  })

  it('when the public config cannot be read, assumes consent is required: nothing written without it', async () => {
    const { pixel, render, mockOrderForm, flush } = loadPixel(async () => {
      throw new Error('gateway down')
    })
    mockOrderForm.current = { id: 'of-3' }
    render(pixel())
    await flush()
    await flush()
    expect(calls.filter((c) => c[1]?.method === 'PUT')).toEqual([])
    ;(window as { adsEventsConsent?: boolean }).adsEventsConsent = true
    window.dispatchEvent(new Event('ads-events:consent'))
    await flush()
    expect(calls.filter((c) => c[1]?.method === 'PUT').map((c) => c[0])).toEqual(['/api/checkout/pub/orderForm/of-3/customData/ads-events'])
    delete (window as { adsEventsConsent?: unknown }).adsEventsConsent
  })
})
