import { ExternalClient, type InstanceOptions, type IOContext } from '@vtex/api'
import type { GetAdsBody } from '../ads/getAdsBody'
import type { GetAdsAnswer } from '../ads/querySponsoredAds'
import { toEgressRequest } from './destinationClient'

/**
 * VTEX Ads Get ads (`POST {adsBaseUrl}/v1/rma/{publisherId}`). The base URL and publisher id are
 * settings, known per request. No retries: the page waits for this answer, and Get ads asks for a
 * 500–600 ms timeout (a retry could only come too late). The timeout is the caller's remaining
 * budget. Answers of any status are returned, never thrown.
 */
export class VtexAdsQueryClient extends ExternalClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super('', context, { ...options, retries: 0, timeout: 600 })
  }

  async getAds(url: string, body: GetAdsBody, timeoutMs: number): Promise<GetAdsAnswer> {
    const egress = toEgressRequest(url, { 'Content-Type': 'application/json', Accept: 'application/json' })
    const response = await this.http.postRaw<unknown>(egress.url, body, {
      headers: egress.headers,
      metric: 'vtexads-get-ads',
      timeout: Math.max(1, Math.floor(timeoutMs)),
      validateStatus: () => true,
    })
    return { status: response.status, data: response.data }
  }
}
