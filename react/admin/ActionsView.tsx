import React, { useState } from 'react'
import { useLazyQuery, useMutation, useQuery } from 'react-apollo'
import { Alert, Button, Dropdown, Input, PageBlock, Tag } from 'vtex.styleguide'
import REPLAY_DEAD_LETTERS from './graphql/replayDeadLetters.gql'
import PREVIEW from './graphql/preview.gql'
import ORDER_FORM_APP from './graphql/orderFormApp.gql'
import REGISTER from './graphql/registerOrderFormApp.gql'
import { formatCount, prettyJson } from './format'
import { useMessages } from './messages'
import { ErrorState, errorText, Loading, useNotify } from './states'
import { Code } from './DeliveryDetail'
import BackfillSection from './BackfillSection'
import { DESTINATIONS } from './types'
import type { Destination, OrderPreview, ReplaySummary } from './types'

/** What a merchant does after a fix: replay dead letters, send past orders, preview an order, register the checkout app. */
export default function ActionsView() {
  const t = useMessages()
  return (
    <div data-testid="actions-view">
      <h2 className="t-heading-4 mt0">{t('actions.title')}</h2>
      <ReplayDeadLetters />
      <BackfillSection />
      <PreviewOrder />
      <OrderFormRegistration />
    </div>
  )
}

function ReplayDeadLetters() {
  const t = useMessages()
  const notify = useNotify()
  const [destination, setDestination] = useState<Destination>('vtexAds')
  const [replay, { loading }] = useMutation<{ adsEventsReplayDeadLetters: ReplaySummary }>(REPLAY_DEAD_LETTERS)
  const run = async () => {
    try {
      const { data } = await replay({ variables: { destination } })
      const summary = data!.adsEventsReplayDeadLetters
      notify(
        summary.replayed === 0
          ? t('actions.replayAll.nothing', { destination: t(`destination.${destination}`) })
          : t('actions.replayAll.done', {
              replayed: formatCount(summary.replayed),
              sent: formatCount(summary.sent),
              dead: formatCount(summary.dead),
              failed: formatCount(summary.failed),
              remaining: formatCount(summary.remaining),
            })
      )
    } catch (error) {
      notify(errorText(error as Error, t('actions.replayAll.error')))
    }
  }
  return (
    <PageBlock title={t('actions.replayAll.title')} subtitle={t('actions.replayAll.description')} variation="full">
      <div className="flex flex-wrap items-end">
        <div className="mr5 mb3" style={{ minWidth: 200 }}>
          <Dropdown
            id="replay-destination"
            label={t('actions.replayAll.destination')}
            value={destination}
            options={DESTINATIONS.map((name) => ({ value: name, label: t(`destination.${name}`) }))}
            onChange={(_, value) => setDestination(value as Destination)}
          />
        </div>
        <div className="mb3">
          <Button variation="primary" isLoading={loading} onClick={run}>
            {t('actions.replayAll.button', { destination: t(`destination.${destination}`) })}
          </Button>
        </div>
      </div>
    </PageBlock>
  )
}

function PreviewOrder() {
  const t = useMessages()
  const [orderId, setOrderId] = useState('')
  const [run, { data, loading, error, called }] = useLazyQuery<{ adsEventsPreview: OrderPreview }>(PREVIEW, { fetchPolicy: 'network-only' })
  const submit = () => {
    if (orderId.trim()) run({ variables: { orderId: orderId.trim() } })
  }
  return (
    <PageBlock title={t('actions.preview.title')} subtitle={t('actions.preview.description')} variation="full">
      <form
        className="flex flex-wrap items-end"
        onSubmit={(event) => {
          event.preventDefault()
          submit()
        }}
      >
        <div className="mr5 mb3" style={{ minWidth: 240 }}>
          <Input id="preview-order" label={t('actions.preview.orderId')} placeholder="1390620512853-01" value={orderId} onChange={(event) => setOrderId(event.target.value)} />
        </div>
        <div className="mb3">
          <Button type="submit" variation="secondary" isLoading={loading} disabled={!orderId.trim()}>
            {t('actions.preview.button')}
          </Button>
        </div>
      </form>
      {called && loading && <Loading />}
      {called && !loading && error && <ErrorState error={error} />}
      {called && !loading && !error && data && (
        <div data-testid="preview-result">
          {data.adsEventsPreview.notes.length > 0 && <p className="t-small c-muted-1">{t('actions.preview.notes', { notes: data.adsEventsPreview.notes.join('; ') })}</p>}
          {data.adsEventsPreview.destinations.map((entry) => (
            <section key={entry.destination} className="mb5" aria-label={t(`destination.${entry.destination}`)}>
              <h3 className="t-heading-6 mb2">
                {t(`destination.${entry.destination}`)}{' '}
                <Tag size="small" type={entry.status === 'ready' ? 'success' : entry.status === 'invalid' ? 'error' : undefined} variation={entry.status === 'skipped' ? 'low' : 'default'}>
                  {t(`preview.label.${entry.status}`)}
                </Tag>
              </h3>
              {entry.reason && <p className="t-body mv2">{entry.reason}</p>}
              {entry.errorsJson && <Code text={prettyJson(entry.errorsJson)} label={t('detail.errors')} />}
              {entry.request && <Code text={`${entry.request.method} ${entry.request.url}\n${prettyJson(entry.request.headersJson)}\n\n${prettyJson(entry.request.body)}`} label={t('detail.preview')} />}
            </section>
          ))}
        </div>
      )}
    </PageBlock>
  )
}

function OrderFormRegistration() {
  const t = useMessages()
  const notify = useNotify()
  const { data, loading, error, refetch } = useQuery<{ adsEventsOrderFormApp: { registered: boolean; fields: string[]; missingFields: string[] } }>(ORDER_FORM_APP, {
    fetchPolicy: 'network-only',
  })
  const [register, registration] = useMutation<{ adsEventsRegisterOrderFormApp: boolean }>(REGISTER)
  const run = async () => {
    try {
      const answer = await register()
      notify(answer.data?.adsEventsRegisterOrderFormApp ? t('actions.registration.changed') : t('actions.registration.unchanged'))
      await refetch()
    } catch (registerError) {
      notify(errorText(registerError as Error, t('actions.registration.error')))
    }
  }
  const status = data?.adsEventsOrderFormApp
  return (
    <PageBlock title={t('actions.registration.title')} subtitle={t('actions.registration.description')} variation="full">
      {loading && !data ? (
        <Loading />
      ) : error || !status ? (
        <ErrorState error={error} onRetry={() => refetch()} />
      ) : (
        <div className="mb4" data-testid="registration-status">
          {status.registered ? (
            <Alert type="success">{t('actions.registration.registered', { fields: status.fields.join(', ') })}</Alert>
          ) : (
            <Alert type="warning">{t('actions.registration.missing', { fields: status.missingFields.join(', ') })}</Alert>
          )}
        </div>
      )}
      <Button variation="secondary" isLoading={registration.loading} onClick={run}>
        {t('actions.registration.button')}
      </Button>
    </PageBlock>
  )
}
