export interface ChartSeries {
  key: string
  label: string
  color: string
  /** Bars: drawn with white diagonal lines. */
  hatched?: boolean
  /** Lines: the point's shape and the line's dashes, so series differ without colour. */
  marker?: 'circle' | 'square' | 'triangle' | 'diamond'
  dash?: string
  /** One per category; null: no value (a day without orders has no share). */
  values: Array<number | null>
}

export interface ChartProps {
  /** Unique on the page: ids of the title, description and patterns derive from it. */
  id: string
  title: string
  /** What the chart shows, in words: its accessible description (leave out when the figure's caption says it). */
  summary?: string
  /** Short category labels under the axis, and full names for each value's tooltip. */
  categories: string[]
  categoryNames: string[]
  series: ChartSeries[]
  formatValue(value: number): string
}
