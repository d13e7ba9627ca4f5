import React, { createContext, useCallback, useContext, useState } from 'react'
import type { ReactNode } from 'react'
import { Button, EmptyState, Spinner, ToastContext } from 'vtex.styleguide'
import type { GraphqlError } from 'react-apollo'
import { useMessages } from './messages'

/** Visually hidden, read by screen readers. */
export const VISUALLY_HIDDEN: React.CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' }

export function Loading({ label }: { label?: string }) {
  const t = useMessages()
  return (
    <div role="status" className="flex items-center justify-center pa7">
      <Spinner />
      <span style={VISUALLY_HIDDEN}>{label ?? t('common.loading')}</span>
    </div>
  )
}

/** The server's own message when it sent one (a refused filter, an unknown order), else a generic one. */
export const errorText = (error: GraphqlError | Error | undefined, fallback: string): string => {
  const server = (error as GraphqlError | undefined)?.graphQLErrors?.[0]?.message
  return server ?? fallback
}

export function ErrorState({ error, onRetry }: { error?: Error; onRetry?: () => void }) {
  const t = useMessages()
  return (
    <div role="alert">
      <EmptyState title={t('common.error.title')}>
        <p>{errorText(error, t('common.error.description'))}</p>
        {onRetry && (
          <Button variation="secondary" size="small" onClick={() => onRetry()}>
            {t('common.error.retry')}
          </Button>
        )}
      </EmptyState>
    </div>
  )
}

/**
 * Toasts, also announced to screen readers: the styleguide's toast has no live region, so the
 * page keeps one and repeats each message there.
 */
const ANNOUNCE_DELAY_MS = 100
const NotifyContext = createContext<(message: string) => void>(() => undefined)

export function NotifyProvider({ children }: { children: ReactNode }) {
  const { showToast } = useContext(ToastContext)
  const [announcement, setAnnouncement] = useState('')
  const notify = useCallback(
    (message: string) => {
      showToast({ message, duration: 8000 })
      // Emptied first, so the same message twice (a second click) is announced twice.
      setAnnouncement('')
      setTimeout(() => setAnnouncement(message), ANNOUNCE_DELAY_MS)
    },
    [showToast]
  )
  return (
    <NotifyContext.Provider value={notify}>
      {children}
      <div role="status" aria-live="polite" style={VISUALLY_HIDDEN} data-testid="announcement">
        {announcement}
      </div>
    </NotifyContext.Provider>
  )
}

export const useNotify = () => useContext(NotifyContext)
