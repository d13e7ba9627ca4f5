import React, { KeyboardEvent, useState } from 'react'

import type { BridgeValues } from '../identity/bridgeFields'
import { bridgeValues } from '../identity/orderFormBridge'
import { BRIDGE_FIELDS, bridgeWrites } from './identityView'
import { endDebugMode } from './debugSession'
import { eventMessage, eventStateName, statusText, viewMessage, viewNumbers } from './eventText'
import { DebugMessage, useDebugText } from './messages'
import type { AdRow, PageSnapshot, PublicConfig } from './pageSnapshot'
import type { EmptyReason, QueryView, SwitchedOffView } from './adQueries'
import type { EventState } from './pageSnapshot'
import * as style from './styles'

type Text = (key: DebugMessage) => string

/** What the overlay knows of the cart: its id (order-manager's) and, once read, the fields of ours it holds. */
export interface CartView {
  orderFormId?: string
  fields?: BridgeValues
}

const TABS = ['ads', 'query', 'identity', 'warnings'] as const
type Tab = (typeof TABS)[number]

const EventCell = ({ state, event, text }: { state: EventState; event: string; text: Text }) => (
  <td style={style.cell} data-event={event} data-state={eventStateName(state)}>
    {text(eventMessage(state))}
    {statusText(state)}
  </td>
)

const ViewCell = ({ ad, text }: { ad: AdRow; text: Text }) => {
  if (ad.viewSent.kind !== 'not-yet') return <EventCell state={ad.viewSent} event="view" text={text} />
  return (
    <td style={style.cell} data-event="view" data-state={ad.view.kind === 'not-counting' ? ad.view.why : ad.view.kind}>
      {text(viewMessage(ad.view))} <span style={style.muted}>{viewNumbers(ad.view)}</span>
    </td>
  )
}

const AdsTab = ({ snapshot, text }: { snapshot: PageSnapshot; text: Text }) => (
  <>
    {snapshot.eventsWaiting ? <p style={style.note}>{text('ads.waitingIdentity')}</p> : null}
    {snapshot.bufferWasFull ? <p style={style.note}>{text('ads.bufferFull')}</p> : null}
    {snapshot.ads.length === 0 ? (
      <p style={style.note}>{text('ads.none')}</p>
    ) : (
      <table style={style.table}>
        <thead>
          <tr>
            {(['ads.ad', 'event.impression', 'event.view', 'event.click'] as const).map((key) => (
              <th key={key} scope="col" style={{ ...style.cell, ...style.muted }}>
                {text(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {snapshot.ads.map((ad) => (
            <tr key={ad.key} data-ad-id={ad.adId}>
              <th scope="row" style={{ ...style.cell, fontWeight: 'normal' }}>
                <span style={style.code}>{ad.adId}</span> <span style={style.muted}>{ad.type}</span>
                <br />
                <span style={{ ...style.code, ...style.muted }} title={text('ads.placement')}>
                  {ad.placement}
                </span>
              </th>
              <EventCell state={ad.impression} event="impression" text={text} />
              <ViewCell ad={ad} text={text} />
              <EventCell state={ad.click} event="click" text={text} />
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </>
)

const EMPTY_MESSAGES: Record<EmptyReason, DebugMessage> = {
  pending: 'empty.pending',
  'no-publisher': 'empty.noPublisher',
  disabled: 'empty.disabled',
  deadline: 'empty.deadline',
  error: 'empty.error',
  budget: 'empty.budget',
  none: 'empty.none',
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

const QueryItem = ({ query, text }: { query: QueryView; text: Text }) => (
  <li style={{ marginBottom: 8 }} data-query-context={query.context}>
    <div>
      {text('query.sent')} {seconds(query.sentAtMs)} · {query.tookMs === undefined ? text('query.pending') : `${text('query.took')} ${Math.round(query.tookMs)} ms`}
    </div>
    <div>
      {text('query.context')}:{' '}
      <span style={style.code}>
        {[query.context, query.channel, ...query.contextValues.map(([name, value]) => `${name}=${value}`), query.dedupAds ? 'dedup_ads' : ''].filter(Boolean).join(' · ')}
      </span>
    </div>
    <div>
      <span style={style.code}>
        session_id={query.sessionId}
        {query.userId ? ` · user_id=${query.userId}` : ''}
      </span>
    </div>
    <div>{text('query.placements')}:</div>
    <ul style={style.list}>
      {query.placements.map((placement, index) => (
        <li key={index} data-placement={placement.name} data-empty={placement.empty}>
          <span style={style.code}>{placement.name}</span>{' '}
          <span style={style.muted}>
            {text('query.asked')} {placement.asked.quantity} {placement.asked.types.join(', ')}
          </span>
          {' → '}
          {placement.ads.length > 0 ? (
            <>
              {placement.ads.length} {text('query.ads')}: <span style={style.code}>{placement.ads.map((ad) => ad.adId).join(', ')}</span>
            </>
          ) : (
            text(EMPTY_MESSAGES[placement.empty || 'none'])
          )}
        </li>
      ))}
    </ul>
  </li>
)

/** The blocks that asked for nothing: switched off in the Site Editor. */
const SwitchedOffList = ({ blocks, text }: { blocks: SwitchedOffView[]; text: Text }) => (
  <>
    <p style={style.note}>{text('query.switchedOff')}:</p>
    <ul style={{ ...style.list, marginBottom: 8 }}>
      {blocks.map((block) => (
        <li key={`${block.block} ${block.placement}`} data-switched-off={block.block} data-empty="inactive">
          <span style={style.code}>{block.block}</span> <span style={style.code}>{block.placement}</span>
          {' → '}
          {text('empty.inactive')}
        </li>
      ))}
    </ul>
  </>
)

const QueryTab = ({ snapshot, text }: { snapshot: PageSnapshot; text: Text }) => (
  <>
    {snapshot.switchedOff.length > 0 ? <SwitchedOffList blocks={snapshot.switchedOff} text={text} /> : null}
    {snapshot.queries.length === 0 ? (
      <p style={style.note}>{text('query.none')}</p>
    ) : (
      <ol style={style.list} reversed>
        {snapshot.queries.map((query, index) => (
          <QueryItem key={index} query={query} text={text} />
        ))}
      </ol>
    )}
  </>
)

const Row = ({ label, children, name }: { label: string; children: React.ReactNode; name: string }) => (
  <tr data-identity={name}>
    <th scope="row" style={{ ...style.cell, ...style.muted, fontWeight: 'normal', whiteSpace: 'nowrap' }}>
      {label}
    </th>
    <td style={style.cell}>{children}</td>
  </tr>
)

const consentText = (snapshot: PageSnapshot, config: PublicConfig | undefined, text: Text) => {
  if (config && !config.requireConsent) return text('identity.consentNotRequired')
  const consent = snapshot.identity.consent
  return text(consent === 'granted' ? 'identity.consentGranted' : consent === 'denied' ? 'identity.consentDenied' : 'identity.consentNoAnswer')
}

const IdentityTab = ({ snapshot, config, cart, text }: { snapshot: PageSnapshot; config?: PublicConfig; cart: CartView; text: Text }) => {
  const { identity, stored, managers } = snapshot.identity
  const writes = bridgeWrites()
  // What the bridge keeps in the cart (identity.ts bridgePlan): the ids, none without consent.
  const expected = snapshot.cartPlan && (snapshot.cartPlan.identity ? bridgeValues(snapshot.cartPlan.identity) : {})
  const differing = expected && cart.fields ? BRIDGE_FIELDS.filter((field) => (expected[field] || '') !== ((cart.fields && cart.fields[field]) || '')) : []
  const clickIds = identity ? [identity.impact_click_id && `irclickid=${identity.impact_click_id}`, identity.oppref && `oppref=${identity.oppref}`].filter(Boolean) : []
  return (
    <table style={style.table}>
      <tbody>
        <Row label={text('identity.sessionId')} name="session_id">
          {identity ? (
            <>
              <span style={style.code}>{identity.session_id}</span> <span style={style.muted}>{text(stored ? 'identity.stored' : 'identity.pageOnly')}</span>
            </>
          ) : (
            text('identity.undecided')
          )}
        </Row>
        <Row label={text('identity.userId')} name="user_id">
          {identity && identity.user_id ? <span style={style.code}>{identity.user_id}</span> : text('identity.none')}
        </Row>
        <Row label={text('identity.clickIds')} name="click_ids">
          {clickIds.length > 0 ? <span style={style.code}>{clickIds.join(' · ')}</span> : text('identity.none')}
        </Row>
        <Row label={text('identity.consent')} name="consent">
          {consentText(snapshot, config, text)}
        </Row>
        <Row label={text('identity.managers')} name="managers">
          {managers.length > 0 ? managers.join(', ') : text('identity.none')}
        </Row>
        <Row label={text('identity.orderForm')} name="order_form">
          {cart.orderFormId ? <span style={style.code}>{cart.orderFormId}</span> : text('identity.noCart')}
        </Row>
        {cart.orderFormId ? (
          <Row label={text('identity.holds')} name="holds">
            <span style={style.code}>
              {cart.fields
                ? BRIDGE_FIELDS.filter((field) => cart.fields && cart.fields[field])
                    .map((field) => `${field}=${cart.fields && cart.fields[field]}`)
                    .join(' · ') || text('identity.none')
                : '…'}
            </span>
          </Row>
        ) : null}
        {cart.orderFormId && cart.fields && expected ? (
          <Row label={text('identity.writes')} name="written">
            {differing.length === 0 ? text('identity.inStep') : `${text('identity.notInStep')} `}
            <span style={style.code}>
              {differing.join(', ')}
              {writes.length > 0 ? ` (${writes.map((write) => `${write.method || 'PUT'}${write.field ? ` ${write.field}` : ''} → ${write.status === undefined ? '…' : write.status}`).join(' · ')})` : ''}
            </span>
          </Row>
        ) : null}
      </tbody>
    </table>
  )
}

const WarningsTab = ({ snapshot, text }: { snapshot: PageSnapshot; text: Text }) =>
  snapshot.warnings.length === 0 ? (
    <p style={style.note}>{text('warnings.none')}</p>
  ) : (
    <ul style={style.list}>
      {snapshot.warnings.map((warning, index) => (
        <li key={index} data-warning={warning.kind} style={{ marginBottom: 6 }}>
          {text(`warning.${warning.kind}` as DebugMessage)}{' '}
          <span style={style.code}>
            {warning.subject}
            {warning.detail ? ` (${warning.detail})` : ''}
          </span>
        </li>
      ))}
    </ul>
  )

const TAB_MESSAGES: Record<Tab, DebugMessage> = { ads: 'tab.ads', query: 'tab.query', identity: 'tab.identity', warnings: 'tab.warnings' }

/** The panel: four tabs (ads and their events, Get ads, identity, warnings), foldable, and the button that ends debug mode. */
const Panel = ({ snapshot, config, cart }: { snapshot: PageSnapshot; config?: PublicConfig; cart: CartView }) => {
  const text = useDebugText()
  const [open, setOpen] = useState(true)
  const [selected, setSelected] = useState<Tab>(snapshot.warnings.length > 0 ? 'warnings' : 'ads')
  const counts: Record<Tab, number | undefined> = { ads: snapshot.ads.length, query: snapshot.queries.length, identity: undefined, warnings: snapshot.warnings.length }
  // Arrow keys move between tabs (WAI-ARIA tabs pattern); only the selected tab is in the tab order.
  const onTabKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (!step) return
    const next = TABS[(TABS.indexOf(selected) + step + TABS.length) % TABS.length]
    setSelected(next)
    const button = document.getElementById(`ads-events-debug-tab-${next}`)
    if (button) button.focus()
  }
  return (
    <section style={style.panel(open)} aria-labelledby="ads-events-debug-title" data-ads-events-debug="panel">
      <div style={style.header}>
        <h2 id="ads-events-debug-title" style={style.title}>
          {text('title')}
        </h2>
        <button type="button" style={style.button} aria-expanded={open} onClick={() => setOpen(!open)}>
          {text(open ? 'hidePanel' : 'showPanel')}
        </button>
        <button type="button" style={style.button} onClick={endDebugMode}>
          {text('turnOff')}
        </button>
      </div>
      {open ? (
        <>
          <div role="tablist" aria-label={text('tabs')} style={style.tabList} onKeyDown={onTabKey}>
            {TABS.map((tab) => (
              <button
                key={tab}
                type="button"
                role="tab"
                id={`ads-events-debug-tab-${tab}`}
                aria-selected={tab === selected}
                aria-controls="ads-events-debug-view"
                tabIndex={tab === selected ? 0 : -1}
                style={style.tab(tab === selected)}
                onClick={() => setSelected(tab)}
              >
                {text(TAB_MESSAGES[tab])}
                {counts[tab] === undefined ? '' : ` (${counts[tab]})`}
              </button>
            ))}
          </div>
          <div role="tabpanel" id="ads-events-debug-view" aria-labelledby={`ads-events-debug-tab-${selected}`} style={style.body} tabIndex={0}>
            {selected === 'ads' ? <AdsTab snapshot={snapshot} text={text} /> : null}
            {selected === 'query' ? <QueryTab snapshot={snapshot} text={text} /> : null}
            {selected === 'identity' ? <IdentityTab snapshot={snapshot} config={config} cart={cart} text={text} /> : null}
            {selected === 'warnings' ? <WarningsTab snapshot={snapshot} text={text} /> : null}
          </div>
        </>
      ) : null}
    </section>
  )
}

export default Panel
