/**
 * Pure geometry of the admin's charts: the value axis and which category labels fit. The charts
 * are drawn by hand in SVG (a few KB) rather than with recharts, the library VTEX Styleguide's
 * EXPERIMENTAL charts wrap: recharts adds about 110 KB gzip to the page and its types need
 * TypeScript 4, while the react builder compiles with 3.9.7 (bench/README.md, PLATFORM.md).
 */

/** The value axis: from 0 to `top` in `step`s of 1, 2, 2.5 or 5 × 10^k (whole numbers), at most `steps` of them. */
export function valueAxis(max: number, steps = 4): { top: number; step: number; ticks: number[] } {
  const rough = Math.max(max, 1) / steps
  const magnitude = 10 ** Math.floor(Math.log10(rough))
  const factors = magnitude >= 10 ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10]
  const step = Math.max(1, factors.map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude)
  const top = Math.max(step, Math.ceil(Math.max(max, 1) / step) * step)
  return { top, step, ticks: Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step) }
}

/** Show every `stride`-th category label so that at most `fit` are shown; the last one always. */
export function labelStride(count: number, fit: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, fit)))
}

export const showsLabel = (index: number, count: number, stride: number): boolean => (count - 1 - index) % stride === 0

/** The drawing box every chart uses (SVG user units; the SVG scales to its container). */
export const FRAME = { width: 720, height: 240, left: 52, right: 12, top: 12, bottom: 30 } as const
export const PLOT = { width: FRAME.width - FRAME.left - FRAME.right, height: FRAME.height - FRAME.top - FRAME.bottom } as const

/** y of a value on an axis from 0 to `top`. */
export const yOf = (value: number, top: number): number => FRAME.top + PLOT.height - (value / top) * PLOT.height

/** Centre x of category `index` of `count`. */
export const xOf = (index: number, count: number): number => FRAME.left + (PLOT.width / count) * (index + 0.5)
