import React, { useState } from 'react'
import { useMutation, useQuery } from 'react-apollo'
import { Button, EXPERIMENTAL_Table as Table, EXPERIMENTAL_useTableMeasures as useTableMeasures, Input, PageBlock, Tag } from 'vtex.styleguide'
import BACKFILL from './graphql/backfill.gql'
import BACKFILL_JOBS from './graphql/backfillJobs.gql'
import { backfillRangeProblem, formatCount, formatDateTime, isoDay } from './format'
import { useMessages } from './messages'
import { ErrorState, errorText, Loading, useNotify } from './states'
import type { BackfillJob } from './types'

const DAY_MS = 86_400_000
const STATUS_TAG: Record<string, 'success' | 'error' | 'warning' | undefined> = { done: 'success', failed: 'error', running: 'warning' }

/**
 * Send the orders of a date range (an app installed today, orders of the last days): the
 * scheduled run walks the range a few pages at a time, and the jobs below show how far it got.
 */
export default function BackfillSection() {
  const t = useMessages()
  const notify = useNotify()
  const [from, setFrom] = useState(() => isoDay(Date.now() - 7 * DAY_MS))
  const [to, setTo] = useState(() => isoDay(Date.now()))
  const [problem, setProblem] = useState<string | undefined>()
  const jobs = useQuery<{ adsEventsBackfillJobs: BackfillJob[] }>(BACKFILL_JOBS, { fetchPolicy: 'network-only' })
  const [start, starting] = useMutation<{ adsEventsBackfill: BackfillJob }>(BACKFILL)
  const items = jobs.data?.adsEventsBackfillJobs ?? []
  const measures = useTableMeasures({ size: items.length, density: 'compact' })

  const submit = async () => {
    const invalid = backfillRangeProblem(from, to, Date.now())
    setProblem(invalid)
    if (invalid) return
    try {
      const { data } = await start({ variables: { from, to } })
      const job = data!.adsEventsBackfill
      notify(t('actions.backfill.started', { from, to, status: t(`backfill.status.${job.status}`) }))
      await jobs.refetch()
    } catch (error) {
      notify(errorText(error as Error, t('actions.backfill.error')))
    }
  }

  return (
    <PageBlock title={t('actions.backfill.title')} subtitle={t('actions.backfill.description')} variation="full">
      <form
        className="flex flex-wrap items-end"
        onSubmit={(event) => {
          event.preventDefault()
          submit()
        }}
      >
        <div className="mr5 mb3">
          <Input id="backfill-from" type="date" label={t('actions.backfill.from')} value={from} onChange={(event) => setFrom(event.target.value)} />
        </div>
        <div className="mr5 mb3">
          <Input id="backfill-to" type="date" label={t('actions.backfill.to')} value={to} onChange={(event) => setTo(event.target.value)} />
        </div>
        <div className="mb3">
          <Button type="submit" variation="secondary" isLoading={starting.loading}>
            {t('actions.backfill.button')}
          </Button>
        </div>
      </form>
      {problem && (
        <p className="c-danger t-small" role="alert">
          {t(problem)}
        </p>
      )}
      <h3 className="t-heading-6 mb3">{t('actions.backfill.jobs')}</h3>
      {jobs.loading && !jobs.data ? (
        <Loading />
      ) : jobs.error ? (
        <ErrorState error={jobs.error} onRetry={() => jobs.refetch()} />
      ) : (
        <div data-testid="backfill-jobs">
          <Table
            measures={measures}
            items={items}
            rowKey={({ rowData }) => (rowData as BackfillJob).id}
            empty={items.length === 0}
            emptyState={{ label: t('actions.backfill.empty') }}
            columns={[
              { id: 'range', title: t('actions.backfill.column.range'), extended: true, cellRenderer: ({ data }) => `${(data as BackfillJob).from.slice(0, 10)} – ${(data as BackfillJob).to.slice(0, 10)}` },
              {
                id: 'status',
                title: t('actions.backfill.column.status'),
                cellRenderer: ({ data }) => (
                  <Tag size="small" type={STATUS_TAG[data as string]} variation={data === 'queued' ? 'low' : 'default'}>
                    {t(`backfill.status.${data as string}`)}
                  </Tag>
                ),
              },
              { id: 'ordersSeen', title: t('actions.backfill.column.seen'), cellRenderer: ({ data }) => formatCount(data as number) },
              { id: 'ordersQueued', title: t('actions.backfill.column.queued'), cellRenderer: ({ data }) => formatCount(data as number) },
              { id: 'updatedAt', title: t('actions.backfill.column.updated'), cellRenderer: ({ data }) => formatDateTime(data as string, { short: true }) },
            ]}
          />
          <Button variation="tertiary" size="small" onClick={() => jobs.refetch()}>
            {t('common.refresh')}
          </Button>
        </div>
      )}
    </PageBlock>
  )
}
