/** HTTP status of a failed IO client call (undefined: no answer at all: timeout, connection error). */
export const statusOf = (error: unknown): number | undefined => (error as { response?: { status?: number } })?.response?.status

/** Worth trying again later: no answer, 429, or a server error. Other statuses are the request's fault. */
export const isTransientStatus = (status: number | undefined): boolean => status === undefined || status === 429 || status >= 500
