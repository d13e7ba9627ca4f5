import React, { Component, ReactNode, useEffect } from 'react'

import { localIdentity, resolveIdentity } from '../identity/identity'
import { useOrderFormBridge } from '../identity/useOrderFormBridge'

const Bridge = () => {
  useOrderFormBridge()
  return null
}

/** The bridge needs the OrderFormProvider; where a page lacks it, identity still works and nothing breaks. */
class WithoutOrderFormIsFine extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  render() {
    return this.state.failed ? null : this.props.children
  }
}

/**
 * Plugged into every page's `pixels` (store/plugins.json), so the app works without theme
 * edits: sets the session id and captures click ids on the landing page, resolves the user
 * id, and bridges them into the orderForm. Renders nothing.
 */
const PixelIdentity = () => {
  useEffect(() => {
    localIdentity()
    resolveIdentity()
  }, [])
  return (
    <WithoutOrderFormIsFine>
      <Bridge />
    </WithoutOrderFormIsFine>
  )
}

export default PixelIdentity
