import React from 'react'
import Axes from './Axes'
import { FRAME, PLOT, valueAxis, xOf, yOf } from './scale'
import type { ChartProps } from './types'

/** Bars stacked per category, first series at the bottom; hatched series stay apart without colour. */
export default function StackedBars({ id, title, summary, categories, categoryNames, series, formatValue }: ChartProps) {
  const totals = categories.map((_, i) => series.reduce((sum, line) => sum + (line.values[i] ?? 0), 0))
  const { top, ticks } = valueAxis(Math.max(0, ...totals))
  const band = PLOT.width / categories.length
  const width = Math.max(2, band * 0.72)
  return (
    <svg
      viewBox={`0 0 ${FRAME.width} ${FRAME.height}`}
      width="100%"
      role="img"
      aria-labelledby={summary ? `${id}-title ${id}-desc` : `${id}-title`}
      focusable="false"
      data-chart="stacked-bars"
    >
      <title id={`${id}-title`}>{title}</title>
      {summary && <desc id={`${id}-desc`}>{summary}</desc>}
      <Patterns id={id} series={series} />
      <Axes ticks={ticks} top={top} formatTick={formatValue} categories={categories} />
      {categories.map((_, i) => {
        let base = 0
        return (
          <g key={i}>
            {series.map((line) => {
              const value = line.values[i] ?? 0
              const y = yOf(base + value, top)
              const height = yOf(base, top) - y
              base += value
              return (
                <rect
                  key={line.key}
                  x={xOf(i, categories.length) - width / 2}
                  y={y}
                  width={width}
                  height={height}
                  fill={line.hatched ? `url(#${id}-${line.key})` : line.color}
                  data-series={line.key}
                  data-index={i}
                >
                  <title>{`${categoryNames[i]}: ${line.label} ${formatValue(value)}`}</title>
                </rect>
              )
            })}
          </g>
        )
      })}
    </svg>
  )
}

/** Diagonal white lines over the series colour (WCAG 1.4.1: not colour alone). */
export function Patterns({ id, series }: Pick<ChartProps, 'id' | 'series'>) {
  return (
    <defs>
      {series
        .filter((line) => line.hatched)
        .map((line) => (
          <pattern key={line.key} id={`${id}-${line.key}`} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={6} height={6} fill={line.color} />
            <line x1={0} y1={0} x2={0} y2={6} stroke="#fff" strokeWidth={2} />
          </pattern>
        ))}
    </defs>
  )
}
