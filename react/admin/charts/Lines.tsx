import React from 'react'
import Axes from './Axes'
import { FRAME, xOf, yOf } from './scale'
import type { ChartProps, ChartSeries } from './types'

const SHARE_TICKS = [0, 25, 50, 75, 100]

/** Shares (0–100) per category, one line per series; a category without a value breaks the line. */
export default function Lines({ id, title, summary, categories, categoryNames, series, formatValue }: ChartProps) {
  return (
    <svg
      viewBox={`0 0 ${FRAME.width} ${FRAME.height}`}
      width="100%"
      role="img"
      aria-labelledby={summary ? `${id}-title ${id}-desc` : `${id}-title`}
      focusable="false"
      data-chart="lines"
    >
      <title id={`${id}-title`}>{title}</title>
      {summary && <desc id={`${id}-desc`}>{summary}</desc>}
      <Axes ticks={SHARE_TICKS} top={100} formatTick={formatValue} categories={categories} />
      {series.map((line) => (
        <g key={line.key} stroke={line.color} fill={line.color}>
          <path d={pathOf(line.values, categories.length)} fill="none" strokeWidth={2} strokeDasharray={line.dash} />
          {line.values.map((value, i) =>
            value === null ? null : (
              <Marker key={i} shape={line.marker ?? 'circle'} x={xOf(i, categories.length)} y={yOf(value, 100)} series={line.key} index={i}>
                <title>{`${categoryNames[i]}: ${line.label} ${formatValue(value)}`}</title>
              </Marker>
            )
          )}
        </g>
      ))}
    </svg>
  )
}

/** Segments through the points that have a value. */
export function pathOf(values: Array<number | null>, count: number): string {
  let d = ''
  let drawing = false
  values.forEach((value, i) => {
    if (value === null) {
      drawing = false
      return
    }
    d += `${drawing ? 'L' : 'M'}${xOf(i, count).toFixed(1)},${yOf(value, 100).toFixed(1)}`
    drawing = true
  })
  return d
}

interface MarkerProps {
  shape: NonNullable<ChartSeries['marker']>
  x: number
  y: number
  series: string
  index: number
  children: React.ReactNode
}

/** The point itself: its centre is the value (data-x/data-y), whatever its shape. */
function Marker({ shape, x, y, series, index, children }: MarkerProps) {
  const data = { 'data-series': series, 'data-index': index, 'data-x': x.toFixed(2), 'data-y': y.toFixed(2) }
  const r = 4
  if (shape === 'circle')
    return (
      <circle cx={x} cy={y} r={r} {...data}>
        {children}
      </circle>
    )
  if (shape === 'square')
    return (
      <rect x={x - r} y={y - r} width={2 * r} height={2 * r} {...data}>
        {children}
      </rect>
    )
  const points =
    shape === 'triangle' ? [x, y - r - 1, x + r + 1, y + r, x - r - 1, y + r] : [x, y - r - 1, x + r + 1, y, x, y + r + 1, x - r - 1, y]
  return (
    <polygon points={points.map((value) => value.toFixed(1)).join(' ')} {...data}>
      {children}
    </polygon>
  )
}
