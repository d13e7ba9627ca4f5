/** The one sleep: waits between retries and claim looks. Injected as `sleep` where tests need time to stand still. */
export const sleep = (ms: number): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, ms))
