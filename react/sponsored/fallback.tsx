import React from 'react'
import { ExtensionPoint, useChildBlock } from 'vtex.render-runtime'

/**
 * Fallback content: the theme's own blocks a sponsored block shows in its reserved space when no ad
 * comes (a house banner, an organic shelf). The theme lists a `sponsored-fallback` block in the
 * sponsored block's `blocks`, and gives it its content as `children` (any blocks), the way
 * vtex-apps/search-result offers `search-not-found-layout`: `useChildBlock` tells whether the theme
 * gave one (vtex-apps/render-runtime react/components/useChildBlock.tsx), `ExtensionPoint` renders it.
 */
export const FALLBACK_BLOCK = 'sponsored-fallback'

export const useHasFallback = () => !!useChildBlock({ id: FALLBACK_BLOCK })

/**
 * Over the block's reserved box (positioned), exactly its size: the box keeps the size it had from
 * the first render, so the fallback moves nothing (no layout shift) and nothing of it spills out.
 */
export const FallbackSlot = ({ className }: { className: string }) => (
  <div className={className} style={{ position: 'absolute', top: 0, right: 0, bottom: 0, left: 0, overflow: 'hidden' }}>
    <ExtensionPoint id={FALLBACK_BLOCK} />
  </div>
)
