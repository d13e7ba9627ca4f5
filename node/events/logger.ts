import type { Logger } from '@vtex/api'
import type { DeliveryLogger } from '../delivery/pipeline'

/** The pipeline's structured log lines, written to the IO logger (colossus-write-logs). */
export const logger = (io: Logger): DeliveryLogger => ({
  info: (entry) => io.info(entry),
  warn: (entry) => io.warn(entry),
  error: (entry) => io.error(entry),
})
