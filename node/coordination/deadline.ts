/**
 * The time one broadcast (or one scheduled run) may still take. service.json's `timeout` kills a
 * handler that overruns it, so every wait and every call is bounded by what is left of this.
 */
export interface Deadline {
  remainingMs(): number
}

export const deadlineIn = (ms: number, now: () => number = Date.now): Deadline => {
  const end = now() + ms
  return { remainingMs: () => Math.max(0, end - now()) }
}

/** A deadline that never ends, for callers with no time limit of their own (the preview CLI, unit tests). */
export const NO_DEADLINE: Deadline = { remainingMs: () => Number.POSITIVE_INFINITY }
