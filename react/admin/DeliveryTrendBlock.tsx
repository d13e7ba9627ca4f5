import React, { useEffect, useRef, useState } from 'react'
import { useQuery } from 'react-apollo'
import { Dropdown, PageBlock } from 'vtex.styleguide'
import DELIVERY_TREND from './graphql/deliveryTrend.gql'
import ChartFigure from './charts/ChartFigure'
import StackedBars from './charts/StackedBars'
import type { ChartSeries } from './charts/types'
import { formatBucket, formatCount, utcOffsetMinutes } from './format'
import { useMessages } from './messages'
import { ErrorState, Loading } from './states'
import { isShown } from './trendSelection'
import { DESTINATIONS, TREND_WINDOWS } from './types'
import type { DeliveryTrend, Destination, TrendWindow } from './types'

/** Outcomes bottom to top; failures hatched so they read without colour. */
const OUTCOMES = [
  { key: 'sent', color: '#0b7a4b' },
  { key: 'skipped', color: '#727e8c' },
  { key: 'failed', color: '#b35c00', hatched: true },
  { key: 'dead', color: '#c4122f', hatched: true },
] as const

/** Is it flowing, slowing or failing? One destination's outcomes per hour or day, with the table behind. */
interface Props {
  initialDestination?: Destination
  /** Health's figures time: when Health refreshes, the chart does too, keeping its selection. */
  refreshedAt?: string
}

export default function DeliveryTrendBlock({ initialDestination = 'vtexAds', refreshedAt }: Props) {
  const t = useMessages()
  const [destination, setDestination] = useState<Destination>(initialDestination)
  const [period, setPeriod] = useState<TrendWindow>('LAST_24_HOURS')
  const { data, loading, error, refetch } = useQuery<{ adsEventsDeliveryTrend: DeliveryTrend }>(DELIVERY_TREND, {
    variables: { destination, window: period, utcOffsetMinutes: utcOffsetMinutes() },
    fetchPolicy: 'network-only',
  })
  const shownAt = useRef(refreshedAt)
  useEffect(() => {
    if (refreshedAt === shownAt.current) return
    shownAt.current = refreshedAt
    refetch()
  }, [refreshedAt, refetch])

  return (
    <div data-testid="delivery-trend">
      {/* The description inside the white box: PageBlock's subtitle (#727273 on the Layout's #f2f4f5) is 4.35:1, under WCAG's 4.5. */}
      <PageBlock title={t('trend.title')} variation="full">
        <div>
          <p className="t-body c-muted-1 mt0 mb5">{t('trend.description')}</p>
          <div className="flex flex-wrap mb4">
            <div className="mr5 mb3" style={{ minWidth: 200 }}>
              <Dropdown
                id="trend-destination"
                label={t('trend.destination')}
                value={destination}
                options={DESTINATIONS.map((name) => ({ value: name, label: t(`destination.${name}`) }))}
                onChange={(_, value) => setDestination(value as Destination)}
              />
            </div>
            <div className="mb3" style={{ minWidth: 220 }}>
              <Dropdown
                id="trend-window"
                label={t('trend.window')}
                value={period}
                options={TREND_WINDOWS.map((value) => ({ value, label: t(`trend.window.${value}`) }))}
                onChange={(_, value) => setPeriod(value as TrendWindow)}
              />
            </div>
          </div>
          {loading && !isShown(data?.adsEventsDeliveryTrend, destination, period) ? (
            <Loading />
          ) : error || !data ? (
            <ErrorState error={error} onRetry={() => refetch()} />
          ) : (
            <DeliveryTrendChart trend={data.adsEventsDeliveryTrend} />
          )}
        </div>
      </PageBlock>
    </div>
  )
}

function DeliveryTrendChart({ trend }: { trend: DeliveryTrend }) {
  const t = useMessages()
  const { buckets, unit } = trend
  const series: ChartSeries[] = OUTCOMES.map((outcome) => ({
    ...outcome,
    label: t(`status.${outcome.key}`),
    values: buckets.map((bucket) => bucket[outcome.key]),
  }))
  const total = (key: (typeof OUTCOMES)[number]['key']) => formatCount(buckets.reduce((sum, bucket) => sum + bucket[key], 0))
  const names = buckets.map((bucket) => formatBucket(bucket.from, unit))
  const windowLabel = t(`trend.window.${trend.window}`)
  const destination = t(`destination.${trend.destination}`)
  const summary = t('trend.summary', {
    destination,
    window: windowLabel,
    sent: total('sent'),
    skipped: total('skipped'),
    failed: total('failed'),
    dead: total('dead'),
  })
  return (
    <ChartFigure
      summary={summary}
      id="delivery-trend-chart"
      series={series}
      chart={
        <StackedBars
          id="delivery-trend-chart"
          title={t('trend.chartTitle', { destination, window: windowLabel })}
          categories={buckets.map((bucket) => formatBucket(bucket.from, unit, { short: true }))}
          categoryNames={names}
          series={series}
          formatValue={(value) => formatCount(value)}
        />
      }
      tableLabel={t('chart.showTable')}
      caption={t('trend.chartTitle', { destination, window: windowLabel })}
      rowHeader={t(unit === 'hour' ? 'chart.column.hour' : 'chart.column.day')}
      rowNames={names}
      columns={OUTCOMES.map((outcome) => ({ header: t(`status.${outcome.key}`), cell: (row) => formatCount(buckets[row][outcome.key]) }))}
    />
  )
}
