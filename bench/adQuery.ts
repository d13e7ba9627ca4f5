import { startSandbox } from '../sandbox/sandbox'
import { percentile } from './pool'

/**
 * adquery_p95_ms: what the ad query adds on top of the ad server's own latency. The real Service
 * (child process, @vtex/api's GraphQL route) answers `sponsoredAds` for three placements through
 * its real client and the sandbox proxy; the Get ads stand-in answers after `serverDelayMs` and
 * records its own time per request. Figure = p95 over `queries` sequential queries (after a
 * warm-up) of (GraphQL round trip − the stand-in's own time): GraphQL parse and validation,
 * settings (cached), input validation, request build, the proxy hop, answer mapping. The
 * browser ↔ gateway leg is not in it (it is not ours to measure here).
 */
const QUERY = `query($input: SponsoredAdsInput!) { sponsoredAds(input: $input) { placements { name ads { adId type productSku mediaUrl impressionUrl viewUrl clickUrl products { productSku impressionUrl } } } } }`

const INPUT = {
  sessionId: 'f361661f598647799009a34562f18347',
  userId: '6a746448cf5942bcaa3da426844ad115',
  channel: 'site',
  context: 'search',
  term: 'outdoor',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  productClusterIds: ['139'],
  placements: [
    { position: 'top-shelf', quantity: 4, types: ['product'] },
    { position: 'middle', quantity: 1, types: ['banner'] },
    { position: 'top', quantity: 1, types: ['sponsored_brand'] },
  ],
}


export interface AdQueryFigure {
  p95Ms: number
  p50Ms: number
  queries: number
  serverDelayMs: number
}

export const adQueryP95Ms = async (queries = 200, serverDelayMs = 20): Promise<AdQueryFigure> => {
  const sandbox = await startSandbox()
  try {
    sandbox.getAds.delayMs = serverDelayMs
    const run = async () => {
      const served = sandbox.getAds.servedMs.length
      const started = performance.now()
      const answer = await sandbox.service!.graphql(QUERY, { input: INPUT })
      const total = performance.now() - started
      const ads = (answer.body as { data?: { sponsoredAds?: { placements: Array<{ ads: unknown[] }> } } }).data?.sponsoredAds?.placements ?? []
      if (answer.status !== 200 || ads.some((placement) => placement.ads.length === 0) || sandbox.getAds.servedMs.length !== served + 1) {
        throw new Error(`adquery bench: unexpected answer ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`)
      }
      return total - sandbox.getAds.servedMs[served]
    }
    for (let i = 0; i < 20; i++) await run() // warm-up: JIT, keep-alive sockets, settings cache
    const overheads: number[] = []
    for (let i = 0; i < queries; i++) overheads.push(await run())
    const round = (value: number) => Math.round(value * 10) / 10
    return { p95Ms: round(percentile(overheads, 95)), p50Ms: round(percentile(overheads, 50)), queries, serverDelayMs }
  } finally {
    await sandbox.stop()
  }
}
