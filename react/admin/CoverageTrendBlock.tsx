import React from 'react'
import { useQuery } from 'react-apollo'
import { PageBlock } from 'vtex.styleguide'
import COVERAGE_TREND from './graphql/coverageTrend.gql'
import ChartFigure from './charts/ChartFigure'
import Lines from './charts/Lines'
import type { ChartSeries } from './charts/types'
import { formatBucket, formatCount, formatShare, shareOf, utcOffsetMinutes } from './format'
import { useMessages } from './messages'
import { ErrorState, Loading } from './states'
import { isShown, windowOfDays } from './trendSelection'
import type { CoverageTrend, Destination } from './types'

const IDS = [
  { key: 'sessionId', color: '#134cd8', marker: 'circle' },
  { key: 'userId', color: '#0b7a4b', marker: 'square', dash: '6 3' },
  { key: 'impactClickId', color: '#b35c00', marker: 'triangle', dash: '2 3' },
  { key: 'oppref', color: '#8a2be2', marker: 'diamond', dash: '8 3 2 3' },
] as const

/** Is identity coverage improving? The share of converted orders carrying each id, per day (or hour). */
export default function CoverageTrendBlock({ destination, days }: { destination: Destination; days: number }) {
  const t = useMessages()
  const { data, loading, error, refetch } = useQuery<{ adsEventsCoverageTrend: CoverageTrend }>(COVERAGE_TREND, {
    variables: { destination, window: windowOfDays(days), utcOffsetMinutes: utcOffsetMinutes() },
    fetchPolicy: 'network-only',
  })
  return (
    <div data-testid="coverage-trend">
      {/* The description inside the white box: PageBlock's subtitle (#727273 on the Layout's #f2f4f5) is 4.35:1, under WCAG's 4.5. */}
      <PageBlock title={t('coverageTrend.title')} variation="full">
        <div>
          <p className="t-body c-muted-1 mt0 mb5">{t('coverageTrend.description')}</p>
          {loading && !isShown(data?.adsEventsCoverageTrend, destination, windowOfDays(days)) ? (
            <Loading />
          ) : error || !data ? (
            <ErrorState error={error} onRetry={() => refetch()} />
          ) : (
            <CoverageTrendChart trend={data.adsEventsCoverageTrend} />
          )}
        </div>
      </PageBlock>
    </div>
  )
}

function CoverageTrendChart({ trend }: { trend: CoverageTrend }) {
  const t = useMessages()
  const { buckets, unit } = trend
  const series: ChartSeries[] = IDS.map((id) => ({
    ...id,
    label: t(`coverage.id.${id.key}`),
    values: buckets.map((bucket) => (bucket.converted > 0 ? shareOf(bucket[id.key], bucket.converted) : null)),
  }))
  const converted = buckets.reduce((sum, bucket) => sum + bucket.converted, 0)
  const overall = (key: (typeof IDS)[number]['key']) =>
    formatShare(
      buckets.reduce((sum, bucket) => sum + bucket[key], 0),
      converted
    )
  const names = buckets.map((bucket) => formatBucket(bucket.from, unit))
  const windowLabel = t(`trend.window.${trend.window}`)
  const destination = t(`destination.${trend.destination}`)
  const summary = t('coverageTrend.summary', {
    destination,
    window: windowLabel,
    converted: formatCount(converted),
    sessionId: overall('sessionId'),
    userId: overall('userId'),
    impactClickId: overall('impactClickId'),
    oppref: overall('oppref'),
  })
  const title = t('coverageTrend.chartTitle', { destination, window: windowLabel })
  return (
    <ChartFigure
      summary={summary}
      id="coverage-trend-chart"
      series={series}
      chart={
        <Lines
          id="coverage-trend-chart"
          title={title}
          categories={buckets.map((bucket) => formatBucket(bucket.from, unit, { short: true }))}
          categoryNames={names}
          series={series}
          formatValue={(value) => formatShare(value, 100)}
        />
      }
      tableLabel={t('chart.showTable')}
      caption={title}
      rowHeader={t(unit === 'hour' ? 'chart.column.hour' : 'chart.column.day')}
      rowNames={names}
      columns={[
        { header: t('coverageTrend.column.converted'), cell: (row) => formatCount(buckets[row].converted) },
        ...IDS.map((id) => ({
          header: t(`coverage.id.${id.key}`),
          cell: (row: number) =>
            t('coverageTrend.cell', {
              count: formatCount(buckets[row][id.key]),
              share: formatShare(buckets[row][id.key], buckets[row].converted),
            }),
        })),
      ]}
    />
  )
}
