import React, { ReactNode, useEffect } from 'react'

/**
 * The sponsored blocks on the page that are switched off in the Site Editor (`active: false`), for
 * the debug overlay (react/debug/), which could not see them otherwise: they render nothing and ask
 * Get ads for nothing. Key: the block's name and its placement (its name, else its position), a
 * space between; value: how many of them are mounted (every product card has its search badge), so
 * each shows once, and goes when its page does. Written in an effect, so only in the browser: never
 * while the server renders, where module state would be shared between requests.
 */
export const switchedOffBlocks: Record<string, number> = {}

/** An inactive block: its children (a search badge's product summary) or nothing, and its line in switchedOffBlocks ("<block> <placement>"). */
export const SwitchedOff = ({ line, children }: { line: string; children?: ReactNode }) => {
  useEffect(() => {
    switchedOffBlocks[line] = (switchedOffBlocks[line] || 0) + 1
    return () => {
      if (!--switchedOffBlocks[line]) delete switchedOffBlocks[line]
    }
  }, [line])
  return <>{children}</>
}
