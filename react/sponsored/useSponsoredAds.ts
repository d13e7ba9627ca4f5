import { useEffect, useMemo, useState } from 'react'
import { useQuery } from 'react-apollo'

import { localIdentity, resolvedIdentity } from '../identity/identity'
import { adPageContext } from './pageContext'
import SPONSORED_ADS from './queries/sponsoredAds.gql'
import type { PlacementRequest, SponsoredAd, SponsoredAdsAnswer } from './types'
import { usePageSignals } from './usePageSignals'

/**
 * The service answers within 600 ms (no ads after that); this adds the store GraphQL gateway and
 * the network. An answer later than this is dropped: ads popping in after the page settled would
 * shift its layout, and no ad is better than a slow page.
 */
export const CLIENT_DEADLINE_MS = 1000

/**
 * Asks the service for one placement's ads. Client-only (the identity lives in cookies, and ads
 * are per session): nothing is queried or rendered on the server. `undefined` until the answer
 * (or forever, after the deadline or on any error).
 */
export const useSponsoredAds = (placement: PlacementRequest): SponsoredAd[] | undefined => {
  const signals = usePageSignals()
  const page = adPageContext(signals)
  const [identity, setIdentity] = useState<{ sessionId: string; userId?: string }>()
  const [expired, setExpired] = useState(false)
  const [ads, setAds] = useState<SponsoredAd[]>()

  useEffect(() => {
    // The user id only if already known: Get ads does not need it, and waiting for it would delay the ads.
    const known = resolvedIdentity() || localIdentity()
    setIdentity({ sessionId: known.session_id, userId: known.user_id })
    const timer = setTimeout(() => setExpired(true), CLIENT_DEADLINE_MS)
    return () => clearTimeout(timer)
  }, [])

  const { name, position, quantity, types, size, assetTypes } = placement
  const typesKey = types.join(',')
  const assetTypesKey = (assetTypes || []).join(',')
  const input = useMemo(
    () =>
      identity && {
        sessionId: identity.sessionId,
        userId: identity.userId,
        channel: signals.isMobile ? 'msite' : 'site',
        ...page,
        placements: [{ name, position, quantity, types: typesKey.split(','), size, assetTypes: assetTypesKey ? assetTypesKey.split(',') : undefined }],
      },
    // page is rebuilt every render; its fields are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [identity, signals.isMobile, page.context, page.term, page.categoryName, page.productSku, page.brandName, name, position, quantity, typesKey, size, assetTypesKey]
  )

  const { data } = useQuery<SponsoredAdsAnswer>(SPONSORED_ADS, { variables: { input }, skip: !input, ssr: false, fetchPolicy: 'no-cache' })
  const answered = data?.sponsoredAds?.placements?.[0]?.ads

  useEffect(() => {
    if (answered && !expired && ads === undefined) setAds(answered)
  }, [answered, expired, ads])

  return ads
}
