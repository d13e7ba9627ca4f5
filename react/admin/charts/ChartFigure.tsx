import React from 'react'
import type { ReactNode } from 'react'
import type { ChartSeries } from './types'
import { Patterns } from './StackedBars'

interface Column {
  header: string
  cell(index: number): ReactNode
}

interface Props {
  id: string
  /** What the chart shows, in words: the figure's caption, above the chart. */
  summary: string
  chart: ReactNode
  series: ChartSeries[]
  /** Label of the toggle that opens the table. */
  tableLabel: string
  /** The table's caption: what the rows are. */
  caption: string
  rowHeader: string
  rowNames: string[]
  columns: Column[]
}

/** Not the `tr` class: a Styleguide stylesheet also colours `.tr` (magenta). */
const RIGHT: React.CSSProperties = { textAlign: 'right' }

/**
 * A chart, its legend, and the same figures as a table behind a native disclosure (keyboard and
 * screen readers know it without any script): the chart is one picture with a summary in words,
 * the table holds every value with its row and column headers.
 */
export default function ChartFigure({ id, summary, chart, series, tableLabel, caption, rowHeader, rowNames, columns }: Props) {
  return (
    <figure className="ma0" data-testid={id}>
      <figcaption className="t-body mb3">{summary}</figcaption>
      {chart}
      <ul className="list pl0 mv3 flex flex-wrap t-small c-on-base">
        {series.map((line) => (
          <li key={line.key} className="mr5 mb2 flex items-center">
            <svg width={28} height={12} aria-hidden="true" focusable="false" className="mr2">
              <Patterns id={`${id}-legend`} series={[line]} />
              {line.marker ? (
                <line x1={0} x2={28} y1={6} y2={6} stroke={line.color} strokeWidth={2} strokeDasharray={line.dash} />
              ) : (
                <rect width={28} height={12} fill={line.hatched ? `url(#${id}-legend-${line.key})` : line.color} />
              )}
            </svg>
            {line.label}
          </li>
        ))}
      </ul>
      <details>
        <summary className="pointer c-action-primary t-small pv2">{tableLabel}</summary>
        <div className="overflow-x-auto">
          <table className="w-100 t-small mt3" style={{ borderCollapse: 'collapse' }}>
            <caption className="tl c-muted-1 pb2">{caption}</caption>
            <thead>
              <tr>
                <th scope="col" className="tl pa2 bb b--muted-4">
                  {rowHeader}
                </th>
                {columns.map((column) => (
                  <th key={column.header} scope="col" className="pa2 bb b--muted-4" style={RIGHT}>
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rowNames.map((name, row) => (
                <tr key={name}>
                  <th scope="row" className="tl pa2 bb b--muted-5 normal">
                    {name}
                  </th>
                  {columns.map((column) => (
                    <td key={column.header} className="pa2 bb b--muted-5" style={RIGHT}>
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  )
}
