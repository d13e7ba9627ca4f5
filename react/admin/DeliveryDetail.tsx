import React, { useEffect, useRef } from 'react'
import { useQuery } from 'react-apollo'
import { Button, PageBlock } from 'vtex.styleguide'
import DELIVERY_STATUS from './graphql/deliveryStatus.gql'
import PREVIEW from './graphql/preview.gql'
import { formatDateTime, prettyJson } from './format'
import { useMessages } from './messages'
import { ErrorState, Loading } from './states'
import StatusTag from './StatusTag'
import type { DeliveryRecord, Destination, OrderPreview } from './types'

/**
 * One delivery in full: the ledger record (attempts, timestamps, the platform's own error list)
 * and the request the destination would get now (secrets redacted, personal data hashed).
 */
export default function DeliveryDetail({ orderId, destination, onClose }: { orderId: string; destination: Destination; onClose(): void }) {
  const t = useMessages()
  const heading = useRef<HTMLHeadingElement>(null)
  const status = useQuery<{ adsEventsDeliveryStatus: DeliveryRecord[] }>(DELIVERY_STATUS, { variables: { orderId }, fetchPolicy: 'network-only' })
  const preview = useQuery<{ adsEventsPreview: OrderPreview }>(PREVIEW, { variables: { orderId }, fetchPolicy: 'network-only' })
  // Keyboard and screen-reader users land on what they opened.
  useEffect(() => heading.current?.focus(), [orderId, destination])

  const record = status.data?.adsEventsDeliveryStatus.find((entry) => entry.destination === destination)
  const request = preview.data?.adsEventsPreview.destinations.find((entry) => entry.destination === destination)

  return (
    <section className="mt6" aria-labelledby="delivery-detail-title" data-testid="delivery-detail">
      <PageBlock variation="full">
        <div className="flex items-center justify-between">
          <h3 id="delivery-detail-title" ref={heading} tabIndex={-1} className="t-heading-5 mv0 outline-0">
            {t('detail.title', { orderId, destination: t(`destination.${destination}`) })}
          </h3>
          <Button variation="tertiary" size="small" onClick={onClose}>
            {t('detail.close')}
          </Button>
        </div>
        {status.loading && !status.data ? (
          <Loading />
        ) : status.error || !record ? (
          <ErrorState error={status.error} onRetry={() => status.refetch()} />
        ) : (
          <dl className="t-body">
            <Field label={t('detail.status')}>
              <StatusTag status={record.status} /> {record.canceledAt ? t('detail.canceled', { at: formatDateTime(record.canceledAt) }) : null}
            </Field>
            <Field label={t('detail.attempts')}>{record.attempts}</Field>
            <Field label={t('detail.answer')}>{record.reason ?? record.lastError ?? '—'}</Field>
            <Field label={t('detail.orderPlaced')}>{formatDateTime(record.orderCreatedAt)}</Field>
            <Field label={t('detail.created')}>{formatDateTime(record.createdAt)}</Field>
            <Field label={t('detail.updated')}>{formatDateTime(record.updatedAt)}</Field>
            <Field label={t('detail.sent')}>{formatDateTime(record.sentAt)}</Field>
            {record.notes && record.notes.length > 0 && <Field label={t('detail.notes')}>{record.notes.join('; ')}</Field>}
            {record.errorsJson && (
              <Field label={t('detail.errors')}>
                <Code text={prettyJson(record.errorsJson)} label={t('detail.errors')} />
              </Field>
            )}
          </dl>
        )}
        <h4 className="t-heading-6 mb3">{t('detail.preview')}</h4>
        <p className="t-small c-muted-1 mt0">{t('detail.previewNote')}</p>
        {preview.loading && !preview.data ? (
          <Loading />
        ) : preview.error || !request ? (
          <ErrorState error={preview.error} onRetry={() => preview.refetch()} />
        ) : request.request ? (
          <Code text={`${request.request.method} ${request.request.url}\n${prettyJson(request.request.headersJson)}\n\n${prettyJson(request.request.body)}`} label={t('detail.preview')} />
        ) : (
          <p className="t-body">{t(`preview.status.${request.status}`, { reason: request.reason ?? '' })}</p>
        )}
      </PageBlock>
    </section>
  )
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-wrap mb3">
      <dt className="c-muted-1 w-30-ns w-100">{label}</dt>
      <dd className="ma0 w-70-ns w-100">{children}</dd>
    </div>
  )
}

/** Scrollable JSON, reachable with the keyboard (a focusable region). */
export function Code({ text, label }: { text: string; label: string }) {
  return (
    <pre tabIndex={0} aria-label={label} className="bg-muted-5 pa4 br2 t-mini overflow-auto" style={{ maxHeight: 320, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {text}
    </pre>
  )
}
