/**
 * admin_charts_gzip_bytes: the admin's charts (react/admin/charts: stacked bars, lines, the figure
 * with its legend and table) as the react builder ships them, measured like every bundle figure
 * (esbuild, minified, gzip 9, React and vtex.* external), next to what the same two charts need
 * from recharts, the library VTEX Styleguide's EXPERIMENTAL charts wrap (a peer dependency since
 * Styleguide 9.111.5), and to the whole admin page.
 */
import './env'
import { shippedGzipBytes } from './gzipBundle'

export const CHARTS_ENTRY = [
  "export { default as StackedBars } from './react/admin/charts/StackedBars'",
  "export { default as Lines } from './react/admin/charts/Lines'",
  "export { default as ChartFigure } from './react/admin/charts/ChartFigure'",
].join('\n')

/** The recharts parts a bar chart and a line chart with axes, grid, tooltip and legend import. */
export const RECHARTS_ENTRY = "export { ResponsiveContainer, BarChart, Bar, LineChart, Line, XAxis, YAxis, CartesianGrid, Tooltip, Legend } from 'recharts'"

export interface AdminChartsBytes {
  charts: number
  recharts: number
  adminPage: number
}

export async function adminChartsGzipBytes(): Promise<AdminChartsBytes> {
  const [charts, recharts, adminPage] = await Promise.all([
    shippedGzipBytes(CHARTS_ENTRY),
    shippedGzipBytes(RECHARTS_ENTRY),
    shippedGzipBytes("export { default } from './react/AdsEventsAdmin'"),
  ])
  return { charts, recharts, adminPage }
}

/** `npx tsx bench/adminCharts.ts`: this figure alone. */
if (require.main === module) adminChartsGzipBytes().then((bytes) => console.log(JSON.stringify(bytes, null, 2)))
