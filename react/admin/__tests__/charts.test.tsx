import React from 'react'
import { render } from '@testing-library/react'
import ChartFigure from '../charts/ChartFigure'
import Lines, { pathOf } from '../charts/Lines'
import StackedBars from '../charts/StackedBars'
import { FRAME, PLOT, labelStride, showsLabel, valueAxis, xOf, yOf } from '../charts/scale'
import type { ChartSeries } from '../charts/types'
import { formatBucket, utcOffsetMinutes } from '../format'
import { isShown, windowOfDays } from '../trendSelection'

describe('the value axis', () => {
  it('ends on a round number at or above the highest value, in whole steps of 1, 2, 2.5 or 5 × 10^k', () => {
    expect(valueAxis(0)).toEqual({ top: 1, step: 1, ticks: [0, 1] })
    expect(valueAxis(3)).toEqual({ top: 3, step: 1, ticks: [0, 1, 2, 3] })
    expect(valueAxis(16)).toEqual({ top: 20, step: 5, ticks: [0, 5, 10, 15, 20] })
    expect(valueAxis(81)).toEqual({ top: 100, step: 25, ticks: [0, 25, 50, 75, 100] })
    expect(valueAxis(3_412)).toEqual({ top: 4_000, step: 1_000, ticks: [0, 1_000, 2_000, 3_000, 4_000] })
    for (const max of [1, 7, 13, 99, 101, 999, 12_345]) {
      const { top, ticks } = valueAxis(max)
      expect(top).toBeGreaterThanOrEqual(max)
      expect(ticks.length).toBeLessThanOrEqual(5)
      expect(ticks.every(Number.isInteger)).toBe(true)
    }
  })

  it('labels at most what fits, always the last category (the current hour or day)', () => {
    expect(labelStride(24, 12)).toBe(2)
    expect(labelStride(7, 12)).toBe(1)
    const shown = Array.from({ length: 30 }, (_, i) => i).filter((i) => showsLabel(i, 30, labelStride(30, 12)))
    expect(shown.length).toBeLessThanOrEqual(12)
    expect(shown[shown.length - 1]).toBe(29)
  })
})

const SERIES: ChartSeries[] = [
  { key: 'sent', label: 'Sent', color: '#0b7a4b', values: [10, 0, 4] },
  { key: 'dead', label: 'Dead letter', color: '#c4122f', hatched: true, values: [2, 0, 1] },
]

describe('stacked bars', () => {
  it('draws each value as a bar as tall as its share of the axis, stacked, with its figure in a tooltip', () => {
    const { container } = render(<StackedBars id="t" title="Deliveries" categories={['a', 'b', 'c']} categoryNames={['A', 'B', 'C']} series={SERIES} formatValue={String} />)
    const svg = container.querySelector('svg')!
    expect(svg.getAttribute('role')).toBe('img')
    expect(svg.getAttribute('aria-labelledby')).toBe('t-title')
    expect(container.querySelector('#t-title')!.textContent).toBe('Deliveries')
    const top = valueAxis(12).top
    const bar = (series: string, index: number) => container.querySelector(`rect[data-series="${series}"][data-index="${index}"]`)!
    expect(Number(bar('sent', 0).getAttribute('height'))).toBeCloseTo((10 / top) * PLOT.height)
    expect(Number(bar('dead', 0).getAttribute('y')) + Number(bar('dead', 0).getAttribute('height'))).toBeCloseTo(Number(bar('sent', 0).getAttribute('y')))
    expect(Number(bar('sent', 1).getAttribute('height'))).toBe(0)
    expect(bar('dead', 2).getAttribute('fill')).toBe('url(#t-dead)')
    expect(container.querySelector('pattern#t-dead')).not.toBeNull()
    expect(bar('dead', 2).querySelector('title')!.textContent).toBe('C: Dead letter 1')
  })
})

describe('lines', () => {
  it('breaks the line where a category has no value, and puts each point at its share', () => {
    expect(pathOf([50, null, 100], 3)).toBe(`M${xOf(0, 3).toFixed(1)},${yOf(50, 100).toFixed(1)}M${xOf(2, 3).toFixed(1)},${yOf(100, 100).toFixed(1)}`)
    const { container } = render(
      <Lines id="c" title="Shares" categories={['a', 'b']} categoryNames={['A', 'B']} series={[{ key: 'sessionId', label: 'session_id', color: '#134cd8', marker: 'square', values: [97.5, null] }]} formatValue={(value) => `${value}%`} />
    )
    const points = container.querySelectorAll('[data-series="sessionId"]')
    expect(points).toHaveLength(1)
    expect(Number(points[0].getAttribute('data-y'))).toBeCloseTo(FRAME.top + PLOT.height * (1 - 0.975), 1)
    expect(points[0].querySelector('title')!.textContent).toBe('A: session_id 97.5%')
  })
})

describe('the figure', () => {
  it('captions the chart in words and keeps every figure in a table with row and column headers', () => {
    const { container, getByText } = render(
      <ChartFigure
        id="f"
        summary="Last 3 days: sent 14, dead letters 3."
        chart={<svg />}
        series={SERIES}
        tableLabel="Show the figures as a table"
        caption="Deliveries"
        rowHeader="Day"
        rowNames={['A', 'B', 'C']}
        columns={SERIES.map((line) => ({ header: line.label, cell: (row: number) => String(line.values[row]) }))}
      />
    )
    expect(container.querySelector('figcaption')!.textContent).toBe('Last 3 days: sent 14, dead letters 3.')
    expect(getByText('Show the figures as a table').tagName).toBe('SUMMARY')
    const rows = [...container.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => `${cell.tagName}:${cell.textContent}`))
    expect(rows).toEqual([
      ['TH:A', 'TD:10', 'TD:2'],
      ['TH:B', 'TD:0', 'TD:0'],
      ['TH:C', 'TD:4', 'TD:1'],
    ])
    expect([...container.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).toEqual(['col', 'col', 'col'])
    expect([...container.querySelectorAll('li')].map((item) => item.textContent)).toEqual(['Sent', 'Dead letter'])
  })
})

describe('the charts around them', () => {
  it('hours and days in the admin’s locale; the offset east of UTC', () => {
    expect(formatBucket('2026-11-23T14:00:00.000Z', 'hour', { short: true, locale: 'en-GB' })).toMatch(/^\d\d:00$/)
    expect(formatBucket('2026-11-23T12:00:00.000Z', 'day', { locale: 'en-GB' })).toContain('2026')
    expect(formatBucket('nonsense', 'day')).toBe('—')
    expect(utcOffsetMinutes({ getTimezoneOffset: () => 180 } as Date)).toBe(-180)
  })

  it('the coverage view’s days pick the chart’s window; a chart shows only the selection it was asked for', () => {
    expect([1, 7, 30].map(windowOfDays)).toEqual(['LAST_24_HOURS', 'LAST_7_DAYS', 'LAST_30_DAYS'])
    expect(isShown({ destination: 'impact', window: 'LAST_7_DAYS' }, 'impact', 'LAST_7_DAYS')).toBe(true)
    expect(isShown({ destination: 'impact', window: 'LAST_7_DAYS' }, 'vtexAds', 'LAST_7_DAYS')).toBe(false)
    expect(isShown(undefined, 'impact', 'LAST_7_DAYS')).toBe(false)
  })
})
