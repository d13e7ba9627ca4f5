import React from 'react'
import { act, render } from '@testing-library/react'

import PixelIdentity from '../../PixelIdentity'
// The same module jest maps vtex.order-manager/OrderForm to (jest.config.js).
import { mockOrderForm } from '../../__mocks__/vtex.order-manager/OrderForm'

const flush = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))

describe('PixelIdentity (identity + bridge on every page)', () => {
  it('waits for a real orderForm id, writes once, and writes again only when the id changes', async () => {
    document.cookie = 'ads_events_sid=sid-9; path=/'
    const calls: Array<[string, RequestInit | undefined]> = []
    global.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      calls.push([String(url), init])
      return { ok: true, json: async () => ({ namespaces: { profile: { id: { value: 'u-9' }, isAuthenticated: { value: 'true' } } } }) } as Response
    })
    mockOrderForm.current = { id: 'default-order-form' }
    const page = render(<PixelIdentity />)
    await flush()
    expect(calls.map((c) => c[0])).toEqual(['/api/sessions?items=profile.id,profile.isAuthenticated'])

    mockOrderForm.current = { id: 'of-1' }
    page.rerender(<PixelIdentity />)
    await flush()
    for (let i = 0; i < 5; i++) page.rerender(<PixelIdentity />)
    await flush()
    mockOrderForm.current = { id: 'of-2' }
    page.rerender(<PixelIdentity />)
    await flush()

    const puts = calls.filter((c) => c[1]?.method === 'PUT')
    expect(puts.map((c) => [c[0], JSON.parse(String(c[1]?.body))])).toEqual([
      ['/api/checkout/pub/orderForm/of-1/customData/ads-events', { session_id: 'sid-9', user_id: 'u-9' }],
      ['/api/checkout/pub/orderForm/of-2/customData/ads-events', { session_id: 'sid-9', user_id: 'u-9' }],
    ])
    expect(page.container.innerHTML).toBe('')
  })
})
