import React from 'react'
import { useIntl } from 'react-intl'

export const SPONSORED_MESSAGE = 'store/ads-events.sponsored'

/** The "Sponsored" / "Patrocinado" disclosure every sponsored creative carries (messages/). */
export const useSponsoredText = () => useIntl().formatMessage({ id: SPONSORED_MESSAGE })

/**
 * The visible label: dark text on a white chip, so it stays readable over any creative. `overlay`
 * puts it over the creative's top-left corner without taking space (banners, brand creatives and
 * product cards the theme lays out). `hidden` when the item's links and buttons carry it in their
 * accessible name or description (`id`: what they reference, disclosure.ts), so screen readers hear
 * it once.
 */
const SponsoredLabel = ({ className, overlay = false, hidden = false, id }: { className: string; overlay?: boolean; hidden?: boolean; id?: string }) => (
  <span
    id={id}
    className={className}
    aria-hidden={hidden || undefined}
    style={{
      // A block as tall as its own line (no strut of the surrounding text): the space it takes is known.
      display: 'block',
      width: 'max-content',
      padding: '2px 6px',
      background: '#fff',
      color: '#1f1f1f',
      fontSize: 11,
      lineHeight: '16px',
      borderRadius: 2,
      ...(overlay ? { position: 'absolute' as const, zIndex: 1, margin: 4 } : {}),
    }}
  >
    {useSponsoredText()}
  </span>
)

export default SponsoredLabel
