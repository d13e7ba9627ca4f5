/**
 * The one retry policy every destination uses. Bounded twice: by attempts and by a time budget
 * that keeps in-handler retries well inside service.json's timeout; what is still failing then is
 * recorded and rethrown so the broadcaster redelivers it later.
 */
export interface RetryPolicy {
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** Wall time the retries of one delivery may take, waits included. */
  budgetMs: number
  /** The longest one attempt may take (the client's timeout): a retry must fit whole in the budget. */
  attemptTimeoutMs?: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  budgetMs: 15_000,
  attemptTimeoutMs: 5_000,
}

/** Exponential backoff with "equal jitter": half fixed, half random, so retries of a burst spread out. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(exponential / 2 + (exponential / 2) * random())
}

/**
 * How long to wait before the next attempt, or undefined to stop retrying now.
 * A server's Retry-After wins over our backoff when it is longer.
 */
export function nextRetryDelayMs(
  attemptsMade: number,
  elapsedMs: number,
  policy: RetryPolicy,
  retryAfterMs?: number,
  random?: () => number
): number | undefined {
  if (attemptsMade >= policy.maxAttempts) return undefined
  const delay = Math.max(backoffDelayMs(attemptsMade, policy, random), retryAfterMs ?? 0)
  return elapsedMs + delay + (policy.attemptTimeoutMs ?? 0) <= policy.budgetMs ? delay : undefined
}
