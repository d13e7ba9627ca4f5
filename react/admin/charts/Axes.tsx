import React from 'react'
import { FRAME, PLOT, labelStride, showsLabel, xOf, yOf } from './scale'

const TEXT = '#585959'
const GRID = '#e3e4e6'

interface Props {
  ticks: number[]
  top: number
  formatTick(value: number): string
  categories: string[]
}

/** Value gridlines with their labels, and the category labels that fit under the plot. */
export default function Axes({ ticks, top, formatTick, categories }: Props) {
  const stride = labelStride(categories.length, 12)
  return (
    <g fontSize={12} fill={TEXT}>
      {ticks.map((tick) => (
        <g key={tick} data-tick={tick}>
          <line
            x1={FRAME.left}
            x2={FRAME.left + PLOT.width}
            y1={yOf(tick, top)}
            y2={yOf(tick, top)}
            stroke={tick === 0 ? '#979899' : GRID}
          />
          <text x={FRAME.left - 8} y={yOf(tick, top)} dy="0.32em" textAnchor="end">
            {formatTick(tick)}
          </text>
        </g>
      ))}
      {categories.map((label, i) =>
        showsLabel(i, categories.length, stride) ? (
          <text key={i} x={xOf(i, categories.length)} y={FRAME.height - 10} textAnchor="middle">
            {label}
          </text>
        ) : null
      )}
    </g>
  )
}
