import { isValidElement } from 'react'

import { loadDebugOverlay } from '../debugMode'
import { keepDebugMode } from '../debugSession'

const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

describe('loadDebugOverlay (on every page)', () => {
  beforeEach(() => {
    sessionStorage.clear()
    window.history.replaceState(null, '', '/')
  })

  it('does nothing without the parameter or the flag of an earlier page of the tab', async () => {
    const show = jest.fn()
    window.history.replaceState(null, '', '/?q=ads_events_debug')
    loadDebugOverlay(show)
    await settle()
    expect(show).not.toHaveBeenCalled()
  })

  it('loads the overlay with the parameter, and on the next pages of the tab once the overlay kept the flag', async () => {
    const show = jest.fn()
    window.history.replaceState(null, '', '/shoes?ads_events_debug=1')
    loadDebugOverlay(show)
    await settle()
    expect(show).toHaveBeenCalledTimes(1)
    expect(isValidElement(show.mock.calls[0][0])).toBe(true)

    keepDebugMode()
    window.history.replaceState(null, '', '/shoes/p')
    loadDebugOverlay(show)
    await settle()
    expect(show).toHaveBeenCalledTimes(2)
  })

  it('with storage blocked (it throws), there is no debug mode and nothing throws', async () => {
    const show = jest.fn()
    const storage = Object.getOwnPropertyDescriptor(window, 'sessionStorage')!
    Object.defineProperty(window, 'sessionStorage', {
      configurable: true,
      get: () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError')
      },
    })
    try {
      window.history.replaceState(null, '', '/?ads_events_debug=1')
      expect(() => loadDebugOverlay(show)).not.toThrow()
      await settle()
      expect(show).not.toHaveBeenCalled()
    } finally {
      Object.defineProperty(window, 'sessionStorage', storage)
    }
  })
})
