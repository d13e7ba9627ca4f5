import React from 'react'
import { Tag } from 'vtex.styleguide'
import { useMessages } from './messages'

export const statusTagType = (status: string): 'success' | 'error' | 'warning' | undefined =>
  status === 'sent' ? 'success' : status === 'dead' ? 'error' : status === 'failed' ? 'warning' : undefined

export default function StatusTag({ status }: { status: string }) {
  const t = useMessages()
  return (
    <Tag size="small" type={statusTagType(status)} variation={status === 'skipped' || status === 'pending' ? 'low' : 'default'}>
      {t(`status.${status}`)}
    </Tag>
  )
}

