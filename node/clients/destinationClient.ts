import { ExternalClient, type InstanceOptions, type IOContext } from '@vtex/api'
import type { DestinationResponse, OutboundRequest } from '../destinations/destination'

/**
 * IO apps reach the internet through the platform's egress proxy over plain http; the proxy
 * speaks https to the host when asked with X-Vtex-Use-Https. Base URLs are settings, so the
 * target host is known only per request.
 */
export function toEgressRequest(url: string, headers: Record<string, string>): { url: string; headers: Record<string, string> } {
  const parsed = new URL(url)
  if (parsed.protocol !== 'https:') return { url, headers }
  parsed.protocol = 'http:'
  return { url: parsed.toString(), headers: { ...headers, 'X-Vtex-Use-Https': 'true' } }
}

/**
 * axios 0.x runs Object.keys() over a string body in mergeConfig, several times per request:
 * about 80 µs per 2 KB each time (measured). A JSON body is handed over as the object it was
 * serialized from; axios serializes it back to the very same bytes (both are JSON.stringify).
 */
function axiosBody(request: OutboundRequest): unknown {
  const contentType = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? ''
  return /^application\/json\b/i.test(contentType) ? JSON.parse(request.body) : request.body
}

/**
 * The HTTP edge shared by every ad platform: posts an already-built request and returns the
 * answer whatever its status. Retries are not done here: @vtex/api would never retry a POST that
 * got a 5xx or a 429, so delivery/ owns the one retry policy for all destinations.
 */
export class DestinationClient extends ExternalClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super('', context, { timeout: 5_000, ...options, retries: 0 })
  }

  async send(request: OutboundRequest, metric: string): Promise<DestinationResponse> {
    const egress = toEgressRequest(request.url, request.headers)
    const response = await this.http.postRaw<unknown>(egress.url, axiosBody(request), {
      headers: egress.headers,
      metric,
      validateStatus: () => true,
    })
    return { status: response.status, headers: response.headers as Record<string, string | undefined>, body: response.data }
  }
}
