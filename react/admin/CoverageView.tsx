import React, { useState } from 'react'
import { useQuery } from 'react-apollo'
import { Dropdown, EmptyState, EXPERIMENTAL_Table as Table, EXPERIMENTAL_useTableMeasures as useTableMeasures, PageBlock } from 'vtex.styleguide'
import COVERAGE from './graphql/coverage.gql'
import { formatCount, formatDateTime, formatShare, reasonKey, shareOf } from './format'
import { useMessages } from './messages'
import { ErrorState, Loading } from './states'
import CoverageTrendBlock from './CoverageTrendBlock'
import { DESTINATIONS } from './types'
import type { Coverage, Destination } from './types'

const IDS = ['sessionId', 'userId', 'impactClickId', 'oppref'] as const
/** How the sales split: with the storefront's session, without one (still sent to VTEX Ads), consent refused. */
const SALES = ['sessionId', 'noStorefrontSession', 'consentRefused'] as const
const WINDOWS = [1, 7, 30]

/** Which ids the converted orders carried (is the storefront part installed right?), and why deliveries were skipped. */
export default function CoverageView() {
  const t = useMessages()
  const [destination, setDestination] = useState<Destination>('vtexAds')
  const [days, setDays] = useState(7)
  const { data, loading, error, refetch } = useQuery<{ adsEventsIdentityCoverage: Coverage }>(COVERAGE, {
    variables: { destination, days },
    fetchPolicy: 'network-only',
  })

  return (
    <div data-testid="coverage-view">
      <h2 className="t-heading-4 mt0">{t('coverage.title')}</h2>
      <p className="t-body c-muted-1 mt0">{t('coverage.description')}</p>
      <div className="flex flex-wrap mb5">
        <div className="mr5 mb3" style={{ minWidth: 200 }}>
          <Dropdown
            id="coverage-destination"
            label={t('coverage.destination')}
            value={destination}
            options={DESTINATIONS.map((name) => ({ value: name, label: t(`destination.${name}`) }))}
            onChange={(_, value) => setDestination(value as Destination)}
          />
        </div>
        <div className="mb3" style={{ minWidth: 160 }}>
          <Dropdown
            id="coverage-days"
            label={t('coverage.window')}
            value={days}
            options={WINDOWS.map((value) => ({ value, label: t('coverage.days', { days: value }) }))}
            onChange={(_, value) => setDays(Number(value))}
          />
        </div>
      </div>
      {loading && !data ? <Loading /> : error || !data ? <ErrorState error={error} onRetry={() => refetch()} /> : <CoverageFigures coverage={data.adsEventsIdentityCoverage} days={days} />}
      <CoverageTrendBlock destination={destination} days={days} />
    </div>
  )
}

/** Counts of the converted orders, each with its share of them as a bar. */
function ShareTable({ keys, label, coverage }: { keys: ReadonlyArray<keyof Coverage>; label: string; coverage: Coverage }) {
  const t = useMessages()
  const measures = useTableMeasures({ size: keys.length, density: 'compact' })
  const rows = keys.map((id) => ({ id, count: coverage[id] as number, share: shareOf(coverage[id] as number, coverage.converted) }))
  return (
    <Table
      measures={measures}
      items={rows}
      rowKey={({ rowData }) => (rowData as { id: string }).id}
      columns={[
        { id: 'id', title: t('coverage.column.id'), cellRenderer: ({ data }) => t(`${label}${data as string}`) },
        { id: 'count', title: t('coverage.column.orders'), cellRenderer: ({ data }) => formatCount(data as number) },
        {
          id: 'share',
          title: t('coverage.column.share'),
          extended: true,
          cellRenderer: ({ data }) => {
            const row = data as (typeof rows)[number]
            return (
              <span className="flex items-center">
                <span aria-hidden="true" className="dib bg-muted-4 br2 mr3" style={{ width: 120, height: 8 }}>
                  <span className="db bg-action-primary br2" style={{ width: `${row.share}%`, height: 8 }} />
                </span>
                {formatShare(row.count, coverage.converted)}
              </span>
            )
          },
        },
      ]}
    />
  )
}

function CoverageFigures({ coverage, days }: { coverage: Coverage; days: number }) {
  const t = useMessages()
  const reasonMeasures = useTableMeasures({ size: coverage.skippedReasons.length, density: 'compact' })
  const converted = t('coverage.converted', { count: formatCount(coverage.converted), days, since: formatDateTime(coverage.since) })

  return (
    <>
      {coverage.converted === 0 ? (
        <PageBlock title={t('coverage.ids.title')} subtitle={converted} variation="full">
          <EmptyState title={t('coverage.empty.title')}>
            <p>{t('coverage.empty.description')}</p>
          </EmptyState>
        </PageBlock>
      ) : (
        <>
          <PageBlock title={t('coverage.sales.title')} subtitle={`${converted} ${t('coverage.sales.subtitle')}`} variation="full">
            <ShareTable keys={SALES} label="coverage.sales." coverage={coverage} />
          </PageBlock>
          <PageBlock title={t('coverage.ids.title')} variation="full">
            <ShareTable keys={IDS} label="coverage.id." coverage={coverage} />
          </PageBlock>
        </>
      )}
      <PageBlock title={t('coverage.skipped.title')} subtitle={t('coverage.skipped.subtitle', { count: formatCount(coverage.skipped) })} variation="full">
        {coverage.skippedReasons.length === 0 ? (
          <p className="t-body">{t('coverage.skipped.empty')}</p>
        ) : (
          <Table
            measures={reasonMeasures}
            items={coverage.skippedReasons}
            rowKey={({ rowData }) => (rowData as { reason: string }).reason}
            columns={[
              { id: 'reason', title: t('coverage.column.reason'), cellRenderer: ({ data }) => t(reasonKey(data as string)) },
              { id: 'count', title: t('coverage.column.deliveries'), cellRenderer: ({ data }) => formatCount(data as number) },
            ]}
          />
        )}
      </PageBlock>
    </>
  )
}
