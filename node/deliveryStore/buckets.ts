/** The app's VBase buckets (VBase scopes them to the app: policy vbase-read-write). */
export const LEDGER_BUCKET = 'ads-events-deliveries'
export const DEAD_LETTER_BUCKET = 'ads-events-dead-letters'
/** Cross-replica claims on orders (claims.ts). */
export const CLAIMS_BUCKET = 'ads-events-claims'
/** Orders to retry later without a broadcast (retryQueue.ts). */
export const RETRY_QUEUE_BUCKET = 'ads-events-retry-queue'
/** The scheduled run's own state: reconciliation watermark, backfill jobs. */
export const STATE_BUCKET = 'ads-events-state'
