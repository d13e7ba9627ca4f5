/** The one real-time wait; every caller takes it as an injectable dependency so tests never wait. */
export const sleep = (ms: number): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, ms))
