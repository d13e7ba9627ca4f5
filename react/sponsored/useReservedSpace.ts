import { useEffect, useRef, useState } from 'react'

/**
 * The space of a block that settled without ads, given back without a visible layout shift: only
 * while the block is off-screen. Below the viewport nothing visible moves; above it the browser's
 * scroll anchoring keeps what is on screen in place. While the empty block is on screen its space
 * stays: a box that keeps its size is what keeps the layout still (Google Publisher Tag's
 * "reserve space" guidance for ad slots). Returns the ref for the block's box and whether to drop it.
 */
export const useReservedSpace = <T extends Element>(settledEmpty: boolean) => {
  const ref = useRef<T>(null)
  const [collapsed, setCollapsed] = useState(false)
  useEffect(() => {
    const box = ref.current
    if (!settledEmpty || collapsed || !box) return undefined
    if (typeof IntersectionObserver === 'undefined') {
      setCollapsed(true)
      return undefined
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => !entry.isIntersecting)) setCollapsed(true)
    })
    observer.observe(box)
    return () => observer.disconnect()
  }, [settledEmpty, collapsed])
  return { ref, collapsed }
}
