import { useEffect, useState } from 'react'
import { useApolloClient } from 'react-apollo'

import { requestAds, RunAdQuery } from './adQueryBatch'
import { adPageContext } from './pageContext'
import SPONSORED_ADS from './queries/sponsoredAds.gql'
import type { PlacementRequest, SponsoredAd, SponsoredAdsAnswer } from './types'
import { usePageSignals } from './usePageSignals'

export { CLIENT_DEADLINE_MS } from './adQueryBatch'

/**
 * One placement's ads, from the page's single sponsoredAds query (adQueryBatch.ts). Client-only:
 * ads are per session and the identity lives in the browser, so nothing is queried or rendered
 * with ads on the server (the block reserves its space there). `undefined` while waiting, `null`
 * once settled without ads (none, an error, or after the deadline), else the ads.
 */
export const useSponsoredAds = (placement: PlacementRequest): SponsoredAd[] | null | undefined => {
  const signals = usePageSignals()
  const client = useApolloClient()
  const [ads, setAds] = useState<SponsoredAd[] | null>()
  const page = { channel: signals.isMobile ? ('msite' as const) : ('site' as const), ...adPageContext(signals) }
  const pageKey = JSON.stringify(page)
  const { name, position, quantity, types, size, assetTypes } = placement
  const placementKey = JSON.stringify({ name, position, quantity, types, size, assetTypes })

  useEffect(() => {
    const run: RunAdQuery = (input) =>
      client.query<SponsoredAdsAnswer>({ query: SPONSORED_ADS, variables: { input }, fetchPolicy: 'no-cache' }).then((answer) => answer.data && answer.data.sponsoredAds && answer.data.sponsoredAds.placements)
    return requestAds(JSON.parse(pageKey), JSON.parse(placementKey) as PlacementRequest, setAds, run)
  }, [client, pageKey, placementKey])

  return ads
}
