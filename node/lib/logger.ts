import type { Logger } from '@vtex/api'

/**
 * The app's one logger: every module logs through this interface, built from ctx.vtex.logger by
 * `logger()` (in the wiring, or at the edge that has the ctx), so tests hand in a fake and no module
 * reaches for ctx.vtex.logger itself. Log lines carry order ids, destinations, statuses and
 * reasons: never PII, never a body.
 */
export interface DeliveryLogger {
  info(entry: Record<string, unknown>): void
  warn(entry: Record<string, unknown>): void
  error(entry: Record<string, unknown>): void
}

/** The pipeline's structured log lines, written to the IO logger (colossus-write-logs). */
export const logger = (io: Logger): DeliveryLogger => ({
  info: (entry) => io.info(entry),
  warn: (entry) => io.warn(entry),
  error: (entry) => io.error(entry),
})
