/**
 * OpenAI accepts an event whose timestamp_ms is within the last 7 days and no more than 10
 * minutes ahead. Older or future events are refused (and fail their whole batch), so they are
 * never sent. The clock is injected: tests run on any day against fixture orders of Nov 2026.
 */
export const MAX_EVENT_AGE_MS = 7 * 24 * 60 * 60 * 1000
export const MAX_EVENT_LEAD_MS = 10 * 60 * 1000

export function timestampWindowError(timestampMs: number, nowMs: number): string | undefined {
  const ageMs = nowMs - timestampMs
  if (ageMs > MAX_EVENT_AGE_MS)
    return `too-old: the order was created ${Math.floor(ageMs / 3_600_000)} h ago; OpenAI accepts events from the last 7 days only`
  if (-ageMs > MAX_EVENT_LEAD_MS)
    return `in-the-future: the order is dated ${Math.ceil(-ageMs / 60_000)} min ahead of now; OpenAI accepts at most 10 min ahead (check the clock)`
  return undefined
}
