import { checkOmsOrder } from '../order/omsOrder'
import { resolveMaskedEmail } from '../order/orderEmail'
import { previewOrder, type OrderPreview } from '../delivery/preview'
import type { OrderStatusDeps } from '../delivery/processOrderStatus'

export interface AdminDestinationPreview {
  destination: string
  status: string
  reason?: string
  errorsJson?: string
  request?: { method: string; url: string; headersJson: string; body: string }
}

export interface AdminOrderPreview {
  orderId: string
  notes: string[]
  destinations: AdminDestinationPreview[]
}

/** The preview as GraphQL carries it: lists and JSON text (the schema has no JSON scalar). */
export const toAdminPreview = (preview: OrderPreview): AdminOrderPreview => ({
  orderId: preview.orderId,
  notes: preview.notes,
  destinations: Object.entries(preview.destinations).map(([destination, entry]) => ({
    destination,
    status: entry.status,
    reason: entry.reason,
    errorsJson: entry.errors ? JSON.stringify(entry.errors, null, 2) : undefined,
    request: entry.request && {
      method: entry.request.method,
      url: entry.request.url,
      headersJson: JSON.stringify(entry.request.headers, null, 2),
      body: typeof entry.request.body === 'string' ? entry.request.body : JSON.stringify(entry.request.body, null, 2),
    },
  })),
})

/** One read, no retries: the merchant is waiting and can click again. */
export const PREVIEW_READ_TIMEOUT_MS = 5_000

/** An order OMS answered with, but that is not one the pipeline could map. */
export class PreviewError extends Error {}

/**
 * What each destination would receive for this order now, decided by the pipeline's own
 * functions with the current settings: secrets redacted, personal data only as the hashes the
 * destinations get (a hard-masked e-mail is resolved from the profile first, as a delivery does).
 * Nothing is sent and nothing is written.
 */
export async function previewForAdmin(orderId: string, deps: Pick<OrderStatusDeps, 'readOrder' | 'lookupProfileEmail' | 'settings' | 'destinations'>, nowMs: number): Promise<AdminOrderPreview> {
  const checked = checkOmsOrder(await deps.readOrder(orderId, PREVIEW_READ_TIMEOUT_MS), orderId)
  if (checked.kind !== 'order') throw new PreviewError(`Order ${orderId} cannot be previewed: ${checked.reason}`)
  const resolved = await resolveMaskedEmail(checked.order, deps.lookupProfileEmail)
  return toAdminPreview(previewOrder(resolved.order, deps.settings, deps.destinations, nowMs, resolved.note))
}
