import type { OutboundRequest } from '../destinations/destination'
import { DestinationClient } from './destinationClient'

/** VTEX Ads events API (conversions). The URL comes from the eventsBaseUrl setting. */
export class VtexAdsEventsClient extends DestinationClient {
  sendConversion(request: OutboundRequest) {
    return this.send(request, 'vtexads-conversion')
  }
}
