/** The admin GraphQL answers (graphql/schema.graphql), as the page reads them. */
export const DESTINATIONS = ['vtexAds', 'impact', 'openai'] as const
export type Destination = (typeof DESTINATIONS)[number]
export const STATUSES = ['sent', 'skipped', 'dead', 'failed', 'pending'] as const

export interface StatusCounts {
  sent: number
  skipped: number
  dead: number
  failed: number
}

export interface DestinationHealth {
  destination: Destination
  enabled: boolean
  lastSuccessAt: string | null
  alert: boolean
  failuresLastHour: number
  sentLastHour: number
  last24h: StatusCounts
  last7d: StatusCounts
}

export interface Coverage {
  destination: Destination
  since: string
  converted: number
  sessionId: number
  noStorefrontSession: number
  consentRefused: number
  userId: number
  impactClickId: number
  oppref: number
  skipped: number
  skippedReasons: Array<{ reason: string; count: number }>
}

export interface DeliveryFilter {
  orderId?: string
  status?: string
  destination?: string
}

export interface DeliveryRow {
  destination: Destination
  orderId: string
  status: string
  attempts: number
  reason: string | null
  updatedAt: string
  sentAt: string | null
  orderCreatedAt: string | null
  canceled: boolean
}

export interface DeliveryRecord {
  destination: Destination
  orderId: string
  status: string
  attempts: number
  reason: string | null
  lastError: string | null
  errorsJson: string | null
  notes: string[] | null
  createdAt: string
  updatedAt: string
  sentAt: string | null
  canceledAt: string | null
  orderCreatedAt: string | null
}

export interface DestinationPreview {
  destination: Destination
  status: 'ready' | 'skipped' | 'invalid'
  reason: string | null
  errorsJson: string | null
  request: { method: string; url: string; headersJson: string; body: string } | null
}

export interface OrderPreview {
  orderId: string
  notes: string[]
  destinations: DestinationPreview[]
}

export interface ReplaySummary {
  destination: Destination
  replayed: number
  sent: number
  dead: number
  failed: number
  remaining: number
}

export interface BackfillJob {
  id: string
  from: string
  to: string
  /** queued, running, done or failed */
  status: string
  ordersSeen: number
  ordersQueued: number
  createdAt: string
  updatedAt: string
}

export const TREND_WINDOWS = ['LAST_24_HOURS', 'LAST_7_DAYS', 'LAST_30_DAYS'] as const
export type TrendWindow = (typeof TREND_WINDOWS)[number]

interface TrendBucket {
  from: string
  to: string
}

export interface DeliveryTrend {
  destination: Destination
  window: TrendWindow
  /** hour or day */
  unit: string
  buckets: Array<TrendBucket & StatusCounts>
}

export interface CoverageTrend {
  destination: Destination
  window: TrendWindow
  unit: string
  buckets: Array<TrendBucket & { converted: number; sessionId: number; userId: number; impactClickId: number; oppref: number }>
}
