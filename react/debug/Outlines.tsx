import React from 'react'

import { eventMark, eventStateName, percent } from './eventText'
import type { AdRow, BlockRow } from './pageSnapshot'
import { COLORS, outline, outlineChip, outlineLayer } from './styles'

/** An ad's colour: red when a warning names it, green once its impression was accepted, amber before. */
const colorOf = (ad: AdRow) => (ad.warned ? COLORS.bad : eventStateName(ad.impression) === 'accepted' ? COLORS.ok : COLORS.wait)

const viewMark = (ad: AdRow) => {
  if (ad.viewSent.kind !== 'not-yet') return eventMark(ad.viewSent)
  if (ad.view.kind === 'counting') return `${ad.view.seconds.toFixed(1)}s`
  return ad.view.kind === 'no-url' ? '∅' : percent(ad.view.share)
}

/**
 * Every tracked ad outlined where it is, with its type and placement and one mark per event
 * (✓ accepted, … sent and waiting, – not sent, ✗ refused or no answer, ∅ no URL; the view shows its
 * clock or its share in view until it is sent), and every sponsored block that does not keep its
 * space, dashed, with what it reserved and what it shows. Decorative: the panel says the same in text.
 */
const Outlines = ({ ads, blocks }: { ads: AdRow[]; blocks: BlockRow[] }) => (
  <div style={outlineLayer} aria-hidden="true" data-ads-events-debug="outlines">
    {blocks.map((block, index) => {
      const rect = block.element.getBoundingClientRect()
      return (
        <div key={`block-${index}`} style={{ ...outline(COLORS.bad, { top: rect.top + window.scrollY, left: rect.left + window.scrollX, width: rect.width, height: Math.max(rect.height, 4) }), borderStyle: 'dashed' }}>
          <span style={{ ...outlineChip(COLORS.bad), bottom: 'auto', top: -18 }}>
            {block.block} · {Math.round(block.reservedPx)} px → {Math.round(block.heightPx)} px
          </span>
        </div>
      )
    })}
    {ads.map((ad) => {
      const rect = ad.element.getBoundingClientRect()
      if (rect.width === 0 && rect.height === 0) return null
      const color = colorOf(ad)
      return (
        <div key={ad.key} data-ad-id={ad.adId} style={outline(color, { top: rect.top + window.scrollY, left: rect.left + window.scrollX, width: rect.width, height: rect.height })}>
          <span style={outlineChip(color)}>
            I {eventMark(ad.impression)} V {viewMark(ad)} C {eventMark(ad.click)} · {[ad.type, ad.placement].filter(Boolean).join(' · ') || ad.adId}
          </span>
        </div>
      )
    })}
  </div>
)

export default Outlines
