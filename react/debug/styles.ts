import type { CSSProperties } from 'react'

/**
 * The overlay's look, inline (no stylesheet to ship or to collide with the theme's): white on
 * near-black, AA contrast everywhere, above everything, out of the way of clicks except its own.
 */
const FONT = '12px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'
export const Z_TOP = 2147483000

export const COLORS = { ok: '#2e7d32', wait: '#8a5300', bad: '#c62828', ink: '#ffffff', muted: '#c8c8c8', panel: '#16181d', line: '#3a3f4b', link: '#9ecbff' }

export const panel = (open: boolean): CSSProperties => ({
  position: 'fixed',
  right: 12,
  bottom: 12,
  zIndex: Z_TOP + 1,
  width: open ? 'min(560px, calc(100vw - 24px))' : 'auto',
  maxHeight: '60vh',
  display: 'flex',
  flexDirection: 'column',
  background: COLORS.panel,
  color: COLORS.ink,
  font: FONT,
  borderRadius: 8,
  boxShadow: '0 4px 24px rgba(0,0,0,.35)',
  overflow: 'hidden',
  textAlign: 'left',
})

export const header: CSSProperties = { display: 'flex', gap: 8, alignItems: 'center', padding: '8px 10px', borderBottom: `1px solid ${COLORS.line}` }
export const title: CSSProperties = { font: 'bold 13px/1.3 system-ui, sans-serif', margin: 0, flex: 1, color: COLORS.ink }
export const button: CSSProperties = { font: FONT, color: COLORS.ink, background: '#2b303b', border: `1px solid ${COLORS.line}`, borderRadius: 4, padding: '3px 8px', cursor: 'pointer' }
export const tabList: CSSProperties = { display: 'flex', gap: 2, padding: '6px 8px 0', borderBottom: `1px solid ${COLORS.line}` }
export const tab = (selected: boolean): CSSProperties => ({
  ...button,
  borderRadius: '4px 4px 0 0',
  borderBottom: 'none',
  background: selected ? '#3a4150' : 'transparent',
  fontWeight: selected ? 'bold' : 'normal',
})
export const body: CSSProperties = { overflow: 'auto', padding: '8px 10px' }
export const table: CSSProperties = { borderCollapse: 'collapse', width: '100%' }
export const cell: CSSProperties = { padding: '3px 6px 3px 0', borderBottom: `1px solid ${COLORS.line}`, verticalAlign: 'top', color: COLORS.ink }
export const muted: CSSProperties = { color: COLORS.muted }
export const note: CSSProperties = { margin: '0 0 8px', color: COLORS.muted }
export const list: CSSProperties = { margin: 0, padding: '0 0 0 16px' }
export const code: CSSProperties = { font: '11px/1.4 ui-monospace, Menlo, Consolas, monospace', wordBreak: 'break-all', color: COLORS.ink }

export const outlineLayer: CSSProperties = { position: 'absolute', top: 0, left: 0, width: 0, height: 0, zIndex: Z_TOP, pointerEvents: 'none' }
export const outline = (color: string, rect: { top: number; left: number; width: number; height: number }): CSSProperties => ({
  position: 'absolute',
  boxSizing: 'border-box',
  ...rect,
  border: `2px solid ${color}`,
  borderRadius: 2,
})
export const outlineChip = (color: string): CSSProperties => ({
  position: 'absolute',
  left: -2,
  bottom: -2,
  maxWidth: 'calc(100% + 4px)',
  padding: '1px 5px',
  background: color,
  color: '#fff',
  font: '11px/1.35 system-ui, sans-serif',
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
})
