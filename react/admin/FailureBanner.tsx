import React from 'react'
import { Alert, Button } from 'vtex.styleguide'
import { APP_SETTINGS_PATH } from './appSettings'
import { formatCount } from './format'
import { useMessages } from './messages'
import type { Destination, DestinationHealth } from './types'

interface Props {
  destinations: DestinationHealth[]
  onShowDeadLetters(destination: Destination): void
}

/**
 * What the Health view opens with when a destination has had failures (failed or dead) and no
 * success for an hour: which one, and what to do about it, in order.
 */
export default function FailureBanner({ destinations, onShowDeadLetters }: Props) {
  const t = useMessages()
  return (
    <>
      {destinations
        .filter((entry) => entry.alert)
        .map((entry) => {
          const destination = t(`destination.${entry.destination}`)
          return (
            <div className="mb5" key={entry.destination} data-testid={`failure-banner-${entry.destination}`}>
              <Alert type="error">
                <div>
                  <p className="mt0 mb3 b">{t('banner.title', { destination, count: formatCount(entry.failuresLastHour) })}</p>
                  <ol className="mv0 pl4">
                    <li className="mb2">
                      {t('banner.step.settings', { destination })}{' '}
                      <a href={APP_SETTINGS_PATH} className="c-link">
                        {t('banner.openSettings')}
                      </a>
                    </li>
                    <li className="mb2">
                      {t('banner.step.deadLetters', { destination })}{' '}
                      <Button variation="tertiary" size="small" noUpperCase onClick={() => onShowDeadLetters(entry.destination)}>
                        {t('banner.openDeadLetters', { destination })}
                      </Button>
                    </li>
                    <li>{t('banner.step.replay')}</li>
                  </ol>
                </div>
              </Alert>
            </div>
          )
        })}
    </>
  )
}
