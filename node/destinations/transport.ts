import type { DestinationName, DestinationResponse, OutboundRequest } from './destination'

/** How the pipeline reaches a destination: the IO clients in production, fakes in unit tests. */
export interface Transport {
  /** Resolves with any HTTP answer; rejects only when there is none (timeout, connection error). */
  send(destination: DestinationName, request: OutboundRequest): Promise<DestinationResponse>
}

interface DestinationClients {
  vtexAdsEvents: { sendConversion(request: OutboundRequest): Promise<DestinationResponse> }
  impact: { sendConversion(request: OutboundRequest): Promise<DestinationResponse> }
  openaiAds: { sendEvents(request: OutboundRequest): Promise<DestinationResponse> }
}

export const clientTransport = (clients: DestinationClients): Transport => ({
  send(destination, request) {
    switch (destination) {
      case 'vtexAds':
        return clients.vtexAdsEvents.sendConversion(request)
      case 'impact':
        return clients.impact.sendConversion(request)
      case 'openai':
        return clients.openaiAds.sendEvents(request)
    }
  },
})
