import React from 'react'
import { useIntl } from 'react-intl'

export const SPONSORED_MESSAGE = 'store/ads-events.sponsored'

/** The visible "Sponsored" / "Patrocinado" mark every sponsored ad carries. */
export const useSponsoredText = () => useIntl().formatMessage({ id: SPONSORED_MESSAGE })

const SponsoredLabel = ({ className }: { className: string }) => <span className={className}>{useSponsoredText()}</span>

export default SponsoredLabel
