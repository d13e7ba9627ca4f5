import React, { useEffect, useState } from 'react'
import { useMutation, useQuery } from 'react-apollo'
import { Button, Dropdown, EXPERIMENTAL_Table as Table, EXPERIMENTAL_useTableMeasures as useTableMeasures, Input } from 'vtex.styleguide'
import DELIVERIES from './graphql/deliveries.gql'
import REPLAY from './graphql/replay.gql'
import { formatCount, formatDateTime, pageBounds } from './format'
import { useMessages } from './messages'
import { ErrorState, errorText, Loading, useNotify, VISUALLY_HIDDEN } from './states'
import StatusTag from './StatusTag'
import DeliveryDetail from './DeliveryDetail'
import { DESTINATIONS, STATUSES } from './types'
import type { DeliveryFilter, DeliveryRow, Destination } from './types'

export const PAGE_SIZE = 20
const REPLAYABLE = ['dead', 'failed']

/** Deliveries newest first: search by order, filter by status and destination, details and replay per row. */
export default function DeliveriesView({ initialFilter }: { initialFilter: DeliveryFilter }) {
  const t = useMessages()
  const notify = useNotify()
  const [draft, setDraft] = useState<DeliveryFilter>(initialFilter)
  const [filter, setFilter] = useState<DeliveryFilter>(initialFilter)
  const [page, setPage] = useState(1)
  const [selected, setSelected] = useState<{ orderId: string; destination: Destination } | undefined>()
  const [replaying, setReplaying] = useState<string | undefined>()
  useEffect(() => {
    setDraft(initialFilter)
    setFilter(initialFilter)
    setPage(1)
  }, [initialFilter])

  const { data, loading, error, refetch } = useQuery<{ adsEventsDeliveries: { total: number; page: number; items: DeliveryRow[] } }>(DELIVERIES, {
    variables: { filter: clean(filter), page, pageSize: PAGE_SIZE },
    fetchPolicy: 'network-only',
  })
  const [replay] = useMutation<{ adsEventsReplay: Array<{ destination: Destination; orderId: string; status: string; reason: string | null }> }>(REPLAY)

  const search = () => {
    setFilter(draft)
    setPage(1)
    setSelected(undefined)
  }

  const replayRow = async (row: DeliveryRow) => {
    const key = `${row.destination}:${row.orderId}`
    if (replaying) return
    setReplaying(key)
    try {
      const answer = await replay({ variables: { orderIds: [row.orderId], destination: row.destination } })
      const result = answer.data?.adsEventsReplay.find((entry) => entry.destination === row.destination)
      const values = { orderId: row.orderId, destination: t(`destination.${row.destination}`), status: t(`status.${result?.status ?? row.status}`), reason: result?.reason ?? '' }
      notify(result?.status === 'sent' ? t('replay.sent', values) : t('replay.notSent', values))
      await refetch()
    } catch (replayError) {
      notify(errorText(replayError as Error, t('replay.error', { orderId: row.orderId })))
    } finally {
      setReplaying(undefined)
    }
  }

  const rows = data?.adsEventsDeliveries.items ?? []
  const total = data?.adsEventsDeliveries.total ?? 0
  const { from, to } = pageBounds(page, PAGE_SIZE, rows.length)
  const measures = useTableMeasures({ size: rows.length, density: 'compact' })

  return (
    <div data-testid="deliveries-view">
      <h2 className="t-heading-4 mt0">{t('deliveries.title')}</h2>
      <form
        className="flex flex-wrap items-end mb5"
        role="search"
        aria-label={t('deliveries.search')}
        onSubmit={(event) => {
          event.preventDefault()
          search()
        }}
      >
        <div className="mr5 mb3" style={{ minWidth: 220 }}>
          <Input id="deliveries-order" label={t('deliveries.orderId')} placeholder="1390620512853-01" value={draft.orderId ?? ''} onChange={(event) => setDraft({ ...draft, orderId: event.target.value })} />
        </div>
        <div className="mr5 mb3" style={{ minWidth: 180 }}>
          <Dropdown
            id="deliveries-status"
            label={t('deliveries.status')}
            value={draft.status ?? ''}
            options={[{ value: '', label: t('deliveries.allStatuses') }, ...STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))]}
            onChange={(_, value) => setDraft({ ...draft, status: value || undefined })}
          />
        </div>
        <div className="mr5 mb3" style={{ minWidth: 180 }}>
          <Dropdown
            id="deliveries-destination"
            label={t('deliveries.destination')}
            value={draft.destination ?? ''}
            options={[{ value: '', label: t('deliveries.allDestinations') }, ...DESTINATIONS.map((name) => ({ value: name, label: t(`destination.${name}`) }))]}
            onChange={(_, value) => setDraft({ ...draft, destination: value || undefined })}
          />
        </div>
        <div className="mr3 mb3">
          <Button type="submit" variation="primary" size="small">
            {t('deliveries.apply')}
          </Button>
        </div>
        <div className="mb3">
          <Button
            variation="tertiary"
            size="small"
            onClick={() => {
              setDraft({})
              setFilter({})
              setPage(1)
              setSelected(undefined)
            }}
          >
            {t('deliveries.clear')}
          </Button>
        </div>
      </form>

      {error ? (
        <ErrorState error={error} onRetry={() => refetch()} />
      ) : loading && !data ? (
        <Loading />
      ) : (
        <>
          <Table
            measures={measures}
            items={rows}
            rowKey={({ rowData }) => `${(rowData as DeliveryRow).destination}:${(rowData as DeliveryRow).orderId}`}
            empty={rows.length === 0}
            emptyState={{ label: t('deliveries.empty') }}
            columns={[
              { id: 'orderId', title: t('deliveries.column.order') },
              { id: 'destination', title: t('deliveries.column.destination'), cellRenderer: ({ data: name }) => t(`destination.${name as string}`) },
              { id: 'status', title: t('deliveries.column.status'), cellRenderer: ({ data: status }) => <StatusTag status={status as string} /> },
              { id: 'attempts', title: t('deliveries.column.attempts'), cellRenderer: ({ data: attempts }) => formatCount(attempts as number) },
              {
                id: 'reason',
                title: t('deliveries.column.answer'),
                cellRenderer: ({ data: reason }) => (
                  <span className="truncate dib" style={{ maxWidth: 240 }} title={(reason as string) ?? ''}>
                    {(reason as string) ?? '—'}
                  </span>
                ),
              },
              { id: 'updatedAt', title: t('deliveries.column.updated'), cellRenderer: ({ data: at }) => formatDateTime(at as string, { short: true }) },
              {
                id: 'actions',
                title: t('deliveries.column.actions'),
                extended: true,
                cellRenderer: ({ data }) => {
                  const row = data as DeliveryRow
                  const key = `${row.destination}:${row.orderId}`
                  return (
                    <span className="flex">
                      <Button variation="tertiary" size="small" noUpperCase onClick={() => setSelected({ orderId: row.orderId, destination: row.destination })}>
                        {t('deliveries.details')}
                        <span style={VISUALLY_HIDDEN}> {row.orderId}</span>
                      </Button>
                      {REPLAYABLE.includes(row.status) && (
                        <Button variation="secondary" size="small" isLoading={replaying === key} disabled={replaying !== undefined} onClick={() => replayRow(row)}>
                          {t('deliveries.replay')}
                          <span style={VISUALLY_HIDDEN}> {row.orderId}</span>
                        </Button>
                      )}
                    </span>
                  )
                },
              },
            ]}
          />
          <nav className="flex items-center justify-end mt4" aria-label={t('deliveries.pagination')}>
            <span className="t-small c-muted-1 mr4" aria-live="polite">
              {t('deliveries.range', { from: formatCount(from), to: formatCount(to), total: formatCount(total) })}
            </span>
            <span className="mr3">
              <Button variation="secondary" size="small" disabled={page <= 1 || loading} onClick={() => setPage(page - 1)}>
                {t('deliveries.previous')}
              </Button>
            </span>
            <Button variation="secondary" size="small" disabled={to >= total || loading} onClick={() => setPage(page + 1)}>
              {t('deliveries.next')}
            </Button>
          </nav>
        </>
      )}
      {selected && <DeliveryDetail orderId={selected.orderId} destination={selected.destination} onClose={() => setSelected(undefined)} />}
    </div>
  )
}

/** Empty fields are no filter. */
function clean(filter: DeliveryFilter): DeliveryFilter {
  const out: DeliveryFilter = {}
  if (filter.orderId && filter.orderId.trim()) out.orderId = filter.orderId.trim()
  if (filter.status) out.status = filter.status
  if (filter.destination) out.destination = filter.destination
  return out
}
