import React, { useState } from 'react'
import { Layout, PageHeader, Tab, Tabs, ToastProvider } from 'vtex.styleguide'
import HealthView from './HealthView'
import CoverageView from './CoverageView'
import DeliveriesView from './DeliveriesView'
import ActionsView from './ActionsView'
import { useMessages } from './messages'
import { NotifyProvider } from './states'
import type { DeliveryFilter } from './types'
import { DEBUG_FLAG } from '../debug/debugParam'

const VIEWS = ['health', 'coverage', 'deliveries', 'actions'] as const
type View = (typeof VIEWS)[number]

/**
 * The merchant's page (admin route admin.app.ads-events): are conversions flowing, which ids do
 * orders carry, why did one not go, and the actions that fix it.
 */
export default function AdminPage() {
  const t = useMessages()
  const [view, setView] = useState<View>('health')
  const [deliveriesFilter, setDeliveriesFilter] = useState<DeliveryFilter>({})

  return (
    <ToastProvider positioning="window">
      <NotifyProvider>
        <Layout
          fullWidth
          pageHeader={
            <PageHeader title={t('title')} subtitle={t('admin.subtitle')}>
              {/* The storefront's debug overlay (react/debug/) for theme developers: a new tab of the store, this host. */}
              <a href={`/?${DEBUG_FLAG}`} target="_blank" rel="noopener noreferrer" className="c-link">
                {t('admin.debugStore')}
              </a>
            </PageHeader>
          }
        >
          <nav aria-label={t('admin.views')} className="mb6">
            <Tabs>
              {VIEWS.map((name) => (
                <Tab key={name} label={t(`tab.${name}`)} active={view === name} onClick={() => setView(name)} />
              ))}
            </Tabs>
          </nav>
          <section aria-label={t(`tab.${view}`)}>
            {view === 'health' && (
              <HealthView
                onShowDeadLetters={(destination) => {
                  setDeliveriesFilter({ status: 'dead', destination })
                  setView('deliveries')
                }}
              />
            )}
            {view === 'coverage' && <CoverageView />}
            {view === 'deliveries' && <DeliveriesView initialFilter={deliveriesFilter} />}
            {view === 'actions' && <ActionsView />}
          </section>
        </Layout>
      </NotifyProvider>
    </ToastProvider>
  )
}
