import { ReactElement, useEffect, useState } from 'react'
import { useQuery } from 'react-apollo'

import { configureIdentity, startIdentity } from '../identity/identity'
import PUBLIC_CONFIG from '../identity/queries/publicConfig.gql'
import { useOrderFormBridge } from '../identity/useOrderFormBridge'
import { loadDebugOverlay } from '../debug/debugMode'

/**
 * Plugged into every page's `pixels` (store/plugins.json), so the app works without theme
 * edits. Asks the session at once; reads the store's consent setting from the app's public config
 * (a public, cacheable query, answered during server-side rendering) and, with it, decides the
 * identity; bridges it into the orderForm. When the config cannot be read it assumes consent is
 * required: no identifier is stored on a guess. Renders nothing.
 *
 * The orderForm is always there: the `store` interface renders `pixels` after the page and inside
 * its `storeWrapper` (render-runtime wraps `after` blocks in the `around` ones), and vtex.store's
 * StoreWrapper puts every page in order-manager's OrderFormProvider.
 */
const PixelIdentity = () => {
  const { data, error } = useQuery<{ adsEventsPublicConfig?: { requireConsent?: boolean } }>(PUBLIC_CONFIG, { ssr: true })
  const config = data && data.adsEventsPublicConfig
  const [debug, setDebug] = useState<ReactElement>()
  useEffect(() => {
    startIdentity()
    loadDebugOverlay(setDebug)
  }, [])
  useEffect(() => {
    if (config || error) configureIdentity({ requireConsent: !config || config.requireConsent !== false })
  }, [config, error])
  useOrderFormBridge()
  return debug || null
}

export default PixelIdentity
