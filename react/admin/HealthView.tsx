import React from 'react'
import { useQuery } from 'react-apollo'
import { Button, EXPERIMENTAL_Table as Table, EXPERIMENTAL_useTableMeasures as useTableMeasures, PageBlock, Tag } from 'vtex.styleguide'
import HEALTH from './graphql/health.gql'
import { formatCount, formatDateTime } from './format'
import { useMessages } from './messages'
import { ErrorState, Loading } from './states'
import FailureBanner from './FailureBanner'
import DeliveryTrendBlock from './DeliveryTrendBlock'
import type { Destination, DestinationHealth, StatusCounts } from './types'

interface Props {
  /** Opens the Deliveries view on one destination's dead letters. */
  onShowDeadLetters(destination: Destination): void
}

type Row = DestinationHealth & { counts: StatusCounts }

/**
 * Per destination: the one-hour failure banner, outcomes over time (chart), outcomes over 24 hours
 * and 7 days (tables) and the last success.
 */
export default function HealthView({ onShowDeadLetters }: Props) {
  const t = useMessages()
  const { data, loading, error, refetch } = useQuery<{ adsEventsHealth: { generatedAt: string; destinations: DestinationHealth[] } }>(HEALTH, {
    fetchPolicy: 'network-only',
  })
  if (loading && !data) return <Loading />
  if (error || !data) return <ErrorState error={error} onRetry={() => refetch()} />
  const { destinations, generatedAt } = data.adsEventsHealth

  return (
    <div data-testid="health-view">
      <h2 className="t-heading-4 mt0">{t('health.title')}</h2>
      <FailureBanner destinations={destinations} onShowDeadLetters={onShowDeadLetters} />
      {/* A destination in trouble is the one to look at first. */}
      <DeliveryTrendBlock initialDestination={destinations.find((entry) => entry.alert)?.destination} refreshedAt={generatedAt} />
      <HealthTable title={t('health.window.24h')} rows={destinations.map((entry) => ({ ...entry, counts: entry.last24h }))} onShowDeadLetters={onShowDeadLetters} withLastSuccess />
      <HealthTable title={t('health.window.7d')} rows={destinations.map((entry) => ({ ...entry, counts: entry.last7d }))} onShowDeadLetters={onShowDeadLetters} />
      <p className="t-small c-muted-1">
        {t('health.generatedAt', { at: formatDateTime(generatedAt) })}{' '}
        <Button variation="tertiary" size="small" onClick={() => refetch()}>
          {t('common.refresh')}
        </Button>
      </p>
    </div>
  )
}

function HealthTable({ title, rows, withLastSuccess, onShowDeadLetters }: { title: string; rows: Row[]; withLastSuccess?: boolean } & Props) {
  const t = useMessages()
  const measures = useTableMeasures({ size: rows.length, density: 'compact' })
  const columns = [
    {
      id: 'destination',
      title: t('health.column.destination'),
      extended: true,
      cellRenderer: ({ data }: { data: unknown }) => {
        const row = data as Row
        return (
          <span>
            {t(`destination.${row.destination}`)}{' '}
            {!row.enabled && (
              <Tag size="small" variation="low">
                {t('health.disabled')}
              </Tag>
            )}
          </span>
        )
      },
    },
    ...(['sent', 'skipped', 'failed'] as const).map((status) => ({
      id: status,
      title: t(`status.${status}`),
      extended: true,
      cellRenderer: ({ data }: { data: unknown }) => formatCount((data as Row).counts[status]),
    })),
    {
      id: 'dead',
      title: t('status.dead'),
      extended: true,
      cellRenderer: ({ data }: { data: unknown }) => {
        const row = data as Row
        if (row.counts.dead === 0) return '0'
        return (
          <Button variation="tertiary" size="small" noUpperCase onClick={() => onShowDeadLetters(row.destination)}>
            {t('health.deadLink', { count: formatCount(row.counts.dead), destination: t(`destination.${row.destination}`) })}
          </Button>
        )
      },
    },
    ...(withLastSuccess
      ? [
          {
            id: 'lastSuccessAt',
            title: t('health.lastSuccess'),
            extended: true,
            cellRenderer: ({ data }: { data: unknown }) => ((data as Row).lastSuccessAt ? formatDateTime((data as Row).lastSuccessAt, { short: true }) : t('health.never')),
          },
        ]
      : []),
  ]
  return (
    <PageBlock title={title} variation="full">
      <Table measures={measures} columns={columns} items={rows} rowKey={({ rowData }) => (rowData as Row).destination} />
    </PageBlock>
  )
}
